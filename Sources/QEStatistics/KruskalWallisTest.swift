/// The Kruskal–Wallis rank-sum test that k groups come from the same distribution.
///
/// Method: with mid-ranks Rᵢⱼ of all N observations, rank sums Rᵢ and group sizes nᵢ,
/// H = (12 / (N(N + 1)) · Σ Rᵢ²/nᵢ − 3(N + 1)) / (1 − Σ(t³ − t)/(N³ − N)) (tie-corrected), and
/// the p-value is the upper tail of the chi-squared distribution with k − 1 degrees of freedom
/// (GSL `gsl_cdf_chisq_Q`). Reference: R's `kruskal.test(list(...))`, reproduced term by term.
///
/// Assumes independent observations. The chi-squared approximation is the only null
/// distribution used (as in R); it is rough for very small groups. Groups with a single
/// observation are allowed, as in R.
public struct KruskalWallisTest: Sendable, Equatable {
    /// The tie-corrected statistic H (R's "Kruskal-Wallis chi-squared").
    public let statistic: Double
    /// k − 1.
    public let degreesOfFreedom: Int
    /// P(χ²ₖ₋₁ ≥ H).
    public let pValue: Double
    /// The number of groups, k.
    public let groupCount: Int
    /// The total number of observations, N.
    public let observationCount: Int
    /// The mean rank of each group, in the order given (1-based mid-ranks among all N).
    public let meanRanks: [Double]

    /// Tests whether `groups` come from one distribution.
    /// - Throws: `StatisticsError.tooFewObservations` for fewer than 2 groups or an empty group
    ///   (R stops: "'x' must be a list with at least 2 elements", "all groups must contain data");
    ///   `.nonFinite` for NaN or infinite values; `.noSpread` when every observation is the same
    ///   (R returns a NaN statistic: the tie correction is 0/0).
    /// - Complexity: O(N log N), for the ranking.
    public init(groups: [[Double]]) throws(StatisticsError) {
        guard groups.count >= 2 else {
            throw .tooFewObservations(needed: 2, got: groups.count, what: "a Kruskal–Wallis test (groups)")
        }
        for (index, group) in groups.enumerated() {
            try StatisticsError.check(group, atLeast: 1, "group \(index + 1) of a Kruskal–Wallis test")
        }
        let pooled = groups.flatMap { $0 }
        guard let first = pooled.first, pooled.contains(where: { $0 != first }) else {
            throw .noSpread(what: "a Kruskal–Wallis test")
        }
        let ranks = Ranks(pooled)
        var rankSums = [Double]()
        rankSums.reserveCapacity(groups.count)
        var start = 0
        var sumOfSquaresOverSizes = 0.0
        for group in groups {
            let sum = ranks.ranks[start..<(start + group.count)].reduce(0, +)
            rankSums.append(sum)
            sumOfSquaresOverSizes += sum * sum / Double(group.count)
            start += group.count
        }
        let n = Double(pooled.count)
        let uncorrected = 12 * sumOfSquaresOverSizes / (n * (n + 1)) - 3 * (n + 1)
        let statistic = uncorrected / (1 - ranks.tieCorrectionSum / (n * n * n - n))
        let degreesOfFreedom = groups.count - 1
        self.statistic = statistic
        self.degreesOfFreedom = degreesOfFreedom
        // H can come out a rounding error below 0 when the rank means agree; the tail is then 1.
        self.pValue = GSL.chiSquaredQ(max(statistic, 0), df: Double(degreesOfFreedom))
        self.groupCount = groups.count
        self.observationCount = pooled.count
        self.meanRanks = zip(rankSums, groups).map { $0 / Double($1.count) }
    }
}
