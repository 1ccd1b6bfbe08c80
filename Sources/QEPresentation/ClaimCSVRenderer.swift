import QEValidation

/// Renders a claim's verdict as CSV: one row per workload.
struct ClaimCSVRenderer {
    static let header = [
        "name", "claim_low", "claim_high", "speedup", "speedup_low", "speedup_high", "interval_confidence", "method",
        "p_claim_minimum", "p_claim_minimum_holm", "mann_whitney_p", "baseline_runs", "candidate_runs", "baseline_n", "candidate_n",
        "verdict", "overall_verdict", "more_data",
    ]

    func render(_ document: ClaimDocument) -> String {
        let rows = document.benchmarks.map { b -> [String] in
            [
                b.name, "\(b.claim.low)", b.claim.high.isFinite ? "\(b.claim.high)" : "",
                "\(b.speedup.estimate)", "\(b.speedup.low)", "\(b.speedup.high)", "\(document.intervalConfidence)", b.speedup.method.rawValue,
                CSVText.optional(b.pClaimMinimum), CSVText.optional(b.pClaimMinimumHolm),
                "\(b.mannWhitney.p)", "\(b.baseline.runs)", "\(b.candidate.runs)", "\(b.baseline.n)", "\(b.candidate.n)",
                b.verdict.rawValue, document.verdict.rawValue, b.moreData?.summary ?? "",
            ]
        }
        return CSVText.document(header: Self.header, rows: rows)
    }
}
