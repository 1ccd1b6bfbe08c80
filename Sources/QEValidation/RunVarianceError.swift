import QEStatistics

/// Why a run-to-run variance analysis could not be made.
public enum RunVarianceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `--workload` names a benchmark that no input file has (a usage error).
    case unknownWorkload(names: [String], available: [String])
    /// The statistics refused a benchmark's data (a data error).
    case analysisFailed(file: String, benchmark: String, reason: StatisticsError)

    /// Whether the command line, rather than the data, is at fault.
    public var isUsageError: Bool {
        if case .unknownWorkload = self { return true }
        return false
    }

    /// One line naming the file and benchmark where there is one.
    public var description: String {
        switch self {
        case let .unknownWorkload(names, available):
            let quoted = names.map { "'\($0)'" }.joined(separator: ", ")
            return "no benchmark named \(quoted) in the input; the files have: \(available.joined(separator: ", "))"
        case let .analysisFailed(file, benchmark, reason):
            return "\(file): \(benchmark): \(reason)"
        }
    }
}
