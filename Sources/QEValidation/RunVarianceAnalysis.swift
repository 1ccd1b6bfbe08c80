import QEFormats
import QEResults
import QEStatistics

/// Analyses the run-to-run variance of one benchmark: the statistics of DESIGN §3 ("variance
/// components") and issue 6, for analysts.
///
/// - Variance components (``VarianceComponents``): T₁² (within runs), T₂² and σ²_b (between
///   runs), the between-run share (intra-class correlation); coefficients of variation are the
///   square roots over the mean.
/// - Kruskal–Wallis test that all runs come from one distribution (R: `kruskal.test`).
/// - Runs that stand out: ``OutlyingRuns`` (robust distance of a run's median beyond a cut-off
///   calibrated for the number of runs, and at least the minimum effect away from the others).
/// - Drift within runs (``WithinRunDrift``) and warm-up sufficiency (``WarmupCheck``).
/// - Planning: Kalibera & Jones' optimal iterations per run r = ⌈√(c · T₁²/T₂²)⌉ with
///   c = (mean warm-up time per run + run overhead) ÷ mean iteration time, and the fewest runs
///   of r iterations whose t interval for the mean is expected to be no wider than the target
///   (``VarianceComponents/runsNeeded(relativeWidth:iterationsPerRun:confidence:maximumRuns:)``).
public struct RunVarianceAnalysis: Sendable {
    /// The settings every benchmark is analysed with.
    public var options: RunVarianceOptions
    /// The stand-out cut-off for each number of runs, worked out once.
    private var thresholds: [Int: Double] = [:]

    /// Prepares an analysis; `runCounts` are the numbers of runs the benchmarks will have, so
    /// that each calibrated cut-off is simulated once.
    public init(options: RunVarianceOptions, runCounts: Set<Int> = []) {
        self.options = options
        if options.standOutThreshold == nil {
            for count in runCounts {
                thresholds[count] = try? OutlyingRuns.criticalDistance(runCount: count, confidence: options.confidence)
            }
        }
    }

    /// The cut-off for `runCount` runs.
    public func standOutThreshold(runCount: Int) throws(StatisticsError) -> Double {
        if let threshold = options.standOutThreshold ?? thresholds[runCount] { return threshold }
        return try OutlyingRuns.criticalDistance(runCount: runCount, confidence: options.confidence)
    }

    /// p-values of one benchmark's drift and slow-start tests adjusted for the family of
    /// benchmarks analysed together.
    public struct AdjustedPValues: Sendable, Equatable {
        /// Holm-adjusted p of the drift test and of the slow-start test.
        public var drift: Double?
        public var start: Double?

        /// Adjusted p-values for one benchmark.
        public init(drift: Double?, start: Double?) {
            self.drift = drift
            self.start = start
        }
    }

