/// The Hodges–Lehmann estimate of the centre of a symmetric distribution (the pseudomedian:
/// the median of the Walsh averages (xᵢ + xⱼ)/2, i ≤ j) with the exact confidence interval
/// that inverts the Wilcoxon signed-rank test: order statistics of the Walsh averages at
/// R's `qsignrank` (R 4.2: `wilcox.test(x, conf.int = TRUE, conf.level =, exact = TRUE)`).
///
/// Distribution-free for a symmetric distribution, and robust: a wild observation enters the
/// signed-rank test as one rank, and moves the estimate and the far end of the interval little
/// (it can reach only the n Walsh averages it is part of), where it would widen a t interval
/// without bound. Used on per-round log differences of a bisection, where a burst of other
/// work on the machine makes a few rounds wild.
///
/// As R, zeros are dropped first. Ties among |xᵢ| keep the exact order statistics (R switches
/// to its normal approximation for them; with times measured to the microsecond and logged,
/// ties do not happen in practice). When no interval reaches the asked confidence (2⁻ⁿ is
/// already above α/2) the widest one is returned with its ``achievedConfidence``, as R does
/// with its warning.
///
/// - Complexity: O(n² log n) for the n(n + 1)/2 Walsh averages, and O(n³) for the
///   distribution; n is at most ``SignedRankDistribution/largestCount``.
public struct SignedRankInterval: Sendable {
    /// The pseudomedian (R's `(pseudo)median`).
    public let estimate: Double
    public let low: Double
    public let high: Double
    /// The confidence asked for.
    public let confidence: Double
    /// 1 − 2·P(V ≤ q − 1) at the order statistic used: at least `confidence`, unless no
    /// interval reaches it.
    public let achievedConfidence: Double
    /// The observations used (zeros dropped).
    public let count: Int
    /// Whether some interval reaches the asked confidence (2⁻ⁿ ≤ α/2).
    public let reachesConfidence: Bool

    /// The two-sided interval for the centre of `values` at `confidence`.
    /// - Throws: `StatisticsError` for non-finite values, a bad confidence, no non-zero value,
    ///   or more than ``SignedRankDistribution/largestCount`` of them.
    public init(_ values: [Double], confidence: Double) throws(StatisticsError) {
        try StatisticsError.check(values, atLeast: 1, "a signed-rank interval")
        try StatisticsError.checkConfidence(confidence)
        let x = values.filter { $0 != 0 }
        guard !x.isEmpty else { throw .noSpread(what: "a signed-rank interval (every value is zero)") }
        guard x.count <= SignedRankDistribution.largestCount else {
            throw .invalidParameter("a signed-rank interval takes at most \(SignedRankDistribution.largestCount) values, got \(x.count)")
        }
        let n = x.count
        var walsh: [Double] = []
        walsh.reserveCapacity(n * (n + 1) / 2)
        for i in 0..<n {
            for j in i..<n { walsh.append((x[i] + x[j]) / 2) }
        }
        walsh.sort()
        let distribution = SignedRankDistribution(n: n)
        let alpha = 1 - confidence
        let quantile = distribution.quantile(alpha / 2)
        reachesConfidence = quantile >= 1
        let qu = Swift.max(quantile, 1)
        let ql = walsh.count - qu
        let achievedAlpha = 2 * distribution.cdf(Double(qu - 1))
        low = walsh[qu - 1]
        high = walsh[ql]
        let middle = walsh.count / 2
        estimate = walsh.count % 2 == 1 ? walsh[middle] : (walsh[middle - 1] + walsh[middle]) / 2
        self.confidence = confidence
        achievedConfidence = 1 - achievedAlpha
        count = n
    }
}
