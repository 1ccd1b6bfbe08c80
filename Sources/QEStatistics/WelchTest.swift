/// Welch's two-sample t test with its confidence interval for the difference of means,
/// as R 4.2's `t.test(x, y, var.equal = FALSE, alternative, conf.level)`.
///
/// t = (x̄ − ȳ) / s with s² = s²ₓ/n + s²ᵧ/m, and the Welch–Satterthwaite degrees of freedom
/// ν = s⁴ / ((s²ₓ/n)²/(n − 1) + (s²ᵧ/m)²/(m − 1)). Applied to log times it is the parametric
/// cross-check of the rank-based speedup: exp of the interval is an interval for the ratio of
/// geometric means.
public struct WelchTest: Sendable {
    /// The t statistic.
    public let t: Double
    /// Welch–Satterthwaite degrees of freedom.
    public let degreesOfFreedom: Double
    /// The p-value for `alternative`.
    public let pValue: Double
    /// x̄ − ȳ.
    public let estimate: Double
    /// The means of the two samples.
    public let means: (x: Double, y: Double)
    /// Interval for x̄ − ȳ (one side infinite for one-sided alternatives).
    public let low: Double
    public let high: Double
    /// The confidence of the interval.
    public let confidence: Double
    /// The alternative tested.
    public let alternative: Alternative

    /// - Throws: `StatisticsError` when a sample has fewer than two observations, holds NaN or
    ///   an infinity, or both samples are constant (R: "data are essentially constant").
    /// - Complexity: O(n + m).
    public init(
        x: [Double], y: [Double], alternative: Alternative = .twoSided, confidence: Double = 0.95
    ) throws(StatisticsError) {
        try StatisticsError.check(x, atLeast: 2, "the first sample")
        try StatisticsError.check(y, atLeast: 2, "the second sample")
        try StatisticsError.checkConfidence(confidence)
        let nx = Double(x.count)
        let ny = Double(y.count)
        let mx = Self.mean(x)
        let my = Self.mean(y)
        let vx = Self.variance(x, mean: mx)
        let vy = Self.variance(y, mean: my)
        let stderrX = (vx / nx).squareRoot()
        let stderrY = (vy / ny).squareRoot()
        let standardError = (stderrX * stderrX + stderrY * stderrY).squareRoot()
        guard standardError >= 10 * Double.ulpOfOne * Swift.max(abs(mx), abs(my)) else {
            throw .noSpread(what: "Welch t test (both samples are essentially constant)")
        }
        let df = pow4(standardError) / (pow4(stderrX) / (nx - 1) + pow4(stderrY) / (ny - 1))
        let t = (mx - my) / standardError
        self.t = t
        self.degreesOfFreedom = df
        self.estimate = mx - my
        self.means = (mx, my)
        self.confidence = confidence
        self.alternative = alternative
        let alpha = 1 - confidence
        switch alternative {
        case .twoSided:
            pValue = 2 * GSL.tP(-abs(t), df: df)
            let q = GSL.tQinv(alpha / 2, df: df)
            low = (t - q) * standardError
            high = (t + q) * standardError
        case .less:
            pValue = GSL.tP(t, df: df)
            low = -.infinity
            high = (t + GSL.tPinv(confidence, df: df)) * standardError
        case .greater:
            pValue = GSL.tQ(t, df: df)
            low = (t - GSL.tPinv(confidence, df: df)) * standardError
            high = .infinity
        }
    }

    /// Mean with a second correcting pass, as R computes it.
    static func mean(_ values: [Double]) -> Double {
        let n = Double(values.count)
        var sum = 0.0
        for value in values { sum += value }
        var mean = sum / n
        var correction = 0.0
        for value in values { correction += value - mean }
        mean += correction / n
        return mean
    }

    /// Sample variance (n − 1), two-pass.
    static func variance(_ values: [Double], mean: Double) -> Double {
        var sum = 0.0
        for value in values {
            let d = value - mean
            sum += d * d
        }
        return sum / Double(values.count - 1)
    }
}

private func pow4(_ value: Double) -> Double {
    let square = value * value
    return square * square
}
