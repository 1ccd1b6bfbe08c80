/// Renders a run-to-run variance analysis as CSV (RFC 4180): one row per benchmark, times in the
/// document's unit, run indexes from 0 separated by semicolons. The between-files comparison is
/// in the JSON and text outputs only.
public struct RunVarianceCSVRenderer: Sendable {
    /// A renderer.
    public init() {}

    static let header = [
        "file", "name", "variant", "unit", "runs", "iterations", "n", "mean", "median",
        "within_run_cv", "between_run_cv", "between_run_share", "t1_squared", "t2_squared",
        "kruskal_wallis_h", "kruskal_wallis_df", "kruskal_wallis_p", "runs_that_stand_out",
        "drift_detected", "drift_change", "drift_p", "warmup_sufficient", "warmup_start_change", "warmup_start_p",
        "cost_ratio", "optimal_iterations_per_run", "runs_needed", "plan_iterations_per_run",
        "current_width", "target_width", "confidence",
    ]

    /// The CSV text, header first, one line per benchmark.
    public func render(_ document: RunVarianceDocument) -> String {
        var lines = [Self.header.joined(separator: ",")]
        for b in document.benchmarks {
            let fields: [String] = [
                b.file, b.name, b.variant, document.unit, "\(b.runs)", b.iterations.map(String.init).joined(separator: ";"),
                "\(b.n)", "\(b.mean)", "\(b.median)",
                Self.optional(b.withinRunCV), Self.optional(b.betweenRunCV), Self.optional(b.betweenRunShare),
                Self.optional(b.varianceComponents?.t1Squared), Self.optional(b.varianceComponents?.t2Squared),
                Self.optional(b.kruskalWallis?.h), b.kruskalWallis.map { "\($0.df)" } ?? "", Self.optional(b.kruskalWallis?.p),
                b.runsThatStandOut.map(String.init).joined(separator: ";"),
                "\(b.drift.detected)", Self.optional(b.drift.change), Self.optional(b.drift.p),
                b.warmup.sufficient.map { "\($0)" } ?? "", Self.optional(b.warmup.startChange), Self.optional(b.warmup.startP),
                Self.optional(b.plan?.costRatio), b.optimalIterationsPerRun.map(String.init) ?? "",
                b.runsNeeded.map(String.init) ?? "", b.plan.map { "\($0.iterationsPerRun)" } ?? "",
                Self.optional(b.plan?.currentWidth), "\(document.targetWidth)", "\(document.confidence)",
            ]
            lines.append(fields.map(ComparisonCSVRenderer.escape).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func optional(_ value: Double?) -> String { value.map { "\($0)" } ?? "" }
}
