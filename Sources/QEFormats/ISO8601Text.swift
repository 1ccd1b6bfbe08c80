import Foundation
import Synchronization

/// Dates as every qe-validate file and report writes them: ISO 8601 in UTC to the second,
/// `2026-11-26T15:00:00Z` (RFC 3339's internet date-time with a `Z`).
public enum ISO8601Text {
    /// `date` in UTC: `2026-11-26T15:00:00Z`.
    ///
    /// A date on a whole second from 1583 to 9999 (commit times are whole seconds) is written
    /// directly from its days since 1970 (the proleptic Gregorian calendar; Hinnant's
    /// `civil_from_days`), without a formatter: a CSV of change points writes hundreds. Any
    /// other goes through one `ISO8601DateFormatter` kept for the process (it rounds a fraction
    /// to the millisecond before dropping it, and its calendar is Julian before 1582).
    public static func string(from date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        guard seconds.rounded(.down) == seconds, seconds >= firstDirectSecond, seconds < endOfDirectSeconds else {
            return shared.withLock { $0.string(from: date) }
        }
        let whole = Int64(seconds)
        let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
        let secondOfDay = Int(whole - days * 86_400)
        // civil_from_days (H. Hinnant, "chrono-compatible low-level date algorithms").
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
        let month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
        let year = Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0))
        return "\(digits(year, 4))-\(digits(month, 2))-\(digits(day, 2))T"
            + "\(digits(secondOfDay / 3_600, 2)):\(digits(secondOfDay / 60 % 60, 2)):\(digits(secondOfDay % 60, 2))Z"
    }

    /// A time in whole microseconds since 1970 (as the history store keeps times) in UTC:
    /// `2026-11-26T15:00:00Z`, with `.ffffff` before the `Z` when it has a fraction of a second.
    public static func string(microsecondsSinceEpoch micro: Int64) -> String {
        let seconds = micro >= 0 ? micro / 1_000_000 : -((-micro + 999_999) / 1_000_000)
        let fraction = micro - seconds * 1_000_000
        var text = string(from: Date(timeIntervalSince1970: Double(seconds)))
        if fraction != 0 {
            text.removeLast()  // "Z"
            text += "." + digits(Int(fraction), 6) + "Z"
        }
        return text
    }

    /// 1583-01-01T00:00:00Z and 10000-01-01T00:00:00Z, in seconds since 1970.
    private static let firstDirectSecond = -12_212_553_600.0
    private static let endOfDirectSeconds = 253_402_300_800.0

    /// `value` (not negative) with leading zeros to `width` digits.
    private static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
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
