import Foundation
import QEFormats
import QEResults
import QEStatistics

/// Compares results files of the same suite (the study's "Run 1" and "Run 2"): for every
/// variant, and for the speedup of every benchmark with both variants, does the value differ
/// between files more than the runs inside each file explain?
///
/// Method: each run becomes one value — log of its mean time (`level`), or log of the baseline
/// run mean over the candidate run mean of the same run (`speedup`; run k of both variants comes
/// from the same process, DESIGN §3) — and a one-way ANOVA F test (R: `oneway.test(var.equal =
/// TRUE)`) compares the spread of those values between files with their spread between runs
/// within files. This is the test of the top level of the nested design files ▸ runs ▸
/// iterations: iterations only enter through the run values, so a file is not called different
/// merely because its thousands of iterations are precise. Logs make the comparison one of
/// ratios. With one run per file there is nothing to judge the files against, and it says so.
enum BetweenFilesAnalysis {
    struct Input {
        var path: String
        var file: ResultsFile
    }

    static func compare(_ inputs: [Input], unit: TimeUnit, workloads: Set<String>, options: RunVarianceOptions) -> [BetweenFilesComparison] {
        var keys: [BenchmarkKey] = []
        for input in inputs {
            for benchmark in input.file.benchmarks where workloads.isEmpty || workloads.contains(benchmark.name) {
                if !keys.contains(benchmark.key) { keys.append(benchmark.key) }
            }
        }
        var results: [BetweenFilesComparison] = []
        var names: [String] = []
        for key in keys {
            if !names.contains(key.name) { names.append(key.name) }
            var groups: [Group] = []
            for input in inputs {
                guard let benchmark = input.file.benchmark(key) else { continue }
                let runs = benchmark.runSamples(in: unit, from: input.file.unit)
                let trimmed = Self.trimmedMeans(runs)
                groups.append(Group(
                    path: input.path, values: runs.map { Foundation.log(Self.mean($0)) },
                    robustValues: trimmed.means.map { Foundation.log($0) }, outlying: trimmed.outlying))
            }
            guard groups.count >= 2 else { continue }
            results.append(Self.comparison(
                kind: .level, name: key.name, variant: key.variant, groups: groups, unit: unit, options: options))
        }
        for name in names {
            var groups: [Group] = []
            var pair: (baseline: String, candidate: String)?
            for input in inputs {
                let choice = VariantChoice(
                    variants: VariantChoice.variants(in: input.file), baseline: options.baselineVariant,
                    candidate: options.candidateVariant)
                guard let base = input.file.benchmark(name: name, variant: choice.baseline),
                    let cand = input.file.benchmark(name: name, variant: choice.candidate),
                    base.runs.count == cand.runs.count,
                    pair == nil || (pair?.baseline == choice.baseline && pair?.candidate == choice.candidate)
                else { continue }
                pair = (choice.baseline, choice.candidate)
                let baseRuns = base.runSamples(in: unit, from: input.file.unit)
                let candRuns = cand.runSamples(in: unit, from: input.file.unit)
                let baseTrimmed = Self.trimmedMeans(baseRuns)
                let candTrimmed = Self.trimmedMeans(candRuns)
                groups.append(Group(
                    path: input.path, values: zip(baseRuns, candRuns).map { Foundation.log(Self.mean($0) / Self.mean($1)) },
                    robustValues: zip(baseTrimmed.means, candTrimmed.means).map { Foundation.log($0 / $1) },
                    outlying: baseTrimmed.outlying || candTrimmed.outlying))
            }
            guard groups.count >= 2, let pair else { continue }
            var comparison = Self.comparison(
                kind: .speedup, name: name, variant: pair.candidate, groups: groups, unit: unit, options: options,
                baselineVariant: pair.baseline)
            comparison.variant = nil
            comparison.baselineVariant = pair.baseline
            comparison.candidateVariant = pair.candidate
            results.append(comparison)
        }
        return results
    }

    /// One file's run values: log run means (or log ratios of run means), with and without the
    /// runs' outlying iterations.
    struct Group {
        var path: String
        var values: [Double]
        var robustValues: [Double]
        /// Whether any of the runs behind the values has an outlying iteration.
        var outlying: Bool
    }

    /// The mean of each run without its outlying iterations (the plain mean where the rule cannot
    /// judge the run), and whether any iteration was left out.
    static func trimmedMeans(_ runs: [[Double]]) -> (means: [Double], outlying: Bool) {
        guard let trimmed = try? TrimmedRuns(runs: runs) else { return (runs.map(Self.mean), false) }
        return (trimmed.runMeans, trimmed.outlyingIterations.count > 0)
    }

