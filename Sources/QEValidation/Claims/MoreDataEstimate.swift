import Foundation
import QEFormats
import QEStatistics

/// How much more data would likely decide an inconclusive claim, at the spread observed so far.
///
/// The interval's half-width on the log scale shrinks like 1/√(number of independent units):
/// runs for paired runs and the hierarchical bootstrap, iterations for the pooled
/// Hodges–Lehmann interval. The claim is decided once the half-width is below the distance
/// between the estimate and the claimed minimum; for paired runs the t quantile's own
/// dependence on the number of runs is taken into account exactly.
public struct MoreDataEstimate: Sendable, Codable, Equatable {
    /// Runs in all (existing plus new) likely to decide; nil when the unit is iterations.
    public var runsNeeded: Int?
    /// Additional runs beyond those measured.
    public var additionalRuns: Int?
    /// Iterations per run to use (Kalibera–Jones optimum when the variance components allow).
    public var iterationsPerRun: Int?
    /// Iterations per side in all, for the pooled interval.
    public var iterationsNeeded: Int?
    /// The estimate sits (almost) on the claimed minimum: no amount of data is likely to decide.
    public var undecidable: Bool
    /// The estimate in words.
    public var summary: String

    /// For intervals whose unit is the run (paired runs, hierarchical bootstrap).
    static func runs(
        logEstimate: Double, logMinimum: Double, logHalfWidth: Double, runs: Int, alpha: Double,
        pairedLogRatios: [Double]?, iterationsPerRun: Int
    ) -> MoreDataEstimate {
        let distance = abs(logEstimate - logMinimum)
        guard distance > 1e-12, logHalfWidth.isFinite, logHalfWidth > 0 else { return undecidable() }
        var needed: Int
        if let ratios = pairedLogRatios, ratios.count >= 2, let s = Self.standardDeviation(ratios), s > 0 {
            needed = ratios.count
            while needed < 100_000 {
                needed += 1
                let quantile = Probability.studentTQuantile(1 - alpha / 2, degreesOfFreedom: Double(needed - 1))
                if quantile * s / Double(needed).squareRoot() < distance { break }
            }
        } else {
            needed = Int((Double(runs) * pow(logHalfWidth / distance, 2)).rounded(.up))
        }
        needed = max(needed, runs + 1)
        guard needed < 100_000 else { return undecidable() }
        return MoreDataEstimate(
            runsNeeded: needed, additionalRuns: needed - runs, iterationsPerRun: iterationsPerRun,
            iterationsNeeded: nil, undecidable: false,
            summary: "about \(needed - runs) more run\(needed - runs == 1 ? "" : "s") of \(iterationsPerRun) iterations (\(needed) in all) would likely decide it")
    }

    /// For the pooled Hodges–Lehmann interval, whose unit is the iteration.
    static func iterations(logEstimate: Double, logMinimum: Double, logHalfWidth: Double, iterations: Int) -> MoreDataEstimate {
        let distance = abs(logEstimate - logMinimum)
        guard distance > 1e-12, logHalfWidth.isFinite, logHalfWidth > 0 else { return undecidable() }
        let needed = max(iterations + 1, Int((Double(iterations) * pow(logHalfWidth / distance, 2)).rounded(.up)))
        guard needed < 100_000_000 else { return undecidable() }
        return MoreDataEstimate(
            runsNeeded: nil, additionalRuns: nil, iterationsPerRun: nil, iterationsNeeded: needed, undecidable: false,
            summary: "about \(needed) iterations per side (now \(iterations)) would likely decide it; measure them as 3 or more runs so that run-to-run variation is seen")
    }

    /// For samples too small for any rank-sum interval at `confidence`: the smallest equal
    /// sample size per side whose widest interval reaches it (2/C(2n, n) ≤ 1 − confidence).
    static func tooFewSamples(perSide: Int, confidence: Double) -> MoreDataEstimate {
        var n = max(perSide, 1)
        while n < 60, 2 * Foundation.exp(-lgamma(Double(2 * n + 1)) + 2 * lgamma(Double(n + 1))) > 1 - confidence {
            n += 1
        }
        return MoreDataEstimate(
            runsNeeded: nil, additionalRuns: nil, iterationsPerRun: nil, iterationsNeeded: n, undecidable: false,
            summary: "too few samples for a \(PercentText.percent(confidence)) interval: at least \(n) per side are needed (now \(perSide)); measure them as 3 or more runs")
    }

    static func undecidable() -> MoreDataEstimate {
        MoreDataEstimate(
            runsNeeded: nil, additionalRuns: nil, iterationsPerRun: nil, iterationsNeeded: nil, undecidable: true,
            summary: "the estimate sits on the claimed minimum: more data is unlikely to decide it")
    }

    static func standardDeviation(_ values: [Double]) -> Double? {
        guard values.count >= 2 else { return nil }
        let mean = values.reduce(0, +) / Double(values.count)
        let sum = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (sum / Double(values.count - 1)).squareRoot()
    }
}
