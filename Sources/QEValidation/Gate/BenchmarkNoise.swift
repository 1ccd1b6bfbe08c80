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

    /// The noise of one benchmark (name, variant) of a results file, estimated by the method of
    /// moments on log times: σ_within² is the mean of the runs' variances; σ_between² is the
    /// variance of the run means less the part the iterations explain (σ_within²/n), floored
    /// at 0. Nil with fewer than 2 runs or runs of a single iteration.
    public static func estimate(runs: [[Double]]) -> BenchmarkNoise? {
        guard runs.count >= 2, runs.allSatisfy({ $0.count >= 2 && $0.allSatisfy { $0 > 0 && $0.isFinite } }) else { return nil }
        var withinSum = 0.0
        var means: [Double] = []
        var sizes = 0.0
        for run in runs {
            let logs = run.map(Foundation.log)
            let mean = logs.reduce(0, +) / Double(logs.count)
            withinSum += logs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(logs.count - 1)
            means.append(mean)
            sizes += Double(logs.count)
        }
        let within = withinSum / Double(runs.count)
        let grand = means.reduce(0, +) / Double(means.count)
        let meansVariance = means.reduce(0) { $0 + ($1 - grand) * ($1 - grand) } / Double(means.count - 1)
        let perRun = sizes / Double(runs.count)
        let between = max(0, meansVariance - within / perRun)
        return BenchmarkNoise(withinRunSigma: within.squareRoot(), betweenRunSigma: between.squareRoot())
    }

    /// The noise of every benchmark of `file` that has 2 or more runs, labelled `name (variant)`.
    public static func estimates(in file: ResultsFile) -> [(label: String, noise: BenchmarkNoise)] {
        file.benchmarks.compactMap { benchmark in
            estimate(runs: benchmark.runSamples(in: file.unit, from: file.unit)).map { ("\(benchmark.name) (\(benchmark.variant))", $0) }
        }
    }
}
