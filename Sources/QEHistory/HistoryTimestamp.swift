import Foundation

/// A point in time as the history store keeps it: whole microseconds since 1970-01-01T00:00:00Z,
/// so that times order, compare and round-trip exactly on both backends.
public struct HistoryTimestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Microseconds since the Unix epoch (UTC).
    public var microsecondsSinceEpoch: Int64

    /// Creates a timestamp from microseconds since the Unix epoch.
    public init(microsecondsSinceEpoch: Int64) {
        self.microsecondsSinceEpoch = microsecondsSinceEpoch
    }

    /// The timestamp of `date`, rounded to the nearest microsecond.
    public init(_ date: Date) {
        microsecondsSinceEpoch = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    }

    /// Parses an ISO 8601 time (`2026-11-26T15:00:00Z`, with up to microsecond fractions of a
    /// second and a `+01:00`-style offset allowed) or a calendar date (`2026-11-26`, midnight
    /// UTC). Returns nil for anything else. Digits past the microsecond are dropped.
    public init?(iso8601 text: String) {
        var base = text.trimmingCharacters(in: .whitespaces)
        if base.count == 10 { base += "T00:00:00Z" }
        var fraction: Int64 = 0
        if let dot = base.firstIndex(of: ".") {
            let digits = base[base.index(after: dot)...].prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let micro = Int64(String(digits.prefix(6)).padding(toLength: 6, withPad: "0", startingAt: 0)) else {
                return nil
            }
            fraction = micro
            base = String(base[..<dot]) + String(base[digits.endIndex...])
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: base) else { return nil }
        self.init(microsecondsSinceEpoch: Int64(date.timeIntervalSince1970) * 1_000_000 + fraction)
    }

    /// The time as a date.
    public var date: Date { Date(timeIntervalSince1970: Double(microsecondsSinceEpoch) / 1_000_000) }

    /// ISO 8601 in UTC: `2026-11-26T15:00:00Z`, with `.ffffff` when the time has a fraction
    /// of a second. Parses back to the same timestamp.
    public var description: String {
        let seconds = microsecondsSinceEpoch >= 0 ? microsecondsSinceEpoch / 1_000_000
            : -((-microsecondsSinceEpoch + 999_999) / 1_000_000)
        let fraction = microsecondsSinceEpoch - seconds * 1_000_000
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        var text = formatter.string(from: Date(timeIntervalSince1970: Double(seconds)))
        if fraction != 0 {
            let digits = String(fraction)
            text.removeLast()  // "Z"
            text += "." + String(repeating: "0", count: 6 - digits.count) + digits + "Z"
        }
        return text
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.microsecondsSinceEpoch < rhs.microsecondsSinceEpoch
    }
}
