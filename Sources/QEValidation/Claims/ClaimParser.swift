import Foundation
import QEFormats

/// Reads claims as people write them.
///
/// Accepted forms of a range: `2.49x-7.47x`, `2.49-7.47`, `2.49x–7.47x`, `3x` or `3` (at least
/// 3), `>=2.49x` or `≥2.49x` (at least 2.49). A claim for one workload is `NAME=RANGE`.
public enum ClaimParser {
    /// The accepted forms, for error messages and help.
    public static let acceptedForms =
        "accepted forms: 2.49x-7.47x, 2.49-7.47, 3x (at least 3), >=2.49x, NAME=RANGE for one workload"

    /// Why a claim could not be read.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var text: String
        public var reason: String
        public var description: String { "cannot read the claim '\(text)': \(reason); \(ClaimParser.acceptedForms)" }
    }

    /// Reads one `--claim` value: a range, or `NAME=RANGE`.
    public static func parse(_ text: String) throws(ParseError) -> ClaimSet {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let equals = trimmed.firstIndex(of: "="), trimmed[trimmed.startIndex..<equals].last != ">" {
            let name = trimmed[..<equals].trimmingCharacters(in: .whitespaces)
            let range = String(trimmed[trimmed.index(after: equals)...])
            guard !name.isEmpty else { throw ParseError(text: text, reason: "the workload name before '=' is empty") }
            return ClaimSet(perWorkload: [name: try parseRange(range, original: text)])
        }
        return ClaimSet(global: try parseRange(trimmed, original: text))
    }

    /// Reads several `--claim` values; later ones override earlier ones.
    public static func parse(_ texts: [String]) throws(ParseError) -> ClaimSet {
        var claims = ClaimSet()
        for text in texts { claims = claims.merging(try parse(text)) }
        return claims
    }

    /// Reads a claimed memory reduction in percent — `50%-75%`, `50-75`, `>=50%` — as fractions
    /// (0.5–0.75).
    public static func parseMemoryReduction(_ text: String) throws(ParseError) -> ClaimedRange {
        let range = try parseRange(text.replacingOccurrences(of: "%", with: ""), original: text)
        guard range.low <= 100, range.high.isInfinite || range.high <= 100 else {
            throw ParseError(text: text, reason: "a memory reduction is a percentage of at most 100%")
        }
        return ClaimedRange(low: range.low / 100, high: range.high.isFinite ? range.high / 100 : .infinity)
    }

    /// Reads a range: `2.49x-7.47x`, `3x`, `>=2.49x`, ...
    public static func parseRange(_ text: String, original: String? = nil) throws(ParseError) -> ClaimedRange {
        let source = original ?? text
        var body = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !body.isEmpty else { throw ParseError(text: source, reason: "it is empty") }
        var atLeast = false
        for prefix in [">=", "≥"] where body.hasPrefix(prefix) {
            atLeast = true
            body = String(body.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
        }
        let parts = body.replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "—", with: "-")
            .split(separator: "-", omittingEmptySubsequences: false)
        func number(_ part: Substring) throws(ParseError) -> Double {
            var digits = part.trimmingCharacters(in: .whitespaces)
            if digits.hasSuffix("x") || digits.hasSuffix("×") { digits.removeLast() }
            guard let value = Double(digits.trimmingCharacters(in: .whitespaces)), value.isFinite else {
                throw ParseError(text: source, reason: "'\(part)' is not a number of times faster")
            }
            guard value > 0 else { throw ParseError(text: source, reason: "a speedup must be positive, got \(digits)") }
            return value
        }
        switch parts.count {
        case 1:
            return ClaimedRange(low: try number(parts[0]))
        case 2 where !atLeast:
            let low = try number(parts[0])
            let high = try number(parts[1])
            guard high >= low else {
                throw ParseError(text: source, reason: "the upper end \(NumberText.plain(high))x is below the lower end \(NumberText.plain(low))x")
            }
            return ClaimedRange(low: low, high: high)
        default:
            throw ParseError(text: source, reason: "expected one number or two joined by '-'")
        }
    }
}
