import Foundation
import QEResults
import Yams

/// Claims kept in a file (`--claims FILE`), JSON or YAML: a mapping from workload names to
/// ranges, with `default` (or `*`) for every other workload.
///
/// ```yaml
/// default: 2.49x-7.47x
/// coverage-analysis: 50x-100x
/// pattern-adaptation: { low: 10, high: 40 }
/// ```
///
/// Values are read as written (the YAML scalar's text), through the grammar of
/// ``ClaimParser``: decimal numbers only, so `0x10` is refused rather than read as 16. Every
/// workload the file names must be in the results (``ClaimSet/namedByUser``). A claims file is
/// small, so it is held to ``maximumBytes`` and, after YAML aliases are expanded, to
/// ``maximumNodes`` values: a file of nested aliases (a "billion laughs") is refused instead of
/// filling memory.
public enum ClaimsFile {
    /// The largest claims file read.
    public static let maximumBytes = 1 << 20
    /// The most YAML values (keys, values, items; aliases counted as what they stand for).
    public static let maximumNodes = 10_000

    /// Why a claims file could not be used.
    public struct LoadError: Error, Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var reason: String
        /// The file is missing or unreadable (exit 66) rather than wrong (exit 64).
        public var isMissing: Bool
        public var description: String { "\(path): \(reason)" }
    }

    public static func load(path: String) throws(LoadError) -> ClaimSet {
        let bytes: [UInt8]
        do {
            bytes = try InputFile.read(path, maximumBytes: maximumBytes)
        } catch {
            if case .tooLarge = error.reason {
                throw LoadError(path: path, reason: "a claims file is at most \(maximumBytes / 1024) KiB; this one is larger", isMissing: false)
            }
            throw LoadError(path: path, reason: error.detail, isMissing: true)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw LoadError(path: path, reason: "not UTF-8 text", isMissing: false)
        }
        return try parse(text, path: path)
    }

    /// Reads claims from JSON or YAML text (JSON is YAML).
    public static func parse(_ text: String, path: String) throws(LoadError) -> ClaimSet {
        func fail(_ reason: String) -> LoadError { LoadError(path: path, reason: reason, isMissing: false) }
        guard text.utf8.count <= maximumBytes else {
            throw fail("a claims file is at most \(maximumBytes / 1024) KiB; this one is larger")
        }
        let document: Node?
        do {
            document = try Yams.compose(yaml: text)
        } catch {
            throw fail("not valid JSON or YAML: \(String(describing: error).split(separator: "\n").first ?? "")")
        }
        let expected = "expected a mapping from workload names (or 'default') to claimed ranges such as 2.49x-7.47x"
        guard let document, case let .mapping(mapping) = document, !mapping.isEmpty else { throw fail(expected) }
        var budget = maximumNodes
        guard fits(document, within: &budget) else {
            throw fail("more than \(maximumNodes) values once YAML aliases are expanded; a claims file names a few workloads")
        }
        var claims = ClaimSet()
        var named: Set<String> = []
        for (keyNode, value) in mapping {
            guard case let .scalar(key) = keyNode, !key.string.isEmpty else {
                throw fail("\(expected); found a key that is not a name")
            }
            let name = key.string
            guard named.insert(name).inserted else { throw fail("\(name) is named twice") }
            let range: ClaimedRange
            do {
                range = try Self.range(value, name: name)
            } catch {
                throw fail("\(name): \(error.description)")
            }
            if name == "default" || name == "*" {
                claims.global = range
            } else {
                claims.perWorkload[name] = range
            }
        }
        claims.namedByUser = Set(claims.perWorkload.keys)
        return claims
    }

    private static func range(_ value: Node, name: String) throws(ClaimParser.ParseError) -> ClaimedRange {
        switch value {
        case let .scalar(scalar):
            return try ClaimParser.parseRange(scalar.string)
        case let .mapping(bounds):
            var low: String?
            var high: String?
            for (key, bound) in bounds {
                guard case let .scalar(keyText) = key, case let .scalar(boundText) = bound,
                    keyText.string == "low" || keyText.string == "high"
                else {
                    throw ClaimParser.ParseError(text: "\(name)", reason: "a mapping takes 'low' and optionally 'high', each a number")
                }
                if keyText.string == "low" { low = boundText.string } else { high = boundText.string }
            }
            guard let low else {
                throw ClaimParser.ParseError(text: "\(name)", reason: "a mapping needs a numeric 'low' (and optionally 'high')")
            }
            return try ClaimParser.parseBounds(low: low, high: high, original: high.map { "low: \(low), high: \($0)" } ?? "low: \(low)")
        default:
            throw ClaimParser.ParseError(text: "\(name)", reason: "expected a range such as 2.49x-7.47x")
        }
    }

    /// Whether `node`, with aliases counted as the values they stand for, has at most `budget`
    /// values; stops counting as soon as it has more.
    private static func fits(_ node: Node, within budget: inout Int) -> Bool {
        budget -= 1
        guard budget >= 0 else { return false }
        switch node {
        case let .mapping(mapping):
            for (key, value) in mapping where !fits(key, within: &budget) || !fits(value, within: &budget) { return false }
        case let .sequence(sequence):
            for item in sequence where !fits(item, within: &budget) { return false }
        case .scalar, .alias:
            break
        }
        return true
    }
}
