import Foundation
import QEFormats
import QEResults
import QEStatistics

/// The pre-merge regression gate (DESIGN §4): new results against a committed baseline.
///
/// For each (name, variant) in both files, the time-ratio interval [L, U] (candidate ÷
/// baseline time) is judged against 1 + t, t the benchmark's threshold: regression when
/// L > 1 + t, pass when U ≤ 1 + t (improvement when even U < 1 − t), inconclusive otherwise.
///
/// - Runs of the two files come from different sessions, so they are not paired. With 3 or
///   more runs per side (`auto`), the interval is Welch's t on the log of one statistic per run
///   — by default its fastest iteration, the time least moved by a busy machine
///   (`UnpairedRunsSpeedup`); with fewer, Hodges–Lehmann on pooled iterations, with a warning.
/// - The verdicts are one-sided, so each end of each of the k intervals is a one-sided bound at
///   1 − α/k (Bonferroni): a gate run reports any false regression with probability at most α,
///   and any false pass likewise, however many benchmarks it gates.
/// - A baseline measured on a different machine or build is refused unless allowed.
public struct GateJudge: Sendable {
    public var options: GateOptions

    /// One side of the gate.
    public struct Input: Sendable {
        /// The path, or `git:REV:PATH`.
        public var path: String
        public var results: ResultsFile
        public var provenance: BaselineProvenance?

        public init(path: String, results: ResultsFile, provenance: BaselineProvenance? = nil) {
            self.path = path
            self.results = results
            self.provenance = provenance
        }
    }

    public init(options: GateOptions) {
        self.options = options
    }

    /// Judges `results` against `baseline`.
    /// - Throws: ``GateError``.
    public func judge(baseline: Input, results: Input) throws(GateError) -> GateDocument {
        var warnings: [String] = []
        let machine = MachineComparison(baseline: baseline.results.environment, results: results.results.environment)
        if !machine.isSameMachine {
            guard options.allowForeignMachine else {
                throw .foreignMachine(baseline: baseline.path, differences: machine.summary)
            }
            warnings.append("the baseline comes from a different machine or build (\(machine.summary)), compared because of --allow-foreign-machine: a difference may come from the machine, not the code")
        }
        if !machine.unchecked.isEmpty {
            warnings.append("cannot check that the baseline and the results come from the same kind of machine: \(machine.unchecked.map(\.rawValue).joined(separator: ", ")) not recorded on both sides")
        }

        let allNames = Set(baseline.results.benchmarks.map(\.name)).union(results.results.benchmarks.map(\.name))
        for name in options.thresholds.perName.keys.sorted() where !allNames.contains(name) {
            throw .unknownThresholdName(
                "--threshold \(name)=…: no benchmark named '\(name)' in the baseline or the results (benchmarks: \(allNames.sorted().joined(separator: ", ")))")
        }

        let unit = baseline.results.unit
        var pairs: [(benchmark: Benchmark, partner: Benchmark)] = []
        var onlyInBaseline: [String] = []
        for benchmark in baseline.results.benchmarks {
            if let partner = results.results.benchmark(benchmark.key) {
                pairs.append((benchmark, partner))
            } else {
                onlyInBaseline.append("\(benchmark.name) (\(benchmark.variant))")
            }
        }
        let onlyInResults = results.results.benchmarks
            .filter { baseline.results.benchmark($0.key) == nil }
            .map { "\($0.name) (\($0.variant))" }
        guard !pairs.isEmpty else {
            func listed(_ file: ResultsFile) -> String {
                let labels = file.benchmarks.map { "\($0.name) (\($0.variant))" }
                return labels.count <= 6 ? labels.joined(separator: ", ") : labels.prefix(5).joined(separator: ", ") + ", …"
            }
            throw .nothingToGate(
                "\(results.path): no benchmark (name, variant) is also in the baseline \(baseline.path); nothing to gate (baseline: \(listed(baseline.results)); results: \(listed(results.results))); --name-pattern and --variant give another tool's benchmarks the baseline's names and variants")
        }
        if !onlyInBaseline.isEmpty {
            warnings.append("in the baseline but not in the results, so not gated: \(onlyInBaseline.joined(separator: ", "))")
        }
        if !onlyInResults.isEmpty {
            warnings.append("in the results but not in the baseline, so not gated (record a new baseline to gate them): \(onlyInResults.joined(separator: ", "))")
        }

        let intervalConfidence = options.intervalConfidence(count: pairs.count)
        var benchmarks: [GateBenchmark] = []
        for (benchmark, partner) in pairs {
            let label = "\(benchmark.name) (\(benchmark.variant))"
            do {
                benchmarks.append(try judge(
                    name: benchmark.name, variant: benchmark.variant,
                    baselineRuns: benchmark.runSamples(in: unit, from: baseline.results.unit),
                    candidateRuns: partner.runSamples(in: unit, from: results.results.unit),
                    intervalConfidence: intervalConfidence, unit: unit))
            } catch {
                throw .statistics(benchmark: label, reason: error.description)
            }
        }
        if benchmarks.count > 1,
           let adjusted = try? MultipleComparisons.adjustedPValues(benchmarks.map(\.mannWhitney.p), method: .holm) {
            for (index, p) in adjusted.enumerated() { benchmarks[index].mannWhitney.pHolm = p }
        }

        if let warning = Self.outlyingIterationsWarning(benchmarks, runStatistic: options.runStatistic) { warnings.append(warning) }
        let inconclusive = benchmarks.filter { $0.verdict == .inconclusive }.map(\.label)
        if !inconclusive.isEmpty && options.onInconclusive == .pass {
            warnings.append("inconclusive, passed under --on-inconclusive pass: \(inconclusive.joined(separator: ", ")); their intervals straddle the threshold, and more runs on both sides (a baseline with more runs too) would narrow them")
        }
        let verdict = GateOverallVerdict(benchmarks.map(\.verdict), onInconclusive: options.onInconclusive)
        return GateDocument(
            verdict: verdict,
            reason: GateReason.sentence(verdict: verdict, benchmarks: benchmarks, confidence: options.confidence),
            exitStatus: ExitStatus(verdict),
            confidence: options.confidence, intervalConfidence: intervalConfidence,
            threshold: options.thresholds.default, thresholds: options.thresholds.perName,
            onInconclusive: options.onInconclusive, method: options.method, runStatistic: options.runStatistic,
            seed: options.seed,
            bootstrapReplicates: options.bootstrapReplicates, unit: unit,
            baseline: Self.input(baseline), results: Self.input(results),
            machine: .init(comparison: machine, foreignAllowed: !machine.isSameMachine),
            benchmarks: benchmarks, onlyInBaseline: onlyInBaseline, onlyInResults: onlyInResults,
            warnings: warnings)
    }

