/// Why a results file cannot be judged as a sweep.
public enum SweepError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's benchmarks do not form the points of a sweep.
    case notASweep(String)
    /// An option names something the file does not have (a usage error).
    case unknownName(String)
    /// A point's comparison failed (the reason names the point).
    case comparisonFailed(String)

    public var description: String {
        switch self {
        case let .notASweep(reason): return "not a sweep: \(reason)"
        case let .unknownName(reason): return reason
        case let .comparisonFailed(reason): return reason
        }
    }
}