    /// Analyses one benchmark.
    /// - Parameters:
    ///   - runs: the timed iterations of each run, in `unit`.
    ///   - warmups: the warm-up iterations of each run, in `unit` (empty arrays when none).
    ///   - timeOrdered: whether each run's samples are in the order they were measured; false
    ///     for samples kept only in an HDR histogram (written in ascending order), whose drift and
    ///     slow start cannot be tested.
    /// - Returns: the benchmark judged on its own; ``judge(_:adjusted:unit:)`` judges it again
    ///   within a family of benchmarks.
    /// - Throws: `StatisticsError` when a run is empty or holds a value that is not finite.
    public func analyse(
        file: String, name: String, variant: String, unit: TimeUnit, runs: [[Double]], warmups: [[Double]],
        timeOrdered: Bool = true
    ) throws(StatisticsError) -> BenchmarkVariance {
        // Radix-sorted once; Summary's own sort then finds each array in order (O(n)).
        for (index, run) in runs.enumerated() {
            guard !run.isEmpty else { throw .tooFewObservations(needed: 1, got: 0, what: "run \(index + 1)") }
            guard run.allSatisfy(\.isFinite) else { throw .nonFinite(what: "run \(index + 1)") }
        }
        let pooled = try Summary(RadixSort.sorted(runs.flatMap { $0 }))
        let runSummaries = try runs.concurrentMap(RadixSort.sorted).map { run throws(StatisticsError) in try Summary(run) }
        var notes: [String] = []
        let components: VarianceComponents?
        if runs.count < 2 {
            components = nil  // said in the findings
        } else if runs.allSatisfy({ $0.count < 2 }) {
            components = nil
            notes.append("every run has one iteration: within-run variance cannot be estimated")
        } else {
            components = try VarianceComponents(runs: runs)
        }
        let mean = pooled.mean
        var withinCV: Double?
        var betweenCV: Double?
        var share: Double?
        var figures: BenchmarkVariance.Components?
        if let components {
            withinCV = components.withinRunVariance.squareRoot() / mean
            betweenCV = components.betweenRunVariance.squareRoot() / mean
            share = components.intraclassCorrelation
            figures = .init(
                t1Squared: components.t1Squared, t2Squared: components.t2Squared,
                betweenRunVariance: components.betweenRunVariance, varianceOfRunMeans: components.varianceOfRunMeans)
        } else if runs.count == 1 {
            withinCV = pooled.coefficientOfVariation
        }

        var kruskal: BenchmarkVariance.KruskalWallis?
        // With one iteration in every run, H is N − 1 whatever the data (each run is its own
        // rank): the test says nothing, so it is not reported.
        if runs.count >= 2, runs.contains(where: { $0.count >= 2 }) {
            if let test = try? KruskalWallisTest(groups: runs) {
                kruskal = .init(h: test.statistic, df: test.degreesOfFreedom, p: test.pValue)
            } else {
                notes.append("every iteration has the same time: the runs cannot be ranked")
            }
        }

        let threshold = try standOutThreshold(runCount: runs.count)
        let outliers = try OutlyingRuns(summaries: runSummaries, threshold: threshold, minimumRelativeDifference: options.minimumEffect)
        let (drift, trends) = WithinRunDrift.analyse(runs: runs, options: options, timeOrdered: timeOrdered)
        let warmup = WarmupCheck.analyse(
            runs: runs, summaries: runSummaries, warmups: warmups, drift: drift, options: options, timeOrdered: timeOrdered)

        let perRun = runs.indices.map { index in
            BenchmarkVariance.Run(
                index: index, iterations: runs[index].count, warmupIterations: warmups[index].count,
                mean: runSummaries[index].mean, median: runSummaries[index].median,
                cv: runSummaries[index].coefficientOfVariation,
                relativeToOthers: outliers.runs[index].relativeDifference,
                distance: outliers.runs[index].distance, standsOut: outliers.runs[index].standsOut,
                trendTau: trends[index].tau, trendP: trends[index].p, earlyToLate: trends[index].change)
        }

        var optimal: Int?
        var runsNeeded: Int?
        var plan: BenchmarkVariance.Plan?
        if let components {
            (optimal, runsNeeded, plan) = planning(components: components, runs: runs, warmups: warmups, unit: unit, notes: &notes)
        }

        // The iterations far in the slow tail of their run, and the figures without them.
        let outlying = OutlyingIterationsSummary.detect(runs: runs)
        var robust: BenchmarkVariance.Robust?
        if let outlying, outlying.count > 0, components != nil, let trimmed = try? RobustVarianceComponents(runs: runs) {
            let robustComponents = trimmed.components
            let robustMean = robustComponents.grandMean
            var robustNotes: [String] = []
            let (robustOptimal, robustRunsNeeded, robustPlan) = planning(
                components: robustComponents, runs: runs, warmups: warmups, unit: unit, notes: &robustNotes)
            notes += robustNotes.map { "without the outlying iterations: \($0)" }
            robust = .init(
                withinRunCV: robustComponents.withinRunVariance.squareRoot() / robustMean,
                betweenRunCV: robustComponents.betweenRunVariance.squareRoot() / robustMean,
                betweenRunShare: robustComponents.intraclassCorrelation,
                typicalTime: trimmed.trimmedRuns.typicalTime,
                varianceComponents: .init(
                    t1Squared: robustComponents.t1Squared, t2Squared: robustComponents.t2Squared,
                    betweenRunVariance: robustComponents.betweenRunVariance,
                    varianceOfRunMeans: robustComponents.varianceOfRunMeans),
                optimalIterationsPerRun: robustOptimal, runsNeeded: robustRunsNeeded, plan: robustPlan)
        }
        let label = "\(name)/\(variant)"
        let outlyingFinding = outlying.flatMap {
            OutlyingIterationsSummary.sentence($0, label: label, file: nil, unit: unit, leftOutOf: robust == nil ? nil : "the robust figures and the plan")
        }

        var entry = BenchmarkVariance(
            file: file, name: name, variant: variant, runs: runs.count, iterations: runs.map(\.count),
            n: pooled.count, mean: mean, median: pooled.median,
            withinRunCV: withinCV, betweenRunCV: betweenCV, betweenRunShare: share,
            varianceComponents: figures, kruskalWallis: kruskal,
            runsThatStandOut: outliers.indexes, standOutThreshold: threshold.isFinite ? threshold : nil, perRun: perRun, drift: drift, warmup: warmup,
            optimalIterationsPerRun: optimal, runsNeeded: runsNeeded, plan: plan,
            outlyingIterations: outlying.map(OutlyingIterationsSummary.init), robust: robust,
            findingsUse: robust == nil ? .classical : .robust, outlyingFinding: outlyingFinding.map { [$0] } ?? [],
            findings: [], notes: notes)
        entry.findings = RunVarianceFindings.sentences(for: entry, unit: unit, options: options)
        return entry
    }

