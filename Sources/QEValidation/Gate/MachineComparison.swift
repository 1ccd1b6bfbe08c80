import QEResults

/// Whether a baseline and new results were measured on the same kind of machine, with the
/// same build: CPU model, core count, OS, toolchain and build configuration (the host name
/// may differ: CI runners of one type are interchangeable).
public struct MachineComparison: Sendable, Equatable, Codable {
    /// What is compared; the raw values are the names messages use.
    public enum Field: String, Sendable, Equatable, Codable, CaseIterable {
        case cpu = "CPU model"
        case cores = "core count"
        case os = "OS"
        case toolchain
        case build
    }

    /// One field that differs.
    public struct Difference: Sendable, Equatable, Codable {
        public var field: Field
        public var baseline: String
        public var results: String
    }

    /// Fields recorded on both sides with different values.
    public var differences: [Difference]
    /// Fields that could not be checked because a side does not record them.
    public var unchecked: [Field]

    public init(baseline: EnvironmentInfo, results: EnvironmentInfo) {
        let fields: [(Field, String?, String?)] = [
            (.cpu, baseline.cpu, results.cpu),
            (.cores, baseline.cores.map(String.init), results.cores.map(String.init)),
            (.os, baseline.os, results.os),
            (.toolchain, baseline.toolchain, results.toolchain),
            (.build, baseline.build, results.build),
        ]
        var differences: [Difference] = []
        var unchecked: [Field] = []
        for (field, first, second) in fields {
            guard let first, let second else {
                unchecked.append(field)
                continue
            }
            if first != second { differences.append(Difference(field: field, baseline: first, results: second)) }
        }
        self.differences = differences
        self.unchecked = unchecked
    }

    /// True when every recorded field agrees.
    public var isSameMachine: Bool { differences.isEmpty }

    /// What differs, in one line: `CPU model 'A' (baseline) vs 'B' (results); core count 2 vs 4`.
    public var summary: String {
        differences.map { "\($0.field.rawValue) '\($0.baseline)' (baseline) vs '\($0.results)' (results)" }.joined(separator: "; ")
    }
}