    private func judge(
        name: String, variant: String, baselineRuns: [[Double]], candidateRuns: [[Double]], intervalConfidence: Double,
        unit: TimeUnit
    ) throws(StatisticsError) -> GateBenchmark {
        let threshold = options.thresholds.threshold(for: name)
        let interval = try GateInterval(
            baselineRuns: baselineRuns, candidateRuns: candidateRuns, method: options.method,
            confidence: intervalConfidence, statistic: options.runStatistic, seed: options.seed,
            replicates: options.bootstrapReplicates)
        let verdict = interval.verdict(threshold: threshold)
        let baselinePooled = baselineRuns.flatMap { $0 }
        let candidatePooled = candidateRuns.flatMap { $0 }
        var baselineDescription = try SampleDescription(pooled: baselinePooled, runCount: baselineRuns.count, confidence: options.confidence)
        var candidateDescription = try SampleDescription(pooled: candidatePooled, runCount: candidateRuns.count, confidence: options.confidence)
        let test = try MannWhitneyTest(x: baselinePooled, y: candidatePooled)

        var warnings: [String] = []
        let runs = min(baselineRuns.count, candidateRuns.count)
        if interval.method == .hodgesLehmann {
            warnings.append(
                "\(runs) run\(runs == 1 ? "" : "s") on the smaller side: the interval pools iterations and cannot see run-to-run variation, so it is too narrow when runs differ; record \(GateMethod.minimumRuns) or more runs on both sides")
            if interval.achievedConfidence < intervalConfidence {
                warnings.append("too few samples for a \(PercentText.percent(intervalConfidence)) interval: the widest possible one reaches \(PercentText.percent(interval.achievedConfidence))")
            }
        }
        if interval.method == .hierarchicalBootstrap && runs < 10 {
            warnings.append("the percentile bootstrap of \(runs) runs is narrower than its nominal confidence (see the README's calibration)")
        }
        if interval.method == .unpairedRuns && options.runStatistic == .minimum {
            let baselineLengths = Set(baselineRuns.map(\.count))
            let candidateLengths = Set(candidateRuns.map(\.count))
            if baselineLengths != candidateLengths {
                warnings.append(
                    "the runs have different numbers of iterations (baseline \(baselineLengths.sorted().map(String.init).joined(separator: "/")), results \(candidateLengths.sorted().map(String.init).joined(separator: "/"))): the fastest of more iterations tends to be faster, so compare runs of equal length or use --run-statistic median")
            }
        }
        if interval.degenerate {
            warnings.append("every run has the same value on both sides, so the interval is a single point")
        }
        // Iterations far in the slow tail of their run: each run's fastest iteration or median,
        // which the unpaired-runs interval compares by default, is not moved by them.
        let unmoved = interval.method == .unpairedRuns && options.runStatistic != .geometricMean
            ? "each run's \(options.runStatistic == .minimum ? "fastest iteration" : "median"), which the gate compares, is not moved by them"
            : nil
        for (side, runs) in [("baseline", baselineRuns), ("results", candidateRuns)] {
            guard let outlying = OutlyingIterationsSummary.detect(runs: runs) else { continue }
            if side == "baseline" {
                baselineDescription.outlyingIterations = OutlyingIterationsSummary(outlying)
            } else {
                candidateDescription.outlyingIterations = OutlyingIterationsSummary(outlying)
            }
            // Where the run statistic is not moved by them, the document says it once for all
            // benchmarks (``GateJudge/outlyingIterationsWarning(_:)``).
            if unmoved == nil, let sentence = OutlyingIterationsSummary.sentence(
                outlying, label: "\(name)/\(variant)", file: "the \(side)", unit: unit)
            {
                warnings.append(sentence)
            }
        }
        return GateBenchmark(
            name: name, variant: variant, threshold: threshold,
            baseline: baselineDescription, candidate: candidateDescription,
            timeRatio: .init(estimate: interval.estimate, low: interval.low, high: interval.high),
            speedup: .init(
                estimate: 1 / interval.estimate, low: 1 / interval.high, high: 1 / interval.low,
                method: interval.method, confidence: intervalConfidence,
                achievedConfidence: interval.achievedConfidence, intervalBranch: nil,
                replicates: interval.method == .hierarchicalBootstrap ? options.bootstrapReplicates : nil,
                seed: interval.method == .hierarchicalBootstrap ? options.seed : nil),
            degreesOfFreedom: interval.degreesOfFreedom,
            baselineRunValues: interval.baselineRunValues, candidateRunValues: interval.candidateRunValues,
            mannWhitney: .init(u: test.u, p: test.pValue, method: test.method, pHolm: nil),
            verdict: verdict, warnings: warnings)
    }

