import Foundation
import QEFormats

/// The largest slowdown each benchmark may show: a default (`--max-regression`) and per-name
/// overrides (`--threshold NAME=PCT`), as fractions (0.05 for 5%).
public struct GateThresholds: Sendable, Equatable, Codable {
    /// The default of DESIGN §4: 5%.
    public static let defaultMaxRegression = 0.05

    public var `default`: Double
    /// Thresholds for benchmarks by name (every variant of the name).
    public var perName: [String: Double]

    public init(default: Double = GateThresholds.defaultMaxRegression, perName: [String: Double] = [:]) {
        self.default = `default`
        self.perName = perName
    }

    /// The threshold for benchmark `name`.
    public func threshold(for name: String) -> Double {
        perName[name] ?? `default`
    }

    /// A malformed threshold on the command line.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// The accepted forms, for messages.
    public static let acceptedForms = "write a percentage such as 5% or 2.5% (plain numbers are percentages too: 5 means 5%)"

    /// Parses a percentage: `5%`, `2.5%`, or a plain number of percent (`5`). A plain number
    /// below 1 is refused as ambiguous (is `0.05` five percent or a twentieth of one?).
    /// - Throws: ``ParseError``.
    public static func parsePercent(_ text: String) throws(ParseError) -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let hasPercent = trimmed.hasSuffix("%")
        let number = hasPercent ? String(trimmed.dropLast()).trimmingCharacters(in: .whitespaces) : trimmed
        guard let value = Double(number), value.isFinite else {
            throw ParseError(description: "'\(text)' is not a threshold: \(acceptedForms)")
        }
        guard value >= 0, value < 1000 else {
            throw ParseError(description: "'\(text)': a threshold must be between 0% and 1000%")
        }
        if !hasPercent && value > 0 && value < 1 {
            throw ParseError(description: "'\(text)' is ambiguous: write \(NumberText.plain(value * 100))% for a fraction of \(text), or \(text)% for \(text) percent")
        }
        return value / 100
    }

    /// Parses `NAME=PCT`.
    /// - Throws: ``ParseError``.
    public static func parseNamed(_ text: String) throws(ParseError) -> (name: String, threshold: Double) {
        guard let equals = text.lastIndex(of: "=") else {
            throw ParseError(description: "'\(text)': expected NAME=PCT, for example code-embedding=10%")
        }
        let name = String(text[..<equals]).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else {
            throw ParseError(description: "'\(text)': the benchmark name before '=' is empty")
        }
        return (name, try parsePercent(String(text[text.index(after: equals)...])))
    }
}
