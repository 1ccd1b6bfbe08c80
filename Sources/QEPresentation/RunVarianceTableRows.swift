import Foundation
import QEFormats
import QEResults
import QEValidation

/// The cells of the variance tables, shared by the text and Markdown renderers.
enum RunVarianceTableRows {
    static func header(_ document: RunVarianceDocument, withFile: Bool) -> [String] {
        let width = PercentText.setting(document.targetWidth)
        return (withFile ? ["file"] : []) + [
            "benchmark", "runs×iter", "within CV", "between CV", "between", "KW p", "stand out", "drift", "warm-up",
            "iter/run*", "runs for \(width)",
        ]
    }

    static func row(_ entry: BenchmarkVariance, withFile: Bool) -> [String] {
        let dash = "—"
        let sizes = Set(entry.iterations)
        let iterations = sizes.count == 1 ? "\(sizes.first ?? 0)" : "\(sizes.min() ?? 0)–\(sizes.max() ?? 0)"
        let standOut = entry.runsThatStandOut.isEmpty ? dash : entry.runsThatStandOut.map { "\($0 + 1)" }.joined(separator: ",")
        let drift = entry.drift.detected ? PercentText.signed(entry.drift.change ?? 0) : dash
        let warmup: String
        switch entry.warmup.sufficient {
        case true?: warmup = "ok"
        case false?: warmup = "short"
        case nil: warmup = "?"
        }
        var runsNeeded = dash
        if let needed = entry.runsNeeded {
            runsNeeded = "\(needed)"
        } else if entry.plan != nil {
            runsNeeded = ">10⁶"
        }
        return (withFile ? [entry.file] : []) + [
            entry.label, "\(entry.runs)×\(iterations)",
            entry.withinRunCV.map(PercentText.magnitude) ?? dash,
            entry.betweenRunCV.map(PercentText.magnitude) ?? dash,
            entry.betweenRunShare.map(PercentText.magnitude) ?? dash,
            entry.kruskalWallis.map { PValueText.value($0.p) } ?? dash,
            standOut, drift, warmup,
            entry.optimalIterationsPerRun.map { "\($0)" } ?? dash,
            runsNeeded,
        ]
    }

    /// The table of the benchmarks with outlying iterations, their robust figures beside the
    /// classical ones; nil when no benchmark has any.
    static func robust(_ document: RunVarianceDocument, withFile: Bool) -> [[String]]? {
        let entries = document.benchmarks.filter { $0.robust != nil }
        guard !entries.isEmpty else { return nil }
        let width = PercentText.setting(document.targetWidth)
        var rows: [[String]] = [(withFile ? ["file"] : []) + [
            "without outlying iterations", "outlying", "worst", "within CV", "iter/run*", "runs for \(width)", "typical time",
        ]]
        for entry in entries {
            guard let robust = entry.robust, let outlying = entry.outlyingIterations else { continue }
            let durations = DurationText(reference: robust.typicalTime, sourceUnit: document.unit)
            let classicalTypical = entry.perRun.isEmpty ? nil : Self.geometricMean(entry.perRun.map(\.mean))
            func pair(_ classical: String, _ robust: String) -> String { "\(classical) → \(robust)" }
            rows.append((withFile ? [entry.file] : []) + [
                entry.label, "\(outlying.count)/\(outlying.of)", outlying.worst.map { "×" + RatioText.ratio($0.ratioToMedian).dropLast() } ?? "—",
                pair(entry.withinRunCV.map(PercentText.magnitude) ?? "—", robust.withinRunCV.map(PercentText.magnitude) ?? "—"),
                pair(entry.optimalIterationsPerRun.map { "\($0)" } ?? "—", robust.optimalIterationsPerRun.map { "\($0)" } ?? "—"),
                pair(Self.runsNeeded(entry.runsNeeded, planned: entry.plan != nil), Self.runsNeeded(robust.runsNeeded, planned: robust.plan != nil)),
                pair(classicalTypical.map(durations.format) ?? "—", durations.format(robust.typicalTime)),
            ])
        }
        return rows
    }

    private static func runsNeeded(_ count: Int?, planned: Bool) -> String {
        count.map { "\($0)" } ?? (planned ? ">10⁶" : "—")
    }

    private static func geometricMean(_ values: [Double]) -> Double {
        Foundation.exp(values.map { Foundation.log($0) }.reduce(0, +) / Double(values.count))
    }

