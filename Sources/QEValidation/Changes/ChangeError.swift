/// Why change points could not be looked for.
public enum ChangeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `--max-p`, `--min-change` or the confidence is out of range. Exit 64.
    case invalidOption(String)
    /// A series' samples cannot be used (NaN, infinite, zero or negative times, a commit
    /// without runs, an empty run). Exit 65.
    case invalidSeries(series: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidOption(message):
            return message
        case let .invalidSeries(series, reason):
            return "\(series): \(reason)"
        }
    }
}
