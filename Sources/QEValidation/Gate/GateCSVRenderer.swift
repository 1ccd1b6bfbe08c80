/// Renders the gate's verdict as CSV: one row per gated benchmark.
public struct GateCSVRenderer: Sendable {
    public init() {}

    public func render(_ document: GateDocument) -> String {
        var lines = [[
            "name", "variant", "threshold", "baseline_time", "results_time", "time_ratio", "time_ratio_low",
            "time_ratio_high", "interval_confidence", "method", "baseline_runs", "results_runs", "baseline_n",
            "results_n", "mann_whitney_p", "verdict", "overall_verdict", "unit",
        ].joined(separator: ",")]
        for b in document.benchmarks {
            let fields: [String] = [
                b.name, b.variant, "\(b.threshold)", "\(b.baselineTime)", "\(b.candidateTime)",
                "\(b.timeRatio.estimate)", "\(b.timeRatio.low)", "\(b.timeRatio.high)", "\(document.intervalConfidence)",
                b.speedup.method, "\(b.baseline.runs)", "\(b.candidate.runs)", "\(b.baseline.n)", "\(b.candidate.n)",
                "\(b.mannWhitney.p)", b.verdict.rawValue, document.verdict.rawValue, document.unit,
            ]
            lines.append(fields.map(ComparisonCSVRenderer.escape).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
