import Foundation

/// The speedup from runs that are not paired — a baseline measured in one session and a
/// candidate measured in another, such as a committed baseline file and today's results.
///
/// Each run is one observation: the log of its ``RunStatistic`` (its fastest iteration, its
/// median or its geometric mean). With xₖ the baseline runs' and yⱼ the candidate runs' values,
/// the speedup is exp(x̄ − ȳ) with Welch's t interval on the two sets, exponentiated
/// (R: `exp(t.test(x, y, var.equal = FALSE)$conf.int)`).
///
/// Why runs, and why t: runs are the independent units (Kalibera & Jones 2013), and a run's
/// summary carries both its own shift and its iterations' noise, so the variance of the run
/// summaries is exactly the variance that matters. With the 3 to 10 runs a benchmark usually
/// has, the t quantile on Welch–Satterthwaite degrees of freedom keeps the coverage near
/// nominal where a percentile bootstrap of runs falls short (see the calibration in the
/// README). It is the unpaired counterpart of ``PairedRunsSpeedup``.
///
/// Assumes the run summaries are roughly normal on the log scale and independent between and
/// within sides.
public struct UnpairedRunsSpeedup: Sendable {
    /// exp(x̄ − ȳ): baseline time ÷ candidate time, as a ratio of geometric means.
    public let estimate: Double
    public let low: Double
    public let high: Double
    /// The confidence of the interval.
    public let confidence: Double
    /// Welch–Satterthwaite degrees of freedom (nil when the interval is degenerate).
    public let degreesOfFreedom: Double?
    /// The statistic of each run.
    public let statistic: RunStatistic
    /// log(statistic) of each baseline run, then of each candidate run.
    public let baselineRunLogs: [Double]
    public let candidateRunLogs: [Double]
    /// Every run of both sides has the same statistic: the interval is a single point.
    public let degenerate: Bool

    /// - Throws: `StatisticsError` with fewer than 2 runs on a side, an empty run, non-finite or
    ///   non-positive times, or a confidence outside (0, 1).
    /// - Complexity: O(N + M) in the iterations of both sides.
    public init(
        baselineRuns: [[Double]], candidateRuns: [[Double]], statistic: RunStatistic = .geometricMean, confidence: Double = 0.95
    ) throws(StatisticsError) {
        try StatisticsError.checkConfidence(confidence)
        guard baselineRuns.count >= 2 else {
            throw .tooFewObservations(needed: 2, got: baselineRuns.count, what: "the baseline (runs of an unpaired-runs interval)")
        }
        guard candidateRuns.count >= 2 else {
            throw .tooFewObservations(needed: 2, got: candidateRuns.count, what: "the candidate (runs of an unpaired-runs interval)")
        }
        var baselineMeans: [Double] = []
        for run in baselineRuns { baselineMeans.append(try statistic.logValue(run, "a baseline run")) }
        var candidateMeans: [Double] = []
        for run in candidateRuns { candidateMeans.append(try statistic.logValue(run, "a candidate run")) }
        baselineRunLogs = baselineMeans
        candidateRunLogs = candidateMeans
        self.statistic = statistic
        self.confidence = confidence
        do {
            let test = try WelchTest(x: baselineMeans, y: candidateMeans, confidence: confidence)
            estimate = exp(test.estimate)
            low = exp(test.low)
            high = exp(test.high)
            degreesOfFreedom = test.degreesOfFreedom
            degenerate = false
        } catch .noSpread {
            let value = exp(WelchTest.mean(baselineMeans) - WelchTest.mean(candidateMeans))
            estimate = value
            low = value
            high = value
            degreesOfFreedom = nil
            degenerate = true
        }
    }

    /// The time ratio (candidate ÷ baseline; above 1 means slower): the reciprocal interval.
    public var timeRatio: (estimate: Double, low: Double, high: Double) {
        (1 / estimate, 1 / high, 1 / low)
    }
}
