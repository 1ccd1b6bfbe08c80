/// Why a bisection's decisions cannot be taken: an option out of range (a usage error) or a
/// measured time that is not a time.
public enum BisectError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An option is out of range.
    case invalidOption(String)
    /// A measured time is not a positive finite number (a command too short for the clock's
    /// resolution, say).
    case invalidTime(what: String, value: Double)

    public var description: String {
        switch self {
        case let .invalidOption(message):
            return message
        case let .invalidTime(what, value):
            return "\(what) measured \(value), not a positive time; make it run longer (or use the wall clock)"
        }
    }

    /// Whether the command line is at fault (exit 64) rather than the data (65).
    public var isUsage: Bool {
        if case .invalidOption = self { return true }
        return false
    }
}
