/// Why the gate could not judge.
public enum GateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The baseline was measured on a different machine or build, and
    /// `--allow-foreign-machine` was not given. Exit 65.
    case foreignMachine(baseline: String, differences: String)
    /// No benchmark is in both files. Exit 65.
    case nothingToGate(String)
    /// `--threshold NAME=PCT` names a benchmark neither file has. Exit 64.
    case unknownThresholdName(String)
    /// A benchmark's timings cannot be compared. Exit 65.
    case statistics(benchmark: String, reason: String)

    public var description: String {
        switch self {
        case let .foreignMachine(baseline, differences):
            return "\(baseline): the baseline was measured on a different machine or build (\(differences)); timings from different machines cannot be compared for a gate: record a baseline on this kind of machine, or pass --allow-foreign-machine to compare anyway"
        case let .nothingToGate(message): return message
        case let .unknownThresholdName(message): return message
        case let .statistics(benchmark, reason): return "\(benchmark): \(reason)"
        }
    }

    /// A usage problem (exit 64) rather than unusable data (exit 65).
    public var isUsage: Bool {
        if case .unknownThresholdName = self { return true }
        return false
    }
}
