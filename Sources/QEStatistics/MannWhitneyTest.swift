/// The Mann–Whitney U test (Wilcoxon rank-sum test) of two independent samples, computed
/// exactly as R 4.2's `wilcox.test(x, y, alternative, exact, correct)`.
///
/// U is the number of pairs with xᵢ > yⱼ plus half the tied pairs (R's `W`). The exact branch
/// uses the permutation distribution of U; the normal branch uses
/// z = (U − nm/2 − c) / σ with σ² = nm/12 · ((N + 1) − Σ(t³ − t)/(N(N − 1))), where c is the
/// continuity correction (±0.5 toward zero when two-sided) if `correct` is set.
///
/// When every observation of both samples is equal, σ = 0 and R reports NaN; this type reports
/// a p-value of 1 (the data carry no evidence of a difference) and sets `allTied`.
public struct MannWhitneyTest: Sendable {
    /// U of the first sample (R's `statistic`, named W there).
    public let u: Double
    /// The p-value for `alternative`.
    public let pValue: Double
    /// Which branch computed the p-value.
    public let method: RankSumMethod
    /// The alternative hypothesis tested.
    public let alternative: Alternative
    /// Whether the continuity correction was applied (normal branch only).
    public let continuityCorrection: Bool
    /// The standardised statistic of the normal branch; nil in the exact branch.
    public let z: Double?
    /// Every observation of both samples is the same value.
    public let allTied: Bool

    /// Tests `x` against `y`. See `RankSumComparison` to reuse the sorted samples.
    /// - Complexity: O(N log N) for N = n + m, plus O(n·m·(n·m)) once per size pair in the
    ///   exact branch (n, m < 50).
    public init(
        x: [Double], y: [Double], alternative: Alternative = .twoSided,
        exact: Bool? = nil, correct: Bool = true
    ) throws(StatisticsError) {
        self = try RankSumComparison(x: x, y: y).test(alternative: alternative, exact: exact, correct: correct)
    }

    init(comparison: RankSumComparison, alternative: Alternative, method: RankSumMethod, correct: Bool) {
        let nx = comparison.score.nx
        let ny = comparison.score.ny
        let u = comparison.u
        self.u = u
        self.method = method
        self.alternative = alternative
        switch method {
        case .exact:
            let distribution = WilcoxonDistribution(m: Int(nx), n: Int(ny))
            switch alternative {
            case .twoSided:
                let p = u > nx * ny / 2
                    ? distribution.cdf(u - 1, lowerTail: false)
                    : distribution.cdf(u)
                pValue = Swift.min(2 * p, 1)
            case .greater:
                pValue = distribution.cdf(u - 1, lowerTail: false)
            case .less:
                pValue = distribution.cdf(u)
            }
            continuityCorrection = false
            z = nil
            allTied = false
        case .normal:
            let sigma = comparison.score.sigma(tieSum: comparison.combinedTieSum)
            let centred = u - nx * ny / 2
            let correction = RankSumScore.correction(centred, alternative: alternative, correct: correct)
            continuityCorrection = correct
            guard sigma > 0 else {
                z = nil
                pValue = 1
                allTied = true
                return
            }
            allTied = false
            let z = (centred - correction) / sigma
            self.z = z
            switch alternative {
            case .less: pValue = GSL.normalP(z)
            case .greater: pValue = GSL.normalQ(z)
            case .twoSided: pValue = 2 * Swift.min(GSL.normalP(z), GSL.normalQ(z))
            }
        }
    }
}
