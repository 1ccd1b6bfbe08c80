import QEValidation

/// Renders a run-to-run variance analysis as CSV (RFC 4180): one row per benchmark, times in the
/// document's unit, run indexes from 0 separated by semicolons. The between-files comparison is
/// in the JSON and text outputs only.
struct RunVarianceCSVRenderer {
    static let header = [
        "file", "name", "variant", "unit", "runs", "iterations", "n", "mean", "median",
        "within_run_cv", "between_run_cv", "between_run_share", "t1_squared", "t2_squared",
        "kruskal_wallis_h", "kruskal_wallis_df", "kruskal_wallis_p", "runs_that_stand_out",
        "drift_detected", "drift_change", "drift_p", "warmup_sufficient", "warmup_start_change", "warmup_start_p",
        "cost_ratio", "optimal_iterations_per_run", "runs_needed", "plan_iterations_per_run",
        "current_width", "target_width", "confidence",
        "outlying_iterations", "outlying_worst_ratio", "robust_within_run_cv", "robust_between_run_cv",
        "robust_optimal_iterations_per_run", "robust_runs_needed", "robust_typical_time", "findings_use",
    ]

    /// The CSV text, header first, one line per benchmark.
    func render(_ document: RunVarianceDocument) -> String {
        let rows = document.benchmarks.map { b -> [String] in
            [
                b.file, b.name, b.variant, document.unit.rawValue, "\(b.runs)", b.iterations.map(String.init).joined(separator: ";"),
                "\(b.n)", "\(b.mean)", "\(b.median)",
                CSVText.optional(b.withinRunCV), CSVText.optional(b.betweenRunCV), CSVText.optional(b.betweenRunShare),
                CSVText.optional(b.varianceComponents?.t1Squared), CSVText.optional(b.varianceComponents?.t2Squared),
                CSVText.optional(b.kruskalWallis?.h), b.kruskalWallis.map { "\($0.df)" } ?? "", CSVText.optional(b.kruskalWallis?.p),
                b.runsThatStandOut.map(String.init).joined(separator: ";"),
                "\(b.drift.detected)", CSVText.optional(b.drift.change), CSVText.optional(b.drift.p),
                b.warmup.sufficient.map { "\($0)" } ?? "", CSVText.optional(b.warmup.startChange), CSVText.optional(b.warmup.startP),
                CSVText.optional(b.plan?.costRatio), b.optimalIterationsPerRun.map(String.init) ?? "",
                b.runsNeeded.map(String.init) ?? "", b.plan.map { "\($0.iterationsPerRun)" } ?? "",
                CSVText.optional(b.plan?.currentWidth), "\(document.targetWidth)", "\(document.confidence)",
                b.outlyingIterations.map { "\($0.count)" } ?? "", CSVText.optional(b.outlyingIterations?.worst?.ratioToMedian),
                CSVText.optional(b.robust?.withinRunCV), CSVText.optional(b.robust?.betweenRunCV),
                b.robust?.optimalIterationsPerRun.map(String.init) ?? "", b.robust?.runsNeeded.map(String.init) ?? "",
                CSVText.optional(b.robust?.typicalTime), b.findingsUse.rawValue,
            ]
        }
        return CSVText.document(header: Self.header, rows: rows)
    }
}
