/// How many runs an experiment needs for an interval of a given width (Kalibera & Jones 2013,
/// §5: the interval for the mean of a two-level experiment is a t interval on the run means).
///
/// With K runs of r iterations each, a run mean varies with variance σ²_b + σ²_w/r (between-run
/// plus within-run variance, ``betweenRunVariance`` and ``withinRunVariance``), so the t
/// interval for the mean of the run means has the relative width
///
///     w(K, r) = 2 · t₁₋α/₂,K−1 · √((σ²_b + σ²_w/r) / K) / μ̂
///
/// (the full width, high − low, over the mean μ̂ of the run means: a width of 2% is ±1%).
extension VarianceComponents {
    /// The mean of the run means, μ̂ (equal to ``grandMean`` when runs have equal sizes).
    public var meanOfRunMeans: Double { GSL.mean(runMeans) }

    /// The relative width (high − low)/μ̂ of the t interval, at `confidence`, for the mean of these
    /// runs (R: `diff(t.test(runMeans, conf.level = confidence)$conf.int) / mean(runMeans)`).
    /// - Throws: `StatisticsError.invalidParameter` for a confidence outside (0, 1) or a mean
    ///   that is not positive.
    public func currentRelativeWidth(confidence: Double) throws(StatisticsError) -> Double {
        try StatisticsError.checkConfidence(confidence)
        let mean = try positiveMean()
        let k = Double(runCount)
        let quantile = GSL.tQinv((1 - confidence) / 2, df: k - 1)
        return 2 * quantile * (varianceOfRunMeans / k).squareRoot() / mean
    }

    /// The expected relative width w(K, r) of the interval for `runs` runs of `iterationsPerRun`
    /// iterations, at `confidence`, from the estimated variance components.
    /// - Throws: `StatisticsError.invalidParameter` for fewer than 2 runs, fewer than 1 iteration,
    ///   a confidence outside (0, 1), or a mean that is not positive.
    public func expectedRelativeWidth(runs: Int, iterationsPerRun: Int, confidence: Double) throws(StatisticsError) -> Double {
        try StatisticsError.checkConfidence(confidence)
        guard runs >= 2 else { throw .invalidParameter("an interval for the mean needs at least 2 runs, got \(runs)") }
        guard iterationsPerRun >= 1 else {
            throw .invalidParameter("a run needs at least 1 iteration, got \(iterationsPerRun)")
        }
        let mean = try positiveMean()
        return Self.width(runs: runs, variance: runMeanVariance(iterationsPerRun), mean: mean, confidence: confidence)
    }

    /// The fewest runs K ≥ 2 of `iterationsPerRun` iterations whose interval at `confidence` is
    /// expected to be no wider than `relativeWidth`: the smallest K with w(K, r) ≤ `relativeWidth`.
    /// - Returns: nil when more than `maximumRuns` runs would be needed.
    /// - Throws: `StatisticsError.invalidParameter` for a width that is not positive and finite,
    ///   fewer than 1 iteration, a confidence outside (0, 1), or a mean that is not positive.
    /// - Complexity: a few t quantiles: the search starts at the normal-approximation bound,
    ///   which the answer exceeds by a few runs at most.
    public func runsNeeded(
        relativeWidth: Double, iterationsPerRun: Int, confidence: Double, maximumRuns: Int = 1_000_000
    ) throws(StatisticsError) -> Int? {
        try StatisticsError.checkConfidence(confidence)
        guard relativeWidth > 0, relativeWidth.isFinite else {
            throw .invalidParameter("the target width must be positive and finite, got \(relativeWidth)")
        }
        guard iterationsPerRun >= 1 else {
            throw .invalidParameter("a run needs at least 1 iteration, got \(iterationsPerRun)")
        }
        let mean = try positiveMean()
        let variance = runMeanVariance(iterationsPerRun)
        guard variance > 0 else { return 2 }
        // With the normal quantile in place of t the width is smaller, so this K is a lower
        // bound; w(K, r) falls as K grows, so the first K that meets the target is the answer.
        let z = GSL.normalQinv((1 - confidence) / 2)
        let lowerBound = (2 * z * variance.squareRoot() / (relativeWidth * mean)).squared
        guard lowerBound <= Double(maximumRuns) else { return nil }
        // t₁₋α/₂,K−1 exceeds z by O(1/K), so the answer lies a few runs above the bound.
        var runs = max(2, Int(lowerBound.rounded(.up)))
        while runs <= maximumRuns {
            if Self.width(runs: runs, variance: variance, mean: mean, confidence: confidence) <= relativeWidth {
                return runs
            }
            runs += 1
        }
        return nil
    }

    /// σ²_b + σ²_w / r, the variance of the mean of one run of r iterations.
    func runMeanVariance(_ iterationsPerRun: Int) -> Double {
        betweenRunVariance + withinRunVariance / Double(iterationsPerRun)
    }

    private func positiveMean() throws(StatisticsError) -> Double {
        let mean = meanOfRunMeans
        guard mean > 0 else {
            throw .invalidParameter("a relative interval width needs a positive mean, got \(mean)")
        }
        return mean
    }

    private static func width(runs: Int, variance: Double, mean: Double, confidence: Double) -> Double {
        let k = Double(runs)
        return 2 * GSL.tQinv((1 - confidence) / 2, df: k - 1) * (variance / k).squareRoot() / mean
    }
}

private extension Double {
    var squared: Double { self * self }
}
