import QEFormats
import QEResults
import QEStatistics

/// The `qe-validate/variance@1` document of `qe-validate variance`: run-to-run variance of every
/// benchmark of one or more results files, and, with several files, whether they differ by more
/// than their runs explain.
public struct RunVarianceDocument: Sendable, Codable, Equatable {
    /// The `schema` of every variance document.
    public static let schemaName = "qe-validate/variance@1"

    /// One input file.
    public struct Input: Sendable, Codable, Equatable {
        /// The path as given, and the file's suite.
        public var path: String
        public var suite: String
        /// The file's own unit (every time in the document is in the document's `unit`).
        public var unit: TimeUnit
    }

    /// The rules behind the findings, in words, so a reader of the JSON can check them.
    public struct Rules: Sendable, Codable, Equatable {
        /// One sentence per rule.
        public var standOut: String
        public var drift: String
        public var warmup: String
        public var planning: String
        public var betweenFiles: String
        public var outlyingIterations: String
    }

    public var schema: String = RunVarianceDocument.schemaName
    public var command: String = "variance"
    /// Confidence of intervals and tests; α = 1 − confidence.
    public var confidence: Double
    /// The relative width (high − low) ÷ mean the plan aims at: 0.02 is ±1%.
    public var targetWidth: Double
    /// `--run-overhead`, in seconds.
    public var runOverheadSeconds: Double
    /// Smaller differences are not called out (0.01 is 1%).
    public var minimumEffect: Double
    /// The unit of every time in the document (the first file's).
    public var unit: TimeUnit
    /// The files, in the order given.
    public var inputs: [Input]
    /// The `--workload` filter; empty for every benchmark.
    public var workloads: [String]
    public var rules: Rules
    /// One entry per (file, name, variant), files in the order given, benchmarks in file order.
    public var benchmarks: [BenchmarkVariance]
    /// With several files: each variant's level and each benchmark's speedup compared across them.
    public var betweenFiles: [BetweenFilesComparison]
    /// Every finding in plain words, in order.
    public var findings: [String]
    /// Different suites or machines among the files.
    public var warnings: [String]

    /// Analyses `files` (path and contents, in the order given).
    /// - Throws: ``RunVarianceError``.
    public init(files: [(path: String, file: ResultsFile)], workloads: [String], options: RunVarianceOptions) throws(RunVarianceError) {
        precondition(!files.isEmpty, "a variance analysis needs at least one results file")
        let unit = files[0].file.unit
        let wanted = Set(workloads)
        let available = files.flatMap { $0.file.benchmarks.map(\.name) }
        let missing = workloads.filter { !available.contains($0) }
        if !missing.isEmpty {
            var names: [String] = []
            for name in available where !names.contains(name) { names.append(name) }
            throw .unknownWorkload(names: missing, available: names)
        }
        var warnings: [String] = []
        let first = files[0]
        for other in files.dropFirst() {
            if other.file.suite != first.file.suite {
                warnings.append("\(other.path) is suite '\(other.file.suite)', \(first.path) is '\(first.file.suite)': files of different suites are compared as they are")
            }
            for difference in EnvironmentDifference.describe(first.file.environment, other.file.environment) {
                warnings.append("\(first.path) and \(other.path): \(difference)")
            }
        }

        let runCounts = Set(files.flatMap { $0.file.benchmarks.map(\.runs.count) })
        let analysis = RunVarianceAnalysis(options: options, runCounts: runCounts)
        var benchmarks: [BenchmarkVariance] = []
        for (path, file) in files {
            for benchmark in file.benchmarks where wanted.isEmpty || wanted.contains(benchmark.name) {
                let runs = benchmark.runSamples(in: unit, from: file.unit)
                let warmups = benchmark.runs.map { file.unit.convert($0.warmup, to: unit) }
                do {
                    benchmarks.append(try analysis.analyse(
                        file: path, name: benchmark.name, variant: benchmark.variant, unit: unit, runs: runs, warmups: warmups,
                        timeOrdered: !benchmark.sampleKind.isRoundedToHistogram))
                } catch {
                    throw .analysisFailed(file: path, benchmark: "\(benchmark.name) (\(benchmark.variant))", reason: error)
                }
            }
        }
        // Drift and a slow start are tests run on every benchmark at once: their p-values are
        // adjusted by Holm's method over the family, and each benchmark is judged again.
        if benchmarks.count > 1 {
            let drift = Self.holm(benchmarks.map(\.drift.p))
            let start = Self.holm(benchmarks.map(\.warmup.startP))
            for index in benchmarks.indices {
                analysis.judge(&benchmarks[index], adjusted: .init(drift: drift[index], start: start[index]), unit: unit)
            }
        }
        let betweenFiles = files.count >= 2
            ? BetweenFilesAnalysis.compare(files.map { .init(path: $0.path, file: $0.file) }, unit: unit, workloads: wanted, options: options)
            : []

        var findings: [String] = []
        var quiet = 0
        let singleRun = benchmarks.filter { $0.runs == 1 }
        for entry in benchmarks {
            let sentences = entry.findings.filter { entry.runs > 1 || !$0.hasSuffix(RunVarianceFindings.singleRunAdvice) }
            if sentences.isEmpty && entry.runs > 1 { quiet += 1 }
            for sentence in sentences {
                findings.append(files.count > 1 ? "\(entry.file): \(sentence)" : sentence)
            }
        }
        if !singleRun.isEmpty {
            let which = singleRun.count == benchmarks.count
                ? "every benchmark has a single run"
                : "\(singleRun.count) benchmark\(singleRun.count == 1 ? " has" : "s have") a single run (\(singleRun.map { files.count > 1 ? "\($0.file): \($0.label)" : $0.label }.joined(separator: ", ")))"
            findings.append("\(which): \(RunVarianceFindings.singleRunAdvice)")
        }
        // Across files: every difference, and every speedup that cannot be judged; the
        // agreements are counted (the table and the JSON have them all).
        var agreeing = 0
        for comparison in betweenFiles {
            switch comparison.judgedDiffers {
            case true?: findings.append(comparison.finding)
            case nil where comparison.kind == .speedup: findings.append(comparison.finding)
            case false?: agreeing += 1
            case nil: break
            }
        }
        if agreeing > 0 {
            findings.append(agreeing == betweenFiles.count
                ? "every variant and speedup compared across the files agrees within what the runs inside each file explain"
                : agreeing == 1
                    ? "the other comparison across files agrees within what the runs inside each file explain"
                    : "the other \(agreeing) comparisons across files agree within what the runs inside each file explain")
        }
        if quiet > 0 {
            findings.append(quiet == benchmarks.count
                ? "nothing stands out in any benchmark"
                : (quiet == 1 ? "nothing stands out in the other benchmark" : "nothing stands out in the other \(quiet) benchmarks"))
        }

        self.confidence = options.confidence
        self.targetWidth = options.targetWidth
        self.runOverheadSeconds = options.runOverheadSeconds
        self.minimumEffect = options.minimumEffect
        self.unit = unit
        self.inputs = files.map { Input(path: $0.path, suite: $0.file.suite, unit: $0.file.unit) }
        self.workloads = workloads
        self.rules = Self.rules(options)
        self.benchmarks = benchmarks
        self.betweenFiles = betweenFiles
        self.findings = findings
        self.warnings = warnings
    }

