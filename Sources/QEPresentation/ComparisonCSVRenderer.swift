import QEValidation

/// Renders a comparison as CSV (RFC 4180): one row per benchmark, times in the document's unit.
struct ComparisonCSVRenderer {
    static let header = [
        "name", "baseline_variant", "candidate_variant", "unit",
        "baseline_n", "baseline_runs", "baseline_median", "baseline_median_low", "baseline_median_high", "baseline_mean",
        "candidate_n", "candidate_runs", "candidate_median", "candidate_median_low", "candidate_median_high", "candidate_mean",
        "speedup", "speedup_low", "speedup_high", "speedup_method", "confidence",
        "time_ratio", "time_ratio_low", "time_ratio_high",
        "mann_whitney_u", "p", "p_method", "p_holm", "verdict", "warnings",
    ]

    func render(_ document: ComparisonDocument) -> String {
        let rows = document.benchmarks.map { b -> [String] in
            [
                b.name, b.baselineVariant, b.candidateVariant, b.unit.rawValue,
                "\(b.baseline.n)", "\(b.baseline.runs)", "\(b.baseline.median)", CSVText.optional(b.baseline.medianLow), CSVText.optional(b.baseline.medianHigh), "\(b.baseline.mean)",
                "\(b.candidate.n)", "\(b.candidate.runs)", "\(b.candidate.median)", CSVText.optional(b.candidate.medianLow), CSVText.optional(b.candidate.medianHigh), "\(b.candidate.mean)",
                "\(b.speedup.estimate)", "\(b.speedup.low)", "\(b.speedup.high)", b.speedup.method.rawValue, "\(b.speedup.confidence)",
                "\(b.timeRatio.estimate)", "\(b.timeRatio.low)", "\(b.timeRatio.high)",
                "\(b.mannWhitney.u)", "\(b.mannWhitney.p)", b.mannWhitney.method.rawValue, CSVText.optional(b.mannWhitney.pHolm), b.verdict.rawValue,
                b.warnings.joined(separator: "; "),
            ]
        }
        return CSVText.document(header: Self.header, rows: rows)
    }
}
