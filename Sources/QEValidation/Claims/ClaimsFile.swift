import Foundation
import Yams

/// Claims kept in a file (`--claims FILE`), JSON or YAML: a mapping from workload names to
/// ranges, with `default` (or `*`) for every other workload.
///
/// ```yaml
/// default: 2.49x-7.47x
/// coverage-analysis: 50x-100x
/// pattern-adaptation: { low: 10, high: 40 }
/// ```
public enum ClaimsFile {
    /// Why a claims file could not be used.
    public struct LoadError: Error, Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var isMissing: Bool
        public var description: String { "\(path): \(reason)" }
    }

    public static func load(path: String) throws(LoadError) -> ClaimSet {
        guard FileManager.default.fileExists(atPath: path) else {
            throw LoadError(path: path, reason: "no such file", isMissing: true)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError(path: path, reason: "cannot be read", isMissing: true)
        }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    /// Reads claims from JSON or YAML text (JSON is YAML).
    public static func parse(_ text: String, path: String) throws(LoadError) -> ClaimSet {
        let document: Any?
        do {
            document = try Yams.load(yaml: text)
        } catch {
            throw LoadError(path: path, reason: "not valid JSON or YAML: \(String(describing: error).split(separator: "\n").first ?? "")", isMissing: false)
        }
        guard let mapping = document as? [String: Any], !mapping.isEmpty else {
            throw LoadError(path: path, reason: "expected a mapping from workload names (or 'default') to claimed ranges such as 2.49x-7.47x", isMissing: false)
        }
        var claims = ClaimSet()
        for (key, value) in mapping.sorted(by: { $0.key < $1.key }) {
            let range: ClaimedRange
            do {
                range = try Self.range(value)
            } catch {
                throw LoadError(path: path, reason: "\(key): \(error.reason)", isMissing: false)
            }
            if key == "default" || key == "*" {
                claims.global = range
            } else {
                claims.perWorkload[key] = range
            }
        }
        return claims
    }

    private static func range(_ value: Any) throws(ClaimParser.ParseError) -> ClaimedRange {
        switch value {
        case let text as String:
            return try ClaimParser.parseRange(text)
        case let number as Double:
            return try ClaimParser.parseRange(String(number))
        case let number as Int:
            return try ClaimParser.parseRange(String(number))
        case let object as [String: Any]:
            guard let low = Self.number(object["low"]) else {
                throw ClaimParser.ParseError(text: "\(object)", reason: "a mapping needs a numeric 'low' (and optionally 'high')")
            }
            let high = Self.number(object["high"]) ?? .infinity
            return try ClaimParser.parseRange(high.isFinite ? "\(low)-\(high)" : "\(low)")
        default:
            throw ClaimParser.ParseError(text: "\(value)", reason: "expected a range such as 2.49x-7.47x")
        }
    }

    private static func number(_ value: Any?) -> Double? {
        switch value {
        case let number as Double: return number
        case let number as Int: return Double(number)
        case let text as String: return Double(text)
        default: return nil
        }
    }
}