    /// The between-files table: one row per compared quantity, one column per file.
    static func betweenFiles(_ document: RunVarianceDocument) -> [[String]] {
        let files = document.inputs.map(\.path)
        let unit = document.unit
        var rows: [[String]] = [["between files"] + files + ["F", "p", "differs"]]
        for comparison in document.betweenFiles {
            let label = comparison.kind == .speedup
                ? "speedup \(comparison.name) (\(comparison.baselineVariant ?? "")÷\(comparison.candidateVariant ?? ""))"
                : "\(comparison.name)/\(comparison.variant ?? "")"
            let reference = comparison.files.map(\.estimate).min() ?? 1
            let text = DurationText(reference: reference, sourceUnit: unit)
            let cells = files.map { file -> String in
                guard let figure = comparison.files.first(where: { $0.file == file }) else { return "—" }
                return comparison.kind == .speedup ? RatioText.ratio(figure.estimate) : text.format(figure.estimate)
            }
            let f = comparison.test.map { NumberText.short($0.f) } ?? "—"
            let p = comparison.test.map { PValueText.value($0.p) } ?? "—"
            let differs = comparison.differs.map { $0 ? "yes" : "no" } ?? "untestable"
            rows.append([label] + cells + [f, p, differs])
            if let robust = comparison.robust {
                let robustCells = files.map { file -> String in
                    guard let figure = robust.files.first(where: { $0.file == file }) else { return "—" }
                    return comparison.kind == .speedup ? RatioText.ratio(figure.estimate) : text.format(figure.estimate)
                }
                rows.append(["  without outlying iterations"] + robustCells + [
                    robust.test.map { NumberText.short($0.f) } ?? "—", robust.test.map { PValueText.value($0.p) } ?? "—",
                    robust.differs.map { $0 ? "yes" : "no" } ?? "untestable",
                ])
            }
        }
        return rows
    }

    static func legend(_ document: RunVarianceDocument) -> [String] {
        let level = PercentText.percent(document.confidence)
        let width = PercentText.setting(document.targetWidth)
        let effect = PercentText.setting(document.minimumEffect)
        var byRuns: [Int: Double] = [:]
        for entry in document.benchmarks { if let cutoff = entry.standOutThreshold { byRuns[entry.runs] = cutoff } }
        let cutoffs = byRuns.isEmpty
            ? "none stand out below 3 runs"
            : byRuns.keys.sorted().map { "\(NumberText.short(byRuns[$0] ?? 0)) for \($0) runs" }.joined(separator: ", ")
        var lines = [
            "within/between CV: within-run and between-run standard deviation ÷ mean (variance components, Kalibera & Jones 2013); between: share of the variance that lies between runs; KW p: Kruskal–Wallis test that all runs come from one distribution.",
            "stand out: runs (counted from 1; JSON indexes count from 0) whose median is further from the median of run medians, in robust deviations, than the cut-off for that many runs allows (\(cutoffs)) and at least \(effect) from the other runs'. drift: change from the first to the last third of a run, shown when the seasonal Kendall test finds a trend. warm-up: short when the first timed iterations are slower than the rest or times fall during runs.",
            "iter/run*: Kalibera–Jones optimal iterations per run, ⌈√(run cost ÷ iteration cost × T1² ÷ T2²)⌉, — when no between-run variance is seen; runs for \(width): runs of that many iterations (or the current number) for a \(level) interval of the mean \(width) wide (±\(PercentText.setting(document.targetWidth / 2))).",
        ]
        let bases = Set(document.benchmarks.compactMap { $0.plan?.costBasis })
        if bases.count == 1, let basis = bases.first {
            lines.append("run cost for the optimum: \(basis.rawValue).")
        }
        if document.benchmarks.contains(where: { $0.robust != nil }) {
            lines.append("outlying: iterations above their run's median × exp(max(5 × 1.4826 × MAD of the run's log times, log 1.1)), of all iterations; worst: the largest ratio to its run's median; classical → robust: every iteration → without the outlying ones (the findings and the plan use the robust figures); typical time: geometric mean of the run means.")
        }
        if !document.betweenFiles.isEmpty {
            lines.append("between files: geometric means over runs; F test of one log value per run grouped by file (one-way ANOVA), so files are judged against how much runs differ inside them\(document.betweenFiles.contains { $0.robust != nil } ? "; without outlying iterations: the same on the run means without them, which decides when present" : "").")
        }
        return lines
    }

    /// The document's warnings, then each benchmark's notes (with its file when there are several).
    static func notes(_ document: RunVarianceDocument) -> [String] {
        let several = document.inputs.count > 1
        return document.warnings + document.benchmarks.flatMap { entry in
            entry.notes.map { (several ? "\(entry.file): " : "") + "\(entry.label): \($0)" }
        }
    }
}
