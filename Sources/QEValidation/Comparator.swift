import Foundation
import QEFormats
import QEResults
import QEStatistics

/// Compares a baseline and a candidate: the statistics of DESIGN §3 for one benchmark.
public struct Comparator: Sendable {
    public var options: ComparisonOptions

    public init(options: ComparisonOptions) {
        self.options = options
    }

    /// Compares `baseline` with `candidate` (both in `unit`).
    /// - Parameter paired: run k of the baseline and run k of the candidate come from the same
    ///   process (same file, same run index), as `qe-validate run` and most tools record them.
    /// - Throws: `StatisticsError` when a side cannot be described (empty, non-finite,
    ///   non-positive times), or paired runs are asked for and the runs are not paired.
    public func compare(
        name: String, unit: TimeUnit, baseline: ComparisonSide, candidate: ComparisonSide, paired: Bool = false
    ) throws(StatisticsError) -> BenchmarkComparison {
        let confidence = options.confidence
        var warnings: [String] = []
        // Sorted once, side by side; every later sort of these arrays finds them in order.
        let sorted = [baseline.pooled, candidate.pooled].concurrentMap(RadixSort.sorted)
        let baselinePooled = sorted[0]
        let candidatePooled = sorted[1]
        let rankBased = try SpeedupEstimate.hodgesLehmann(
            baseline: baselinePooled, candidate: candidatePooled, confidence: confidence)
        let method = options.method.resolved(paired: paired, baselineRuns: baseline.runs.count, candidateRuns: candidate.runs.count)

        let speedup: BenchmarkComparison.Speedup
        switch method {
        case .hierarchicalBootstrap:
            if baseline.runs.count < 2 || candidate.runs.count < 2 {
                warnings.append(
                    "the hierarchical bootstrap was asked for with \(min(baseline.runs.count, candidate.runs.count)) run(s) on one side: with one run it resamples iterations only and cannot see run-to-run variation")
            }
            let bootstrap = Bootstrap(
                statistic: .mean, replicates: options.bootstrapReplicates, confidence: confidence, seed: options.seed)
            let interval = try bootstrap.hierarchicalRatioInterval(baselineRuns: baseline.runs, candidateRuns: candidate.runs)
            speedup = .init(
                estimate: interval.estimate, low: interval.low, high: interval.high,
                method: .hierarchicalBootstrap, confidence: confidence,
                achievedConfidence: confidence, intervalBranch: nil,
                replicates: options.bootstrapReplicates, seed: options.seed)
        case .pairedRuns:
            guard paired, baseline.runs.count == candidate.runs.count else {
                throw .invalidParameter(
                    "paired runs need run k of both variants from the same process; \(name) has \(baseline.runs.count) baseline and \(candidate.runs.count) candidate runs that are not paired")
            }
            let interval = try PairedRunsSpeedup(
                baselineRuns: baseline.runs, candidateRuns: candidate.runs, confidence: confidence, runLevel: Self.pairedRunLevel)
            speedup = .init(
                estimate: interval.estimate, low: interval.low, high: interval.high,
                method: .pairedRuns, confidence: confidence,
                achievedConfidence: confidence, intervalBranch: nil, replicates: nil, seed: nil)
            if interval.degenerate {
                warnings.append("every run gives the same speedup, so the paired interval is a single point")
            }
        case .hodgesLehmann, .auto:
            speedup = .init(
                estimate: rankBased.estimate, low: rankBased.low, high: rankBased.high,
                method: .hodgesLehmann, confidence: confidence,
                achievedConfidence: rankBased.achievedConfidence,
                intervalBranch: rankBased.intervalMethod, replicates: nil, seed: nil)
            if rankBased.achievedConfidence < confidence {
                warnings.append(
                    "too few samples for a \(PercentText.percent(confidence)) speedup interval: the widest possible one reaches \(PercentText.percent(rankBased.achievedConfidence))")
            }
        }

        var welch: BenchmarkComparison.Welch?
        if let test = try? WelchTest(x: baselinePooled.map(Foundation.log), y: candidatePooled.map(Foundation.log), confidence: confidence) {
            welch = .init(
                speedup: Foundation.exp(test.estimate), low: Foundation.exp(test.low), high: Foundation.exp(test.high),
                p: test.pValue, degreesOfFreedom: test.degreesOfFreedom)
        }

        let baselineRuns = Self.runVariation(baseline.runs)
        let candidateRuns = Self.runVariation(candidate.runs)
        if method == .hodgesLehmann {
            // The bootstrap resamples runs, so differing runs widen its interval as they should;
            // the pooled rank interval cannot see them, so the user must be told.
            let advice = min(baseline.runs.count, candidate.runs.count) >= ComparisonMethod.minimumRunsForBootstrap
                ? "--method hierarchical-bootstrap accounts for it"
                : "measure \(ComparisonMethod.minimumRunsForBootstrap) or more runs per side for the hierarchical bootstrap"
            for (side, variation) in [(baseline, baselineRuns), (candidate, candidateRuns)] {
                guard let variation, variation.kruskalWallisP < 1 - confidence else { continue }
                warnings.append(
                    "the runs of \(side.variant) differ from each other (Kruskal–Wallis p \(PValueText.relation(variation.kruskalWallisP)), \(PercentText.percent(variation.betweenRunShare)) of the variance is between runs): the pooled interval is too narrow; \(advice)")
            }
        }

        let descriptions = [(baselinePooled, baseline.runs.count), (candidatePooled, candidate.runs.count)]
            .concurrentMap { pooled, runCount in
                Result { () throws(StatisticsError) in
                    try SampleDescription(pooled: pooled, runCount: runCount, confidence: confidence)
                }
            }
        var baselineDescription = try descriptions[0].get()
        var candidateDescription = try descriptions[1].get()
        // Iterations far in the slow tail of their run: named, and left out of the paired-runs
        // interval (the other intervals are told of them).
        let consequence: String? = switch method {
        case .pairedRuns: "the paired-runs interval"
        default: nil
        }
        baselineDescription.outlyingIterations = Self.outlyingIterations(
            of: baseline, name: name, unit: unit, leftOutOf: consequence, warnings: &warnings)
        candidateDescription.outlyingIterations = Self.outlyingIterations(
            of: candidate, name: name, unit: unit, leftOutOf: consequence, warnings: &warnings)
        for (side, description) in [(baseline, baselineDescription), (candidate, candidateDescription)] {
            if let note = description.medianIntervalNote { warnings.append("\(side.variant): \(note)") }
        }
        if rankBased.test.allTied {
            warnings.append("every time on both sides is the same value: there is nothing to compare")
        }

        return BenchmarkComparison(
            name: name, baselineVariant: baseline.variant, candidateVariant: candidate.variant, unit: unit,
            baseline: baselineDescription, candidate: candidateDescription,
            speedup: speedup,
            timeRatio: .init(estimate: 1 / speedup.estimate, low: 1 / speedup.high, high: 1 / speedup.low),
            mannWhitney: .init(u: rankBased.test.u, p: rankBased.test.pValue, method: rankBased.test.method, pHolm: nil),
            welch: welch, baselineRuns: baselineRuns, candidateRuns: candidateRuns,
            verdict: ComparisonVerdict(speedupLow: speedup.low, high: speedup.high), warnings: warnings)
    }

