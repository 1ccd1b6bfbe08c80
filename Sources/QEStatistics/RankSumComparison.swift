/// Two samples prepared once (finite-checked and sorted) for the Wilcoxon rank-sum family:
/// the Mann–Whitney test and the Hodges–Lehmann shift with its Bauer/Moses interval.
///
/// Both follow R 4.2's `wilcox.test(x, y, ...)` exactly, including how it chooses between the
/// exact and the normal branch: exact when both samples have fewer than 50 observations and
/// there are no ties in the combined sample (unless `exact` is given), normal otherwise.
public struct RankSumComparison: Sendable {
    let score: RankSumScore
    /// Σ(t³ − t) over the tie groups of the combined sample, and the rank-sum statistic U of x.
    let u: Double
    let combinedTieSum: Double

    /// Checks and sorts the samples.
    /// - Throws: `StatisticsError` when a sample is empty or holds NaN or an infinity.
    /// - Complexity: O(n log n + m log m).
    public init(x: [Double], y: [Double]) throws(StatisticsError) {
        try StatisticsError.check(x, atLeast: 1, "the first sample")
        try StatisticsError.check(y, atLeast: 1, "the second sample")
        self.init(score: RankSumScore(x: x, y: y))
    }

    /// Takes samples that are already sorted ascending (and checked).
    init(score: RankSumScore) {
        self.score = score
        let (u, tieSum) = score.statistic(shift: 0)
        self.u = u
        self.combinedTieSum = tieSum
    }

    /// Sizes of the two samples.
    public var counts: (x: Int, y: Int) { (score.x.count, score.y.count) }

    /// Whether any two observations of the combined sample are equal.
    public var hasTies: Bool { combinedTieSum > 0 }

    /// The branch R takes for these samples: `exact` requested (or, when nil, both samples
    /// under 50) and no ties.
    public func method(exact: Bool? = nil) -> RankSumMethod {
        let wantsExact = exact ?? (score.x.count < 50 && score.y.count < 50)
        return wantsExact && !hasTies ? .exact : .normal
    }

    /// The Mann–Whitney test (R: `wilcox.test(x, y, alternative, exact, correct)`).
    public func test(
        alternative: Alternative = .twoSided, exact: Bool? = nil, correct: Bool = true
    ) -> MannWhitneyTest {
        MannWhitneyTest(comparison: self, alternative: alternative, method: method(exact: exact), correct: correct)
    }

    /// The Hodges–Lehmann shift of x relative to y and its confidence interval
    /// (R: `wilcox.test(x, y, conf.int = TRUE, ...)$estimate` and `$conf.int`).
    public func shift(
        confidence: Double = 0.95, alternative: Alternative = .twoSided,
        exact: Bool? = nil, correct: Bool = true
    ) throws(StatisticsError) -> HodgesLehmannInterval {
        try StatisticsError.checkConfidence(confidence)
        return HodgesLehmannInterval(
            comparison: self, confidence: confidence, alternative: alternative,
            method: method(exact: exact), correct: correct)
    }
}

/// How a rank-sum p-value or interval was computed.
public enum RankSumMethod: String, Sendable, Codable {
    /// From the exact permutation distribution of U (no ties, both samples under 50).
    case exact
    /// From the normal approximation with tie correction (and continuity correction if asked).
    case normal
}
