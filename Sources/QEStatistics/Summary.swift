/// Descriptive statistics of one sample, on R's conventions.
///
/// - Mean: the arithmetic mean (GSL `gsl_stats_mean`), as R's `mean`.
/// - Variance and standard deviation: divisor n − 1 (GSL `gsl_stats_variance_m`), as R's `var`
///   and `sd`; `nil` for a single observation, where R gives `NA`.
/// - Median: R's `median`. MAD: R's `mad` with its defaults, 1.4826 × median |xᵢ − median|.
/// - Coefficient of variation: standard deviation / mean (signed, as `sd(x) / mean(x)` in R);
///   `nil` when the standard deviation is undefined or the mean is zero.
/// - Quantiles: R's `quantile(x, p, type = 7)`.
///
/// The sample is sorted once; the median, MAD, minimum, maximum and every quantile are read
/// from the sorted values. Assumes nothing about the distribution.
public struct Summary: Sendable, Equatable {
    /// R's `mad` constant, which makes the MAD consistent for the standard deviation of a
    /// normal distribution (1 / Φ⁻¹(3/4), rounded as R rounds it).
    public static let madConstant = 1.4826

    private let sorted: SortedSample

    /// The number of observations (at least 1).
    public var count: Int { sorted.count }
    /// The arithmetic mean.
    public let mean: Double
    /// The sample variance (divisor n − 1); `nil` when there is a single observation.
    public let variance: Double?
    /// The sample standard deviation (divisor n − 1); `nil` when there is a single observation.
    public var standardDeviation: Double? { variance.map { $0.squareRoot() } }
    /// The median.
    public var median: Double { sorted.median }
    /// The median absolute deviation from the median, scaled by ``madConstant`` (R's `mad(x)`).
    public let medianAbsoluteDeviation: Double
    /// The smallest observation.
    public var minimum: Double { sorted.minimum }
    /// The largest observation.
    public var maximum: Double { sorted.maximum }
    /// The observations in ascending order.
    public var sortedValues: [Double] { sorted.values }

    /// Standard deviation / mean; `nil` for a single observation or a zero mean.
    public var coefficientOfVariation: Double? {
        guard let standardDeviation, mean != 0 else { return nil }
        return standardDeviation / mean
    }

    /// Summarises `values`.
    /// - Throws: `StatisticsError.tooFewObservations` when `values` is empty,
    ///   `.nonFinite` when a value is NaN or infinite.
    /// - Complexity: O(n log n), for the one sort.
    public init(_ values: [Double]) throws(StatisticsError) {
        try StatisticsError.check(values, atLeast: 1, "a summary")
        sorted = SortedSample(sorting: values)
        // The mean and variance are taken over the sorted values; summing in ascending order
        // does not change R parity beyond rounding (checked to 1e-12 in the tests).
        let mean = GSL.mean(sorted.values)
        self.mean = mean
        variance = values.count >= 2 ? GSL.variance(sorted.values, mean: mean) : nil
        medianAbsoluteDeviation = Summary.madConstant * sorted.medianAbsoluteDeviationUnscaled
    }

    /// The `p` quantile, R's `quantile(x, p, type = 7)`: linear interpolation between the order
    /// statistics x₍⌊h⌋₎ and x₍⌈h⌉₎, where h = 1 + (n − 1)p.
    /// - Throws: `StatisticsError.invalidParameter` unless 0 ≤ `p` ≤ 1.
    /// - Complexity: O(1).
    public func quantile(_ p: Double) throws(StatisticsError) -> Double {
        guard p >= 0, p <= 1 else {
            throw .invalidParameter("a quantile's probability must be between 0 and 1, got \(p)")
        }
        return sorted.quantile(p)
    }
}
