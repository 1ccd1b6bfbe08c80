/// The Wilcoxon rank-sum (Mann–Whitney) test of two samples observed in several independent
/// strata, each stratum ranked on its own: the unweighted sum of the per-stratum statistics
/// (Lehmann 1975, *Nonparametrics*, §3.3; van Elteren's test weights the strata instead).
///
/// Method: in stratum s, U_s is the Mann–Whitney statistic of xₛ against yₛ (R's `W`), with
/// E(U_s) = mₛnₛ/2 and the tie-corrected Var(U_s) = mₛnₛ/12 · ((Nₛ + 1) − Σ(t³ − t)/(Nₛ(Nₛ − 1)));
/// z = (Σ U_s − Σ E(U_s) − c) / √Σ Var(U_s), where c is R's continuity correction (±0.5)
/// when `correct` is set, and the p-value is from the normal distribution. With a single
/// stratum this is R's `wilcox.test(x, y, alternative, exact = FALSE, correct)`.
///
/// Ranking within strata keeps differences between strata (runs at different speeds) out of
/// the comparison. Assumes independent observations; strata where either sample is empty, or
/// every value is equal, carry no information and are left out.
///
/// - Complexity: O(N) over all N values after sorting each stratum (radix sort).
public struct StratifiedRankSumTest: Sendable, Equatable {
    /// Σ U_s.
    public let u: Double
    /// Σ E(U_s).
    public let expectedU: Double
    /// Σ Var(U_s).
    public let varianceOfU: Double
    /// The standardised statistic.
    public let z: Double
    /// The p-value for `alternative`: `greater` says x tends to be larger than y.
    public let pValue: Double
    /// The alternative hypothesis.
    public let alternative: Alternative
    /// How many strata contributed.
    public let strataUsed: Int

    /// Tests x against y, stratum by stratum.
    /// - Parameter strata: one (x, y) pair of samples per stratum.
    /// - Throws: `StatisticsError.nonFinite` for NaN or infinite values; `.noSpread` when no
    ///   stratum has both samples and two distinct values.
    public init(
        strata: [(x: [Double], y: [Double])], alternative: Alternative = .twoSided, correct: Bool = false
    ) throws(StatisticsError) {
        var u = 0.0
        var expected = 0.0
        var variance = 0.0
        var used = 0
        for (index, stratum) in strata.enumerated() {
            try StatisticsError.check(stratum.x, atLeast: 0, "stratum \(index + 1) of a stratified rank-sum test")
            try StatisticsError.check(stratum.y, atLeast: 0, "stratum \(index + 1) of a stratified rank-sum test")
            guard !stratum.x.isEmpty, !stratum.y.isEmpty else { continue }
            let comparison = RankSumComparison(score: RankSumScore(x: stratum.x, y: stratum.y))
            let sigma = comparison.score.sigma(tieSum: comparison.combinedTieSum)
            guard sigma > 0 else { continue }
            u += comparison.u
            expected += comparison.score.nx * comparison.score.ny / 2
            variance += sigma * sigma
            used += 1
        }
        guard variance > 0 else { throw .noSpread(what: "a stratified rank-sum test") }
        let centred = u - expected
        let z = (centred - RankSumScore.correction(centred, alternative: alternative, correct: correct)) / variance.squareRoot()
        self.u = u
        self.expectedU = expected
        self.varianceOfU = variance
        self.z = z
        self.pValue = KendallTrendTest.normalPValue(z, alternative)
        self.alternative = alternative
        self.strataUsed = used
    }
}
