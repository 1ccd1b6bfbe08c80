/// The exact, distribution-free confidence interval for a median from order statistics.
///
/// Method: the number of observations below the median is Binomial(n, ½), so
/// [x₍k₎, x₍n−k+1₎] covers the median with probability 1 − 2·P(B ≤ k − 1). The rank is
/// k = `qbinom(α/2, n, 0.5)` (the smallest k with P(B ≤ k) ≥ α/2, with R 4.2's `qbinom` fuzz
/// for left continuity, α/2 · (1 − 8 ε)), which makes the achieved confidence at least the
/// requested one (up to that fuzz).
/// When k = 0 no order-statistic interval reaches the requested confidence, and the result says
/// so (``Outcome/tooFewSamples``) instead of widening to [min, max]: at 95%, that is below 6
/// observations. Binomial probabilities are exact (integer binomial coefficients) up to
/// n = 62 and come from GSL (`gsl_cdf_binomial_P`) beyond: GSL's relative error, up to about
/// 3e-15 at small n, exceeds R's fuzz and would put exact boundaries (87.5% at n = 4, whose
/// α/2 is exactly P(B ≤ 0)) on the other side from R.
///
/// Reference: there is no one R function; the R expression it matches is
/// `k <- qbinom(alpha/2, n, 0.5); sort(x)[c(k, n - k + 1)]`, `1 - 2 * pbinom(k - 1, n, 0.5)`
/// (see `scripts/reference/descriptive.R`).
///
/// Assumes independent, identically distributed observations from a continuous distribution
/// (with ties the coverage is at least the achieved confidence).
public struct MedianInterval: Sendable, Equatable, CustomStringConvertible {
    /// What the order statistics can say at the requested confidence.
    public enum Outcome: Sendable, Equatable {
        /// [x₍lowerRank₎, x₍upperRank₎] (1-based ranks in the sorted sample), which covers the
        /// median with probability `achievedConfidence` ≥ the requested confidence.
        case interval(low: Double, high: Double, lowerRank: Int, upperRank: Int, achievedConfidence: Double)
        /// Too few samples for this confidence: even [min, max] covers the median with a
        /// probability below the requested confidence. See ``MedianInterval/minimumCount``.
        case tooFewSamples
    }

    /// The number of observations.
    public let count: Int
    /// The sample median (R's `median`).
    public let median: Double
    /// The requested confidence level.
    public let confidence: Double
    /// The fewest observations for which an order-statistic interval reaches `confidence`
    /// (6 at 95%, 8 at 99%).
    public let minimumCount: Int
    /// The interval, or the plain statement that there are too few samples.
    public let outcome: Outcome

    /// The order-statistic interval for the median of `values`.
    /// - Throws: `StatisticsError.tooFewObservations` for an empty sample, `.nonFinite` for NaN or
    ///   infinite values, `.invalidParameter` unless 0 < `confidence` < 1 (or with more than
    ///   2³² − 1 observations, beyond GSL's binomial distribution).
    ///   Too few samples for the confidence is not an error: see ``Outcome/tooFewSamples``.
    /// - Complexity: O(n log n) for the sort, plus O(log n) binomial probabilities.
    public init(_ values: [Double], confidence: Double = 0.95) throws(StatisticsError) {
        try StatisticsError.check(values, atLeast: 1, "a median interval")
        try StatisticsError.checkConfidence(confidence)
        guard let n = UInt32(exactly: values.count) else {
            throw .invalidParameter("a median interval supports at most \(UInt32.max) observations")
        }
        let sorted = SortedSample(sorting: values)
        // R 4.2's qbinom (src/nmath/qDiscrete_search.h) searches for P(B ≤ k) ≥ p · (1 − 8 ε),
        // so that a probability equal to a binomial cumulative probability up to rounding
        // lands on that k.
        let target = (1 - confidence) / 2 * (1 - 8 * Double.ulpOfOne)
        self.count = values.count
        self.median = sorted.median
        self.confidence = confidence
        self.minimumCount = MedianInterval.minimumCount(target: target)
        let k = MedianInterval.lowerRank(n: n, target: target)
        if k == 0 {
            outcome = .tooFewSamples
        } else {
            let upper = values.count - k + 1
            let achieved = 1 - 2 * MedianInterval.binomialHalfCDF(k - 1, n: n)
            outcome = .interval(low: sorted.values[k - 1], high: sorted.values[upper - 1],
                                lowerRank: k, upperRank: upper, achievedConfidence: achieved)
        }
    }

    /// The smallest k with P(B ≤ k) ≥ target for B ~ Binomial(n, ½), by bisection: the
    /// cumulative probability increases with k and reaches ½ ≥ target at k = ⌊n/2⌋.
    private static func lowerRank(n: UInt32, target: Double) -> Int {
        var low: UInt32 = 0
        var high = n / 2
        while low < high {
            let mid = low + (high - low) / 2
            if binomialHalfCDF(Int(mid), n: n) >= target { high = mid } else { low = mid + 1 }
        }
        return Int(low)
    }

    /// The smallest n whose lower rank is at least 1, that is P(B ≤ 0) = 2⁻ⁿ < target.
    /// Terminates because target ≥ 2⁻⁵⁴ · (1 − 8 ε) for any confidence below 1.
    private static func minimumCount(target: Double) -> Int {
        var n: UInt32 = 1
        while binomialHalfCDF(0, n: n) >= target { n += 1 }
        return Int(n)
    }

    /// P(B ≤ k) for B ~ Binomial(n, ½), 0 ≤ k < n. Up to n = 62 it is Σᵢ≤ₖ C(n, i) / 2ⁿ with the
    /// sum in 64-bit integers (no overflow: C(n, i)·(n − i) < 2⁶⁴), so the one rounding is the
    /// conversion to Double and the result is correctly rounded; beyond, GSL's.
    private static func binomialHalfCDF(_ k: Int, n: UInt32) -> Double {
        guard n <= 62 else { return GSL.binomialP(UInt32(k), p: 0.5, n: n) }
        var coefficient: UInt64 = 1  // C(n, 0)
        var sum: UInt64 = 1
        for i in 0..<UInt64(k) {
            coefficient = coefficient * (UInt64(n) - i) / (i + 1)
            sum += coefficient
        }
        return Double(sum) * Double(sign: .plus, exponent: -Int(n), significand: 1)
    }

    /// The interval and its achieved confidence, or the plain statement that there are too few
    /// samples for the requested confidence, how many are needed and what [min, max] reaches.
    public var description: String {
        let level = MedianInterval.percent(confidence)
        switch outcome {
        case let .interval(low, high, lowerRank, upperRank, achieved):
            return "median \(median), \(level) interval [\(low), \(high)] from order statistics "
                + "\(lowerRank) and \(upperRank) of \(count) (achieved confidence \(MedianInterval.percent(achieved)))"
        case .tooFewSamples:
            let widest = MedianInterval.percent(1 - 2 * MedianInterval.binomialHalfCDF(0, n: UInt32(count)))
            return "too few samples for \(level) confidence: \(count) observation\(count == 1 ? "" : "s"), "
                + "at least \(minimumCount) needed (the widest interval, [min, max], reaches only \(widest))"
        }
    }

    /// A proportion as a percentage with at most 4 decimals, without Foundation.
    private static func percent(_ proportion: Double) -> String {
        let scaled = (proportion * 100 * 10_000).rounded() / 10_000
        if scaled == scaled.rounded() { return "\(Int(scaled))%" }
        return "\(scaled)%"
    }
}