    /// The file figures, their largest ratio, the ANOVA and whether the files differ.
    private static func figures(
        _ groups: [(path: String, values: [Double])], options: RunVarianceOptions
    ) -> (files: [BetweenFilesComparison.FileFigure], ratio: Double, test: BetweenFilesComparison.Test?, differs: Bool?) {
        let figures = groups.map { group in
            BetweenFilesComparison.FileFigure(
                file: group.path, runs: group.values.count, estimate: Foundation.exp(Self.mean(group.values)))
        }
        let estimates = figures.map(\.estimate)
        let ratio = (estimates.max() ?? 1) / (estimates.min() ?? 1)
        var test: BetweenFilesComparison.Test?
        if let anova = try? OneWayAnova(groups: groups.map(\.values)) {
            test = .init(f: anova.statistic, df1: anova.betweenDegreesOfFreedom, df2: anova.withinDegreesOfFreedom,
                         p: anova.pValue, method: .oneWayAnovaOnLogRunValues)
        }
        return (figures, ratio, test, test.map { $0.p < options.alpha })
    }

    private static func comparison(
        kind: BetweenFilesComparison.Quantity, name: String, variant: String?, groups allGroups: [Group],
        unit: TimeUnit, options: RunVarianceOptions, baselineVariant: String? = nil
    ) -> BetweenFilesComparison {
        let classical = figures(allGroups.map { ($0.path, $0.values) }, options: options)
        var robust: BetweenFilesComparison.Robust?
        if allGroups.contains(where: \.outlying) {
            let trimmed = figures(allGroups.map { ($0.path, $0.robustValues) }, options: options)
            robust = .init(files: trimmed.files, ratio: trimmed.ratio, test: trimmed.test, differs: trimmed.differs)
        }
        // The finding uses the figures without outlying iterations when there are some.
        let groups = allGroups.map { (path: $0.path, values: robust == nil ? $0.values : $0.robustValues) }
        let figures = robust?.files ?? classical.files
        let estimates = figures.map(\.estimate)
        let ratio = robust?.ratio ?? classical.ratio
        let test = robust == nil ? classical.test : robust?.test
        let differs = test.map { $0.p < options.alpha }
        let without = robust == nil ? "" : " without its outlying iterations"

        let subject: String
        let values: String
        if kind == .speedup {
            subject = "the speedup of \(name) (\(baselineVariant ?? options.baselineVariant) ÷ \(variant ?? "candidate"))\(without.isEmpty ? "" : ", without outlying iterations,")"
            values = figures.map { "\(RatioText.ratio($0.estimate)) in \($0.file)" }.joined(separator: ", ")
        } else {
            subject = "\(name)/\(variant ?? "")\(without)"
            let text = DurationText(reference: estimates.min() ?? 1, sourceUnit: unit)
            values = figures.map { "\(text.format($0.estimate)) in \($0.file)" }.joined(separator: ", ")
        }
        let gap = ratio >= 2
            ? "the files are a factor \(RatioText.ratio(ratio).dropLast()) apart"
            : "the files are \(PercentText.magnitude(ratio - 1)) apart"
        let finding: String
        switch (test, differs) {
        case let (test?, true?):
            finding = "\(subject) differs between files more than the runs inside each file explain: \(values); \(gap) (F = \(NumberText.short(test.f)) on \(test.df1) and \(test.df2) df, p \(PValueText.relation(test.p)))"
        case let (test?, _):
            finding = "\(subject) does not differ between files by more than the runs inside each file explain: \(values) (F = \(NumberText.short(test.f)) on \(test.df1) and \(test.df2) df, p \(PValueText.relation(test.p)))"
        case _ where groups.contains(where: { $0.values.count >= 2 }):
            finding = "\(subject): \(values); every run has the same value, so there is nothing to test"
        default:
            finding = "\(subject): \(values); \(gap), but each file has a single run, so nothing inside the files measures run-to-run variation and these data cannot say whether the files differ by more than chance; measure 3 or more runs per file"
        }
        return .init(
            kind: kind, name: name, variant: variant, baselineVariant: nil, candidateVariant: nil,
            files: classical.files, ratio: classical.ratio, test: classical.test, differs: classical.differs,
            robust: robust, finding: finding)
    }

    static func mean(_ values: [Double]) -> Double {
        values.reduce(0, +) / Double(values.count)
    }
}
