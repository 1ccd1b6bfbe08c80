/// The metadata pyperf keeps at each level; the members that set how values are read are
/// checked, the informative ones (machine, Python) are used only when they have the expected
/// type.
struct PyperfMetadata: Decodable {
    var name: String?
    var unit: String?
    var loops: Int?
    var innerLoops: Int?
    var date: String?
    private var informative: [String: ForeignJSONValue] = [:]

    init() {}

    private enum CodingKeys: String, CodingKey {
        case name, unit, loops, innerLoops = "inner_loops", date
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        unit = try container.decodeIfPresent(String.self, forKey: .unit)
        loops = try container.decodeIfPresent(Int.self, forKey: .loops)
        innerLoops = try container.decodeIfPresent(Int.self, forKey: .innerLoops)
        date = try container.decodeIfPresent(String.self, forKey: .date)
        for (what, count) in [("loops", loops), ("inner_loops", innerLoops)] {
            if let count, count < 1 {
                throw ForeignDataError(.invalidValue, at: decoder.codingPath + [MemberKey(stringValue: what)],
                                       "expected a whole number ≥ 1, found \(count)")
            }
        }
        let all = try decoder.container(keyedBy: MemberKey.self)
        for key in ["hostname", "cpu_model_name", "cpu_count", "platform", "python_implementation", "python_version", "command"] {
            informative[key] = try all.decodeIfPresent(ForeignJSONValue.self, forKey: MemberKey(stringValue: key))
        }
    }

    /// These metadata, with `parent`'s where these have none.
    func inheriting(_ parent: PyperfMetadata) -> PyperfMetadata {
        var merged = self
        merged.name = name ?? parent.name
        merged.unit = unit ?? parent.unit
        merged.loops = loops ?? parent.loops
        merged.innerLoops = innerLoops ?? parent.innerLoops
        merged.date = date ?? parent.date
        merged.informative = informative.merging(parent.informative) { own, _ in own }
        return merged
    }

    /// What the metadata say about the machine.
    var environment: EnvironmentInfo {
        var environment = EnvironmentInfo()
        environment.host = informative["hostname"]?.string
        environment.cpu = informative["cpu_model_name"]?.string
        environment.cores = informative["cpu_count"]?.value.positiveCount
        environment.os = informative["platform"]?.string
        environment.command = informative["command"]?.string
        let implementation = informative["python_implementation"]?.string
        let version = informative["python_version"]?.string
        if implementation != nil || version != nil {
            environment.toolchain = [implementation.map(Self.implementationName) ?? "Python", version].compactMap { $0 }.joined(separator: " ")
        }
        return environment
    }

    /// `CPython` for pyperf's `cpython`, as Python's `platform.python_implementation()` names it.
    private static func implementationName(_ name: String) -> String {
        switch name {
        case "cpython": return "CPython"
        case "pypy": return "PyPy"
        default: return name
        }
    }
}
