/// A package-benchmark baseline (`.benchmarkBaselines/TARGET/NAME/results.json`): the machine,
/// and each benchmark's results, one per metric.
///
/// package-benchmark encodes its results dictionary, keyed by `{target, name}`, the way
/// Foundation's `JSONEncoder` encodes a dictionary whose keys are not strings: one array of
/// alternating keys and values.
struct PackageBenchmarkBaseline: Decodable {
    struct Entry {
        var target: String
        var name: String
        var results: [PackageBenchmarkResult]
    }

    var results: [Entry] = []
    var environment = EnvironmentInfo()

    private struct Identifier: Decodable {
        var target: String
        var name: String
    }

    private struct Machine: Decodable {
        var hostname: String?
        var processors: Int?
        var processorType: String?
        var kernelVersion: String?
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: MemberKey.self)
        _ = try container.decode(String.self, forKey: MemberKey("baselineName"))
        var pairs = try container.nestedUnkeyedContainer(forKey: MemberKey("results"))
        while !pairs.isAtEnd {
            let identifier = try pairs.decode(Identifier.self)
            let metrics = try pairs.decode([PackageBenchmarkResult].self)
            results.append(Entry(target: identifier.target, name: identifier.name, results: metrics))
        }
        // The machine is informative: a member of another type is not used.
        if let machine = try? container.decodeIfPresent(Machine.self, forKey: MemberKey("machine")) {
            environment.host = machine.hostname
            environment.cores = machine.processors.flatMap { $0 >= 1 ? $0 : nil }
            environment.cpu = machine.processorType
            environment.kernel = machine.kernelVersion
        }
    }
}
