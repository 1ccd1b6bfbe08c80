/// The Student t confidence interval for the mean of one sample.
///
/// Method: mean ± t₁₋α/₂,ₙ₋₁ · s/√n, computed as R's `t.test(x, conf.level = confidence)$conf.int`
/// computes it (including its arithmetic order), with GSL's t quantile.
///
/// Assumes independent observations whose mean is close to normally distributed (normal data,
/// or enough observations for the central limit theorem to apply; heavy tails and strong
/// skew make the interval unreliable).
public struct MeanInterval: Sendable, Equatable {
    /// The number of observations.
    public let count: Int
    /// The sample mean.
    public let mean: Double
    /// The standard error of the mean, s/√n.
    public let standardError: Double
    /// The degrees of freedom of the t distribution, n − 1.
    public let degreesOfFreedom: Int
    /// The requested (and, for this method, nominal) confidence level.
    public let confidence: Double
    /// The lower end of the interval.
    public let low: Double
    /// The upper end of the interval.
    public let high: Double

    /// The t interval for the mean of `values`.
    /// - Throws: `StatisticsError.tooFewObservations` below 2 observations, `.nonFinite` for NaN or
    ///   infinite values, `.invalidParameter` unless 0 < `confidence` < 1, and `.noSpread` when
    ///   the data are essentially constant (R's test: standard error < 10 ε |mean|; R stops with
    ///   "data are essentially constant", or returns NaN when the mean is also 0).
    /// - Complexity: O(n).
    public init(_ values: [Double], confidence: Double = 0.95) throws(StatisticsError) {
        try StatisticsError.check(values, atLeast: 2, "a mean interval")
        let mean = GSL.mean(values)
        try self.init(count: values.count, mean: mean, variance: GSL.variance(values, mean: mean), confidence: confidence)
    }

    /// The t interval for the mean of the sample `summary` describes (no second pass over the data).
    /// - Throws: as `init(_:confidence:)`.
    /// - Complexity: O(1).
    public init(_ summary: Summary, confidence: Double = 0.95) throws(StatisticsError) {
        guard let variance = summary.variance else {
            throw .tooFewObservations(needed: 2, got: summary.count, what: "a mean interval")
        }
        try self.init(count: summary.count, mean: summary.mean, variance: variance, confidence: confidence)
    }

    private init(count n: Int, mean: Double, variance: Double, confidence: Double) throws(StatisticsError) {
        try StatisticsError.checkConfidence(confidence)
        let standardError = (variance / Double(n)).squareRoot()
        guard standardError > 0, standardError >= 10 * Double.ulpOfOne * abs(mean) else {
            throw .noSpread(what: "a mean interval")
        }
        let alpha = 1 - confidence
        let degreesOfFreedom = n - 1
        let quantile = GSL.tPinv(1 - alpha / 2, df: Double(degreesOfFreedom))
        // As R: (t ± q) · se with t = mean / se.
        let t = mean / standardError
        self.count = n
        self.mean = mean
        self.standardError = standardError
        self.degreesOfFreedom = degreesOfFreedom
        self.confidence = confidence
        self.low = (t - quantile) * standardError
        self.high = (t + quantile) * standardError
    }
}
