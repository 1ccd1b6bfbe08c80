/// Why a statistic could not be computed. Every case names the problem in words a user can act on.
public enum StatisticsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A sample has fewer observations than the method needs.
    case tooFewObservations(needed: Int, got: Int, what: String)
    /// A value is NaN or infinite.
    case nonFinite(what: String)
    /// A value must be positive (times, for example) and is not.
    case nonPositive(what: String)
    /// A parameter such as a confidence level is out of range.
    case invalidParameter(String)
    /// Every observation has the same value, so the method has nothing to work with.
    case noSpread(what: String)

    public var description: String {
        switch self {
        case let .tooFewObservations(needed, got, what):
            return "\(what) needs at least \(needed) observation\(needed == 1 ? "" : "s"), got \(got)"
        case let .nonFinite(what):
            return "\(what) contains a value that is NaN or infinite"
        case let .nonPositive(what):
            return "\(what) contains a value that is zero or negative"
        case let .invalidParameter(message):
            return message
        case let .noSpread(what):
            return "\(what): every observation is the same, so there is no spread to work with"
        }
    }
}

extension StatisticsError {
    /// Throws unless `values` has at least `count` elements, all finite.
    static func check(_ values: [Double], atLeast count: Int, _ what: String) throws(StatisticsError) {
        guard values.count >= count else {
            throw .tooFewObservations(needed: count, got: values.count, what: what)
        }
        for value in values where !value.isFinite {
            throw .nonFinite(what: what)
        }
    }

    /// Throws unless `level` is strictly between 0 and 1.
    static func checkConfidence(_ level: Double) throws(StatisticsError) {
        guard level > 0, level < 1, level.isFinite else {
            throw .invalidParameter("confidence must be strictly between 0 and 1, got \(level)")
        }
    }
}
