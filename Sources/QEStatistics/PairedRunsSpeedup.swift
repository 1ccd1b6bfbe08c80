import Foundation


/// The speedup from paired runs: for each run k (baseline and candidate measured in the same
/// process), dₖ = mean log baseline time − mean log candidate time; the speedup is exp(mean d)
/// with the t interval on the dₖ (K − 1 degrees of freedom; R: `exp(t.test(d)$conf.int)`).
/// ``RunLogLevel`` chooses another per-run level (``RunLogLevel/robust`` leaves each run's
/// outlying iterations out, so a few preempted iterations cannot widen the interval).
///
/// Shifts of the machine between runs hit both variants of a run alike and cancel in dₖ, so the
/// interval is as narrow as the pairing allows, and the t quantile keeps its coverage with few
/// runs (about 94% for a nominal 95% with 5 runs in the simulation of DESIGN §3, where a
/// percentile bootstrap reached 89%).
public struct PairedRunsSpeedup: Sendable {
    public let estimate: Double
    public let low: Double
    public let high: Double
    /// The per-run log speedups dₖ.
    public let logRatios: [Double]
    /// Every dₖ is the same: the interval is that single value.
    public let degenerate: Bool
    /// The per-run level the dₖ are differences of.
    public let runLevel: RunLogLevel

    /// - Parameter runLevel: what each run contributes; ``RunLogLevel/meanLog`` (every iteration's
    ///   log time, averaged) unless said otherwise.
    /// - Throws: `StatisticsError` with fewer than 2 runs, an empty run, or non-positive times.
    public init(
        baselineRuns: [[Double]], candidateRuns: [[Double]], confidence: Double, runLevel: RunLogLevel = .meanLog
    ) throws(StatisticsError) {
        guard baselineRuns.count == candidateRuns.count else {
            throw .invalidParameter("paired runs need as many baseline runs as candidate runs")
        }
        guard baselineRuns.count >= 2 else {
            throw .tooFewObservations(needed: 2, got: baselineRuns.count, what: "paired runs")
        }
        var ratios: [Double] = []
        for (baseline, candidate) in zip(baselineRuns, candidateRuns) {
            ratios.append(try runLevel.value(baseline) - runLevel.value(candidate))
        }
        logRatios = ratios
        self.runLevel = runLevel
        do {
            let test = try OneSampleTTest(ratios, confidence: confidence)
            estimate = exp(test.estimate)
            low = exp(test.low)
            high = exp(test.high)
            degenerate = false
        } catch .noSpread {
            let value = exp(ratios[0])
            estimate = value
            low = value
            high = value
            degenerate = true
        }
    }

    /// The one-sided p-value of "speedup ≤ `minimum`" against "speedup > `minimum`".
    public func pValue(above minimum: Double) -> Double? {
        guard !degenerate else { return estimate > minimum ? 0 : 1 }
        return try? OneSampleTTest(logRatios, mu: log(minimum), alternative: .greater).pValue
    }
}
