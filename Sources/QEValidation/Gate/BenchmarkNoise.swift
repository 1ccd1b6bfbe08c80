import Foundation
import QEResults

/// A model of benchmark noise on the log scale: each iteration's time is
/// T · exp(s + rₖ + εₖᵢ) with εₖᵢ ~ N(0, σ_within²) per iteration (lognormal per-iteration
/// noise), rₖ ~ N(0, σ_between²) per run (run-to-run shifts: a new process, a new memory
/// layout, another frequency), and s ~ N(0, σ_session²) shared by all runs of one side (the
/// drift between the day the baseline was recorded and today; 0 unless asked for).
public struct BenchmarkNoise: Sendable, Equatable, Codable {
    public var withinRunSigma: Double
    public var betweenRunSigma: Double
    public var sessionSigma: Double

    public init(withinRunSigma: Double, betweenRunSigma: Double, sessionSigma: Double = 0) {
        self.withinRunSigma = withinRunSigma
        self.betweenRunSigma = betweenRunSigma
        self.sessionSigma = sessionSigma
    }

    /// The noise of one benchmark (name, variant), estimated robustly on log times, so that a
    /// few iterations slowed by the rest of the machine do not pass for lognormal spread:
    /// σ_within is the median over runs of 1.4826 × MAD of the run's log times; σ_between is
    /// 1.4826 × MAD of the runs' median log times (the iterations' share of it, about
    /// 1.25·σ_within/√n, is left in). Nil with fewer than 2 runs or a run of fewer than 2
    /// iterations.
    public static func estimate(runs: [[Double]]) -> BenchmarkNoise? {
        guard runs.count >= 2, runs.allSatisfy({ $0.count >= 2 && $0.allSatisfy { $0 > 0 && $0.isFinite } }) else { return nil }
        var spreads: [Double] = []
        var medians: [Double] = []
        for run in runs {
            let logs = run.map(Foundation.log)
            let median = Self.median(logs)
            medians.append(median)
            spreads.append(madConstant * Self.median(logs.map { abs($0 - median) }))
        }
        let centre = Self.median(medians)
        return BenchmarkNoise(
            withinRunSigma: Self.median(spreads),
            betweenRunSigma: madConstant * Self.median(medians.map { abs($0 - centre) }))
    }

    private static let madConstant = 1.4826

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The typical noise of `file`: the median of each level over its benchmarks with 2 or more
    /// runs (``estimates(in:)``), with `sessionSigma`; nil when no benchmark has an estimate.
    public static func typical(in file: ResultsFile, sessionSigma: Double = 0) -> (noise: BenchmarkNoise, benchmarks: Int)? {
        let estimates = estimates(in: file)
        guard !estimates.isEmpty else { return nil }
        let noise = BenchmarkNoise(
            withinRunSigma: median(estimates.map(\.noise.withinRunSigma)),
            betweenRunSigma: median(estimates.map(\.noise.betweenRunSigma)), sessionSigma: sessionSigma)
        return (noise, estimates.count)
    }

    /// The noise of every benchmark of `file` that has 2 or more runs, labelled `name (variant)`.
    public static func estimates(in file: ResultsFile) -> [(label: String, noise: BenchmarkNoise)] {
        file.benchmarks.compactMap { benchmark in
            estimate(runs: benchmark.runSamples(in: file.unit, from: file.unit)).map { ("\(benchmark.name) (\(benchmark.variant))", $0) }
        }
    }
}
