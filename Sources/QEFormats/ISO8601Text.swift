import Foundation
import Synchronization

/// Dates as every qe-validate file and report writes them: ISO 8601 in UTC to the second,
/// `2026-11-26T15:00:00Z` (RFC 3339's internet date-time with a `Z`).
public enum ISO8601Text {
    /// `date` in UTC: `2026-11-26T15:00:00Z`.
    public static func string(from date: Date) -> String {
        // One formatter for the process: making one costs far more than formatting a date
        // (a CSV of change points writes hundreds).
        shared.withLock { $0.string(from: date) }
    }

    private static let shared = Mutex(formatter())

    /// The time now, in UTC.
    public static func now() -> String {
        string(from: Date())
    }

    /// The date `text` names, when it is ISO 8601 in UTC ending in `Z`; nil otherwise (an
    /// offset such as `+02:00` is refused, so that every stored date reads the same way).
    public static func date(from text: String) -> Date? {
        guard text.hasSuffix("Z") else { return nil }
        return formatter().date(from: text)
    }

    private static func formatter() -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter
    }
}