    /// One sentence for the outlying iterations of the benchmarks whose interval compares a run
    /// statistic they cannot move (each run's fastest iteration or median): how many benchmarks
    /// have some, and the worst; nil when there are none (or the statistic is the geometric mean,
    /// where each benchmark names its own).
    static func outlyingIterationsWarning(_ benchmarks: [GateBenchmark], runStatistic: RunStatistic) -> String? {
        guard runStatistic != .geometricMean else { return nil }
        var affected = 0
        var worst: (ratio: Double, place: String)?
        for benchmark in benchmarks where benchmark.speedup.method == .unpairedRuns {
            let sides = [("baseline", benchmark.baseline.outlyingIterations), ("results", benchmark.candidate.outlyingIterations)]
            var any = false
            for (side, summary) in sides {
                guard let iteration = summary?.worst else { continue }
                any = true
                if iteration.ratioToMedian > worst?.ratio ?? 0 { worst = (iteration.ratioToMedian, "\(benchmark.label) in the \(side)") }
            }
            if any { affected += 1 }
        }
        guard let worst else { return nil }
        let statistic = runStatistic == .minimum ? "fastest iteration" : "median"
        let which = affected == benchmarks.count
            ? (affected == 1 ? "the benchmark has" : "every benchmark has")
            : "\(affected) of \(benchmarks.count) benchmarks \(affected == 1 ? "has" : "have")"
        return "\(which) iterations far in the slow tail of their run (another process, an interrupt or a frequency dip; the worst \(RatioText.ratio(worst.ratio)) its run's median, \(worst.place)): each run's \(statistic), which the gate compares, is not moved by them; outlyingIterations in --format json counts them per benchmark and side"
    }

    private static func input(_ input: Input) -> GateDocument.Input {
        GateDocument.Input(
            path: input.path, suite: input.results.suite, createdAt: input.results.createdAt,
            environment: .init(input.results.environment), provenance: input.provenance.map(GateDocument.Provenance.init))
    }
}
