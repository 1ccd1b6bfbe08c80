import QEValidation

/// Renders the gate's verdict as CSV: one row per gated benchmark.
struct GateCSVRenderer {
    static let header = [
        "name", "variant", "threshold", "baseline_time", "results_time", "time_ratio", "time_ratio_low",
        "time_ratio_high", "interval_confidence", "method", "baseline_runs", "results_runs", "baseline_n",
        "results_n", "mann_whitney_p", "verdict", "overall_verdict", "unit",
    ]

    func render(_ document: GateDocument) -> String {
        let rows = document.benchmarks.map { b -> [String] in
            [
                b.name, b.variant, "\(b.threshold)", "\(b.baselineTime)", "\(b.candidateTime)",
                "\(b.timeRatio.estimate)", "\(b.timeRatio.low)", "\(b.timeRatio.high)", "\(document.intervalConfidence)",
                b.speedup.method.rawValue, "\(b.baseline.runs)", "\(b.candidate.runs)", "\(b.baseline.n)", "\(b.candidate.n)",
                "\(b.mannWhitney.p)", b.verdict.rawValue, document.verdict.rawValue, document.unit.rawValue,
            ]
        }
        return CSVText.document(header: Self.header, rows: rows)
    }
}
