import Foundation

/// ISO 8601 timestamps in UTC, as the results format writes them.
public enum Timestamp {
    public static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }
}