    /// Holm-adjusted p-values of the entries that have one (nil stays nil).
    static func holm(_ pValues: [Double?]) -> [Double?] {
        let present = pValues.compactMap { $0 }
        guard let adjusted = try? MultipleComparisons.adjustedPValues(present, method: .holm) else {
            return pValues
        }
        var next = adjusted.makeIterator()
        return pValues.map { $0 == nil ? nil : next.next() }
    }

    static func rules(_ options: RunVarianceOptions) -> Rules {
        let effect = PercentText.setting(options.minimumEffect)
        let alpha = options.alpha
        let threshold = options.standOutThreshold.map(NumberText.short)
            ?? "the cut-off for K runs (the \(PercentText.percent(options.confidence)) quantile of the largest such distance among K normal values, at least 3.5, simulated; each benchmark's standOutThreshold gives it\(options.confidence == 0.95 ? ": about 21 for 3 runs, 7.9 for 5, 4.6 for 10" : ""))"
        return Rules(
            standOut: "each benchmark's runs on their own: a run stands out when |its median − the median of run medians| ÷ max(1.4826 · MAD of the run medians, √(π/2) · σw ÷ √n) > \(threshold) (σw: the median of the runs' MADs; n: the run's iterations) and its median is at least \(effect) away from the median of the other runs' medians; needs 3 or more runs; JSON indexes count from 0",
            drift: "seasonal Kendall test (runs as blocks, iterations compared within their run), two-sided; detected when p, Holm-adjusted over the benchmarks analysed together, is below \(NumberText.short(alpha)) and the median over runs of median(last third) ÷ median(first third) − 1 is at least \(effect) in size",
            warmup: "too short when the first ⌈n/10⌉ timed iterations of the runs are slower than the rest (one-sided stratified rank-sum test, runs as strata, Holm-adjusted p over the benchmarks below \(NumberText.short(alpha)), by at least \(effect)) or times fall during the runs (drift toward faster); settledAfter counts warm-up iterations above Q3 + 1.5·IQR of the run's timed iterations",
            planning: "optimalIterationsPerRun = max(1, ⌈√(c · T1² ÷ T2²)⌉) with c = (mean warm-up time per run + run overhead) ÷ mean iteration time (Kalibera & Jones 2013), none when T2² ≤ 0; runsNeeded = the fewest K ≥ 2 with 2 · t(1 − α/2, K − 1) · √((σb² + σw² ÷ r) ÷ K) ÷ mean ≤ targetWidth, r = optimalIterationsPerRun or else the current iterations per run",
            betweenFiles: "one-way ANOVA (R: oneway.test(var.equal = TRUE)) of one log value per run — the run mean (level) or the baseline ÷ candidate run-mean ratio of the same run (speedup) — grouped by file; the files differ when p < \(NumberText.short(alpha)); when a compared benchmark has outlying iterations, the same test on the run means without them (robust) decides",
            outlyingIterations: "an iteration is outlying when its log time exceeds its run's median log time by more than max(\(NumberText.short(OutlyingIterationRule.standard.fenceMultiplier)) · 1.4826 · MAD of the run's log times, log \(NumberText.short(OutlyingIterationRule.standard.minimumRatio))) (runs of \(OutlyingIterationRule.standard.minimumIterations) or more iterations; one-sided: other processes only add time); the robust figures are the variance components, plan and typical time of the other iterations, and the findings use them when any iteration is outlying")
    }
}
