import Foundation

/// Renders a comparison as CSV (RFC 4180): one row per benchmark, times in the document's unit.
public struct ComparisonCSVRenderer: Sendable {
    public init() {}

    static let header = [
        "name", "baseline_variant", "candidate_variant", "unit",
        "baseline_n", "baseline_runs", "baseline_median", "baseline_median_low", "baseline_median_high", "baseline_mean",
        "candidate_n", "candidate_runs", "candidate_median", "candidate_median_low", "candidate_median_high", "candidate_mean",
        "speedup", "speedup_low", "speedup_high", "speedup_method", "confidence",
        "time_ratio", "time_ratio_low", "time_ratio_high",
        "mann_whitney_u", "p", "p_method", "p_holm", "verdict", "warnings",
    ]

    public func render(_ document: ComparisonDocument) -> String {
        var lines = [Self.header.joined(separator: ",")]
        for b in document.benchmarks {
            let fields: [String] = [
                b.name, b.baselineVariant, b.candidateVariant, b.unit,
                "\(b.baseline.n)", "\(b.baseline.runs)", "\(b.baseline.median)", Self.optional(b.baseline.medianLow), Self.optional(b.baseline.medianHigh), "\(b.baseline.mean)",
                "\(b.candidate.n)", "\(b.candidate.runs)", "\(b.candidate.median)", Self.optional(b.candidate.medianLow), Self.optional(b.candidate.medianHigh), "\(b.candidate.mean)",
                "\(b.speedup.estimate)", "\(b.speedup.low)", "\(b.speedup.high)", b.speedup.method, "\(b.speedup.confidence)",
                "\(b.timeRatio.estimate)", "\(b.timeRatio.low)", "\(b.timeRatio.high)",
                "\(b.mannWhitney.u)", "\(b.mannWhitney.p)", b.mannWhitney.method, Self.optional(b.mannWhitney.pHolm), b.verdict,
                b.warnings.joined(separator: "; "),
            ]
            lines.append(fields.map(Self.escape).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func optional(_ value: Double?) -> String { value.map { "\($0)" } ?? "" }

    static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