    /// The outlying iterations of one side, with the sentence naming them added to `warnings`.
    static func outlyingIterations(
        of side: ComparisonSide, name: String, unit: TimeUnit, leftOutOf: String?, warnings: inout [String]
    ) -> OutlyingIterationsSummary? {
        guard let outlying = OutlyingIterationsSummary.detect(runs: side.runs) else { return nil }
        if let sentence = OutlyingIterationsSummary.sentence(
            outlying, label: "\(name)/\(side.variant)", file: side.file.isEmpty ? nil : side.file, unit: unit, leftOutOf: leftOutOf)
        {
            warnings.append(sentence)
        }
        return OutlyingIterationsSummary(outlying)
    }

    /// What a run contributes to the paired-runs interval: the mean log time of its iterations
    /// that are not outlying (``RunLogLevel/robust``), so that a few preempted iterations cannot
    /// dominate a run (the simulation in `scripts/simulation/README.md`: as narrow as the mean
    /// log time on clean runs, 1.04 times its clean width with 2 of 30 iterations ×20).
    public static let pairedRunLevel = RunLogLevel.robust

    /// Kruskal–Wallis across runs and the between-run share of the variance; nil for one run.
    static func runVariation(_ runs: [[Double]]) -> BenchmarkComparison.RunVariation? {
        guard runs.count >= 2,
            let test = try? KruskalWallisTest(groups: runs),
            let components = try? VarianceComponents(runs: runs)
        else { return nil }
        return .init(kruskalWallisP: test.pValue, betweenRunShare: components.intraclassCorrelation ?? 0)
    }
}
