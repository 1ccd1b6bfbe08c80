/// The one-way analysis of variance F test that k groups have the same mean, assuming equal
/// variances: R's `oneway.test(y ~ group, var.equal = TRUE)` (the F row of
/// `anova(lm(y ~ factor(group)))`).
///
/// Method: MSB = Σ nᵢ(ȳᵢ − ȳ)² / (k − 1), MSW = Σᵢⱼ (yᵢⱼ − ȳᵢ)² / (N − k), F = MSB / MSW, and the
/// p-value is the upper tail of the F distribution with (k − 1, N − k) degrees of freedom
/// (GSL `gsl_cdf_fdist_Q`).
///
/// Applied to run-level values (one value per run, runs grouped by file), this is the test for
/// the top level of a nested design: it asks whether groups differ by more than their members
/// differ from each other.
///
/// Assumes independent, roughly normal values with the same variance in every group.
/// - Complexity: O(N).
public struct OneWayAnova: Sendable, Equatable {
    /// F = MSB / MSW; +∞ when every group is constant but the groups differ.
    public let statistic: Double
    /// k − 1.
    public let betweenDegreesOfFreedom: Int
    /// N − k.
    public let withinDegreesOfFreedom: Int
    /// P(F ≥ statistic).
    public let pValue: Double
    /// MSB.
    public let betweenMeanSquare: Double
    /// MSW.
    public let withinMeanSquare: Double
    /// The mean of each group, in the order given.
    public let groupMeans: [Double]

    /// Tests whether `groups` have the same mean.
    /// - Throws: `StatisticsError.tooFewObservations` for fewer than 2 groups, an empty group, or
    ///   no group with two values (N − k = 0: nothing to estimate the variance within groups
    ///   from); `.nonFinite` for NaN or infinite values; `.noSpread` when every value is the same
    ///   (R: a NaN statistic).
    public init(groups: [[Double]]) throws(StatisticsError) {
        guard groups.count >= 2 else {
            throw .tooFewObservations(needed: 2, got: groups.count, what: "a one-way analysis of variance (groups)")
        }
        for (index, group) in groups.enumerated() {
            try StatisticsError.check(group, atLeast: 1, "group \(index + 1) of a one-way analysis of variance")
        }
        let n = groups.reduce(0) { $0 + $1.count }
        let k = groups.count
        guard n - k >= 1 else {
            throw .tooFewObservations(needed: k + 1, got: n, what: "a one-way analysis of variance (no group has two values)")
        }
        let means = groups.map { GSL.mean($0) }
        let grandMean = GSL.mean(groups.flatMap { $0 })
        var within = 0.0
        var between = 0.0
        for (group, mean) in zip(groups, means) {
            if group.count >= 2 { within += Double(group.count - 1) * GSL.variance(group, mean: mean) }
            between += Double(group.count) * (mean - grandMean) * (mean - grandMean)
        }
        let msb = between / Double(k - 1)
        let msw = within / Double(n - k)
        let statistic: Double
        let pValue: Double
        if msw > 0 {
            statistic = msb / msw
            pValue = GSL.fQ(statistic, df1: Double(k - 1), df2: Double(n - k))
        } else if msb > 0 {
            statistic = .infinity
            pValue = 0
        } else {
            throw .noSpread(what: "a one-way analysis of variance")
        }
        self.statistic = statistic
        self.betweenDegreesOfFreedom = k - 1
        self.withinDegreesOfFreedom = n - k
        self.pValue = pValue
        self.betweenMeanSquare = msb
        self.withinMeanSquare = msw
        self.groupMeans = means
    }
}
