/// The unit of every sample in a results file (`"unit"`): nanoseconds, microseconds, milliseconds
/// or seconds.
///
/// The raw value is the spelling used in the file. No other spelling (`"µs"`, `"sec"`, ...) is
/// accepted; an unknown unit is a data error.
public enum TimeUnit: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// Nanoseconds (`"ns"`).
    case nanoseconds = "ns"
    /// Microseconds (`"us"`).
    case microseconds = "us"
    /// Milliseconds (`"ms"`).
    case milliseconds = "ms"
    /// Seconds (`"s"`).
    case seconds = "s"

    /// How many nanoseconds one of this unit is: 1, 10³, 10⁶ or 10⁹ (all exact in a `Double`).
    public var nanosecondsPerUnit: Double {
        switch self {
        case .nanoseconds: return 1
        case .microseconds: return 1e3
        case .milliseconds: return 1e6
        case .seconds: return 1e9
        }
    }

    /// The unit's symbol as written in results files (`"ns"`, `"us"`, `"ms"`, `"s"`).
    public var description: String { rawValue }

    /// Converts `value`, measured in this unit, to `target`.
    ///
    /// The conversion multiplies or divides by an exact power of ten (never by an inexact
    /// reciprocal such as 1e-9), so the result is the correctly rounded value of the exact
    /// product or quotient: `TimeUnit.nanoseconds.convert(1500, to: .microseconds) == 1.5`.
    public func convert(_ value: Double, to target: TimeUnit) -> Double {
        let from = nanosecondsPerUnit
        let to = target.nanosecondsPerUnit
        if from == to { return value }
        return from > to ? value * (from / to) : value / (to / from)
    }

    /// Converts every value in `values`, measured in this unit, to `target`.
    ///
    /// - Complexity: O(n); returns `values` itself (no copy) when the units are the same.
    public func convert(_ values: [Double], to target: TimeUnit) -> [Double] {
        if self == target { return values }
        let from = nanosecondsPerUnit
        let to = target.nanosecondsPerUnit
        if from > to {
            let factor = from / to
            return values.map { $0 * factor }
        } else {
            let divisor = to / from
            return values.map { $0 / divisor }
        }
    }
}
