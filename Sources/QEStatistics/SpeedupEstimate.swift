import Foundation

/// A speedup (baseline time ÷ candidate time; above 1 means the candidate is faster) with its
/// confidence interval, and the rank-sum test of the same data.
public struct SpeedupEstimate: Sendable {
    /// The point estimate.
    public let estimate: Double
    /// Lower bound of the interval.
    public let low: Double
    /// Upper bound of the interval.
    public let high: Double
    /// The confidence asked for.
    public let confidence: Double
    /// The confidence the interval reaches (below `confidence` only for tiny samples).
    public let achievedConfidence: Double
    /// The Mann–Whitney test of baseline against candidate times (two-sided).
    public let test: MannWhitneyTest
    /// The branch of the rank-sum interval (exact or normal).
    public let intervalMethod: RankSumMethod

    /// The time ratio (candidate ÷ baseline; above 1 means slower): the reciprocal interval.
    public var timeRatio: (estimate: Double, low: Double, high: Double) {
        (1 / estimate, 1 / high, 1 / low)
    }

    /// The Hodges–Lehmann speedup: exp of the Hodges–Lehmann shift of log(baseline) −
    /// log(candidate), with the Bauer/Moses interval exponentiated
    /// (R: `exp(wilcox.test(log(b), log(c), conf.int = TRUE)$conf.int)`).
    ///
    /// Working on log times makes the shift a ratio, so a multiplicative noise model is
    /// respected and the interval is not symmetric around the estimate on the ratio scale.
    /// Assumes independent iterations; when runs differ from each other, the hierarchical
    /// bootstrap is the honest interval.
    ///
    /// - Throws: `StatisticsError` for empty samples or non-positive or non-finite times.
    /// - Complexity: O(N log N) for N = n + m; never forms the n·m pairwise ratios.
    public static func hodgesLehmann(
        baseline: [Double], candidate: [Double], confidence: Double = 0.95
    ) throws(StatisticsError) -> SpeedupEstimate {
        try StatisticsError.check(baseline, atLeast: 1, "the baseline times")
        try StatisticsError.check(candidate, atLeast: 1, "the candidate times")
        if baseline.contains(where: { $0 <= 0 }) { throw .nonPositive(what: "the baseline times") }
        if candidate.contains(where: { $0 <= 0 }) { throw .nonPositive(what: "the candidate times") }
        let logs = [baseline, candidate].concurrentMap { $0.map(Foundation.log) }
        let comparison = RankSumComparison(score: RankSumScore(x: logs[0], y: logs[1]))
        let shift = try comparison.shift(confidence: confidence)
        return SpeedupEstimate(
            estimate: Foundation.exp(shift.estimate),
            low: Foundation.exp(shift.low),
            high: Foundation.exp(shift.high),
            confidence: confidence,
            achievedConfidence: shift.achievedConfidence,
            test: comparison.test(),
            intervalMethod: shift.method)
    }
}
