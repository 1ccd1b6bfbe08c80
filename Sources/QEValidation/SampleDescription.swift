import QEFormats
import QEStatistics

/// What one side of a comparison looks like: size, centre, spread and intervals, in the
/// comparison's unit. Part of the `qe-validate/verdict@1` document.
public struct SampleDescription: Sendable, Codable, Equatable {
    /// Number of iterations, all runs together.
    public var n: Int
    /// Number of runs (separate processes or invocations).
    public var runs: Int
    public var median: Double
    /// Exact order-statistic interval for the median; nil when there are too few samples for
    /// the confidence asked (see `medianIntervalNote`).
    public var medianLow: Double?
    public var medianHigh: Double?
    /// The confidence the median interval reaches (at least the one asked for).
    public var medianConfidence: Double?
    public var mean: Double
    /// t interval for the mean; nil with a single observation.
    public var meanLow: Double?
    public var meanHigh: Double?
    /// Sample standard deviation (n − 1); nil with a single observation.
    public var standardDeviation: Double?
    /// Median absolute deviation, scaled by 1.4826 as R's `mad`.
    public var mad: Double
    public var min: Double
    public var max: Double
    /// Standard deviation ÷ mean.
    public var coefficientOfVariation: Double?
    /// Why there is no median interval, when there is none.
    public var medianIntervalNote: String?
    /// The iterations far in the slow tail of their run (`{count, of, rule, worst}`); nil where
    /// the runs were not judged.
    public var outlyingIterations: OutlyingIterationsSummary?

    /// Describes `runs` at `confidence`.
    public init(runs: [[Double]], confidence: Double) throws(StatisticsError) {
        try self.init(pooled: runs.flatMap { $0 }, runCount: runs.count, confidence: confidence)
    }

    /// Describes the iterations of `runCount` runs pooled in `pooled` (sorting it first makes
    /// this cheaper, not different).
    public init(pooled: [Double], runCount: Int, confidence: Double) throws(StatisticsError) {
        let summary = try Summary(pooled)
        n = summary.count
        self.runs = runCount
        median = summary.median
        mean = summary.mean
        standardDeviation = summary.standardDeviation
        mad = summary.medianAbsoluteDeviation
        min = summary.minimum
        max = summary.maximum
        coefficientOfVariation = summary.coefficientOfVariation
        let medianInterval = try MedianInterval(pooled, confidence: confidence)
        switch medianInterval.outcome {
        case let .interval(low, high, _, _, achieved):
            medianLow = low
            medianHigh = high
            medianConfidence = achieved
            medianIntervalNote = nil
        case .tooFewSamples:
            medianLow = nil
            medianHigh = nil
            medianConfidence = nil
            medianIntervalNote =
                "too few samples for a \(PercentText.percent(confidence)) median interval: needs at least \(medianInterval.minimumCount), has \(summary.count)"
        }
        if pooled.count >= 2, let interval = try? MeanInterval(summary, confidence: confidence) {
            meanLow = interval.low
            meanHigh = interval.high
        } else {
            meanLow = nil
            meanHigh = nil
        }
    }
}
