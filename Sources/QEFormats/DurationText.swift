import QEResults

/// Durations for people: the unit chosen from the size of a reference value (13.37ms rather
/// than 13367000 ns), four significant digits.
public struct DurationText: Sendable {
    /// The unit shown.
    public let unit: TimeUnit
    private let sourceUnit: TimeUnit

    /// Chooses the largest unit in which `reference` (in `sourceUnit`) is at least 1.
    public init(reference: Double, sourceUnit: TimeUnit) {
        self.sourceUnit = sourceUnit
        let nanoseconds = sourceUnit.convert(reference, to: .nanoseconds)
        if nanoseconds >= 1e9 {
            unit = .seconds
        } else if nanoseconds >= 1e6 {
            unit = .milliseconds
        } else if nanoseconds >= 1e3 {
            unit = .microseconds
        } else {
            unit = .nanoseconds
        }
    }

    /// The value with its unit, for example `13.37ms`.
    public func format(_ value: Double) -> String {
        Self.significant(sourceUnit.convert(value, to: unit)) + Self.symbol(unit)
    }

    /// The value without a unit.
    public func number(_ value: Double) -> String {
        Self.significant(sourceUnit.convert(value, to: unit))
    }

    /// A tick label of a time axis: `20ms`, `2.5ms`, `250µs` — `value` (in `unit`) in the unit
    /// that suits it, without trailing zeros.
    public static func tick(_ value: Double, unit: TimeUnit) -> String {
        let text = DurationText(reference: value, sourceUnit: unit)
        return NumberText.trimmed(text.number(value)) + symbol(text.unit)
    }

    /// The symbol people write: ns, µs, ms, s.
    public static func symbol(_ unit: TimeUnit) -> String {
        switch unit {
        case .nanoseconds: return "ns"
        case .microseconds: return "µs"
        case .milliseconds: return "ms"
        case .seconds: return "s"
        }
    }

    /// Four significant digits, no exponent for everyday magnitudes; "∞", "-∞", "NaN".
    static func significant(_ value: Double) -> String {
        guard value.isFinite else { return value > 0 ? "∞" : (value < 0 ? "-∞" : "NaN") }
        let magnitude = abs(value)
        let decimals: Int
        switch magnitude {
        case 1000...: decimals = 0
        case 100..<1000: decimals = 1
        case 10..<100: decimals = 2
        default: decimals = 3
        }
        return NumberText.fixed(value, decimals: decimals)
    }
}
