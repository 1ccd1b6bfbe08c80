/// The one-sample t test of mean = `mu`, with its confidence interval for the mean, as R 4.2's
/// `t.test(x, mu = mu, alternative, conf.level)`.
///
/// Used on per-run log speedups of paired runs: each run's mean log time of the baseline minus
/// that of the candidate is one observation, so run-to-run shifts that hit both variants cancel
/// and the K runs give a t interval with K − 1 degrees of freedom (DESIGN §3, paired runs).
public struct OneSampleTTest: Sendable {
    public let t: Double
    public let degreesOfFreedom: Double
    public let pValue: Double
    /// The sample mean.
    public let estimate: Double
    /// Interval for the mean (one side infinite for one-sided alternatives).
    public let low: Double
    public let high: Double
    public let confidence: Double
    public let alternative: Alternative

    /// - Throws: `StatisticsError` with fewer than two observations, non-finite values, a bad
    ///   confidence, or constant data (R: "data are essentially constant").
    /// - Complexity: O(n).
    public init(
        _ values: [Double], mu: Double = 0, alternative: Alternative = .twoSided, confidence: Double = 0.95
    ) throws(StatisticsError) {
        try StatisticsError.check(values, atLeast: 2, "a one-sample t test")
        try StatisticsError.checkConfidence(confidence)
        guard mu.isFinite else { throw .invalidParameter("the tested mean must be finite, got \(mu)") }
        let n = Double(values.count)
        let mean = WelchTest.mean(values)
        let standardError = (WelchTest.variance(values, mean: mean) / n).squareRoot()
        guard standardError >= 10 * Double.ulpOfOne * abs(mean), standardError > 0 else {
            throw .noSpread(what: "a one-sample t test (the data are essentially constant)")
        }
        let df = n - 1
        let t = (mean - mu) / standardError
        self.t = t
        self.degreesOfFreedom = df
        self.estimate = mean
        self.confidence = confidence
        self.alternative = alternative
        let alpha = 1 - confidence
        switch alternative {
        case .twoSided:
            pValue = 2 * GSL.tP(-abs(t), df: df)
            let q = GSL.tQinv(alpha / 2, df: df)
            low = mu + (t - q) * standardError
            high = mu + (t + q) * standardError
        case .less:
            pValue = GSL.tP(t, df: df)
            low = -.infinity
            high = mu + (t + GSL.tPinv(confidence, df: df)) * standardError
        case .greater:
            pValue = GSL.tQ(t, df: df)
            low = mu + (t - GSL.tPinv(confidence, df: df)) * standardError
            high = .infinity
        }
    }
}