    /// Judges `entry` again with its drift and slow-start p-values adjusted for the family of
    /// benchmarks analysed together (nothing is recomputed from the data), and rewrites its
    /// findings.
    public func judge(_ entry: inout BenchmarkVariance, adjusted: AdjustedPValues, unit: TimeUnit) {
        WithinRunDrift.judge(&entry.drift, adjustedP: adjusted.drift, options: options)
        WarmupCheck.judge(&entry.warmup, drift: entry.drift, adjustedP: adjusted.start, options: options)
        entry.findings = RunVarianceFindings.sentences(for: entry, unit: unit, options: options)
    }

    /// Kalibera & Jones' optimum and the runs needed for `components` (classical or robust).
    private func planning(
        components: VarianceComponents, runs: [[Double]], warmups: [[Double]], unit: TimeUnit, notes: inout [String]
    ) -> (Int?, Int?, BenchmarkVariance.Plan?) {
        let iterationCost = components.grandMean
        let warmupTotal = warmups.reduce(0.0) { $0 + $1.reduce(0, +) } / Double(runs.count)
        let overhead = TimeUnit.seconds.convert(options.runOverheadSeconds, to: unit)
        var runCost = warmupTotal + overhead
        var basis: RunCostBasis
        switch (warmupTotal > 0, overhead > 0) {
        case (true, true): basis = .warmupAndOverhead
        case (true, false): basis = .warmup
        case (false, true): basis = .overhead
        case (false, false): basis = .assumed
        }
        var costRatio = runCost / iterationCost
        if !(costRatio > 0) || !costRatio.isFinite {
            costRatio = 1
            runCost = iterationCost
            basis = .assumed
        }
        var optimal: Int?
        var planNote: String?
        switch try? components.optimalIterationsPerRun(costRatio: costRatio) {
        case let .iterationsPerRun(count)?: optimal = count
        case .noBetweenRunVariance?, nil:
            planNote = "no between-run variance is seen (T₂² ≤ 0): Kalibera & Jones give no finite optimum, so the plan keeps the current iterations per run"
        }
        let current = (try? Summary(runs.map { Double($0.count) }))?.median ?? 1
        let iterationsPerRun = optimal ?? max(1, Int(current.rounded()))
        var runsNeeded: Int?
        var expected: Double?
        do {
            runsNeeded = try components.runsNeeded(
                relativeWidth: options.targetWidth, iterationsPerRun: iterationsPerRun, confidence: options.confidence)
            if let runsNeeded {
                expected = try components.expectedRelativeWidth(
                    runs: runsNeeded, iterationsPerRun: iterationsPerRun, confidence: options.confidence)
            } else {
                notes.append("more than a million runs would be needed for an interval \(PercentText.setting(options.targetWidth)) wide")
            }
        } catch {
            notes.append("the runs needed cannot be estimated: \(error)")
        }
        let plan = BenchmarkVariance.Plan(
            iterationCost: iterationCost, runCost: runCost, costRatio: costRatio, costBasis: basis,
            iterationsPerRun: iterationsPerRun, targetWidth: options.targetWidth, confidence: options.confidence,
            currentWidth: try? components.currentRelativeWidth(confidence: options.confidence),
            expectedWidth: expected, note: planNote)
        return (optimal, runsNeeded, plan)
    }
}
