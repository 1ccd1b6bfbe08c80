import Foundation
import QEFormats

/// Reads claims as people write them.
///
/// Accepted forms of a range: `2.49x-7.47x`, `2.49-7.47`, `2.49x–7.47x`, `3x` or `3` (at least
/// 3), `>=2.49x` or `≥2.49x` (at least 2.49). A claim for one workload is `NAME=RANGE`. Numbers
/// are decimal only (`2.49`, `1e3`; not `0x10`) and a claimed speedup lies within
/// ``speedupRange``. A memory claim is a reduction in percent: `50%-75%`, `50-75`, `>=50%`.
public enum ClaimParser {
    /// The accepted forms, for error messages and help.
    public static let acceptedForms =
        "accepted forms: 2.49x-7.47x, 2.49-7.47, 3x (at least 3), >=2.49x, NAME=RANGE for one workload; decimal numbers only"
    /// The accepted forms of a memory claim.
    public static let acceptedMemoryForms =
        "accepted forms: 50%-75%, 50-75 (percent), >=50% (at least 50%); decimal numbers from 0 to 100"
    /// The speedups a claim may name: from a millionth to a million times faster. Beyond them
    /// a claim is a typo (or `1e-320`, whose reciprocal is infinite), not a measurement.
    public static let speedupRange: ClosedRange<Double> = 1e-6...1e6

    /// Why a claim could not be read.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var text: String
        public var reason: String
        /// What was being read: `claim` or `memory claim`.
        public var what: String = "claim"
        public var description: String {
            "cannot read the \(what) '\(text)': \(reason); \(what == "claim" ? ClaimParser.acceptedForms : ClaimParser.acceptedMemoryForms)"
        }
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
    /// (0.5–0.75). Speedups (`2x`) are refused: a memory claim is a percentage.
    public static func parseMemoryReduction(_ text: String) throws(ParseError) -> ClaimedRange {
        func fail(_ reason: String) -> ParseError { ParseError(text: text, reason: reason, what: "memory claim") }
        let (parts, atLeast) = try split(text, fail: fail)
        func percent(_ part: Substring) throws(ParseError) -> Double {
            var body = part.trimmingCharacters(in: .whitespaces)[...]
            if body.hasSuffix("x") || body.hasSuffix("×") {
                throw fail("'\(part.trimmingCharacters(in: .whitespaces))' is a speedup; a memory claim is a reduction in percent, such as 50%")
            }
            if body.hasSuffix("%") { body = body.dropLast() }
            let digits = body.trimmingCharacters(in: .whitespaces)
            if digits.hasPrefix("-") { throw fail("a memory reduction cannot be negative, got \(digits)%") }
            guard let value = DecimalNumber.parse(digits[...]) else { throw fail("'\(part.trimmingCharacters(in: .whitespaces))' is not a decimal percentage") }
            guard value <= 100 else { throw fail("a memory reduction is at most 100%, got \(digits)%") }
            return value
        }
        let low = try percent(parts[0])
        guard parts.count == 2 else { return ClaimedRange(low: low / 100) }
        guard !atLeast else { throw fail(">= takes one percentage, not a range") }
        let high = try percent(parts[1])
        guard high >= low else {
            throw fail("the upper end \(NumberText.plain(high))% is below the lower end \(NumberText.plain(low))%")
        }
        return ClaimedRange(low: low / 100, high: high / 100)
    }

    /// Reads a range: `2.49x-7.47x`, `3x`, `>=2.49x`, ...
    public static func parseRange(_ text: String, original: String? = nil) throws(ParseError) -> ClaimedRange {
        let source = original ?? text
        func fail(_ reason: String) -> ParseError { ParseError(text: source, reason: reason) }
        let (parts, atLeast) = try split(text, fail: fail)
        let low = try speedup(parts[0], fail: fail)
        guard parts.count == 2 else { return ClaimedRange(low: low) }
        guard !atLeast else { throw fail(">= takes one number, not a range") }
        let high = try speedup(parts[1], fail: fail)
        guard high >= low else {
            throw fail("the upper end \(NumberText.plain(high))x is below the lower end \(NumberText.plain(low))x")
        }
        return ClaimedRange(low: low, high: high)
    }

    /// Reads the two ends of a claims file's `{low: …, high: …}` as ``parseRange(_:original:)``
    /// reads a range (`high` nil: at least `low`).
    public static func parseBounds(low: String, high: String?, original: String) throws(ParseError) -> ClaimedRange {
        func fail(_ reason: String) -> ParseError { ParseError(text: original, reason: reason) }
        let lowValue = try speedup(low[...], fail: fail)
        guard let high else { return ClaimedRange(low: lowValue) }
        let highValue = try speedup(high[...], fail: fail)
        guard highValue >= lowValue else {
            throw fail("the upper end \(NumberText.plain(highValue))x is below the lower end \(NumberText.plain(lowValue))x")
        }
        return ClaimedRange(low: lowValue, high: highValue)
    }

    /// One number of times faster: decimal, an optional `x`, within ``speedupRange``.
    private static func speedup(_ part: Substring, fail: (String) -> ParseError) throws(ParseError) -> Double {
        let written = part.trimmingCharacters(in: .whitespaces)
        var digits = written.lowercased()[...]
        if digits.hasSuffix("x") || digits.hasSuffix("×") { digits = digits.dropLast() }
        let number = digits.trimmingCharacters(in: .whitespaces)
        if number.hasPrefix("-") { throw fail("a speedup must be positive, got \(written)") }
        guard !number.isEmpty else { throw fail(written.isEmpty ? "a number is missing" : "'\(written)' is not a number of times faster") }
        guard let value = DecimalNumber.parse(number[...]) else {
            throw fail("'\(written)' is not a decimal number (write speedups as 2.49 or 1e3, not in hexadecimal or as words)")
        }
        guard value > 0 else { throw fail("a speedup must be positive, got \(written)") }
        guard speedupRange.contains(value) else {
            throw fail("\(written) is outside the speedups a claim may name, 0.000001x to 1000000x")
        }
        return value
    }

    /// Splits a range into one or two parts at the dash between them (`-`, `–` or `—`; a `-`
    /// in an exponent such as `1e-3` belongs to its number), after an optional `>=`/`≥`.
    private static func split(_ text: String, fail: (String) -> ParseError) throws(ParseError) -> (parts: [Substring], atLeast: Bool) {
        var body = text.trimmingCharacters(in: .whitespaces)[...]
        guard !body.isEmpty else { throw fail("it is empty") }
        var atLeast = false
        for prefix in [">=", "≥"] where body.hasPrefix(prefix) {
            atLeast = true
            body = body.dropFirst(prefix.count).drop { $0 == " " }
        }
        var parts: [Substring] = []
        var start = body.startIndex
        var previous: Character?
        for index in body.indices {
            let character = body[index]
            defer { previous = character }
            guard character == "-" || character == "–" || character == "—" else { continue }
            // A leading minus is the number's own sign (refused later); so is one after 'e'.
            if index == start || (character == "-" && (previous == "e" || previous == "E")) { continue }
            parts.append(body[start..<index])
            start = body.index(after: index)
        }
        parts.append(body[start...])
        guard parts.count <= 2 else { throw fail("expected one number or two joined by '-'") }
        return (parts, atLeast)
    }
}
