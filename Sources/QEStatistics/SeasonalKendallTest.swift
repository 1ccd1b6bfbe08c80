/// A trend common to several series, each tested on its own order: the seasonal Kendall test
/// (Hirsch, Slack & Smith 1982, "Techniques of trend analysis for monthly water quality data",
/// Water Resources Research 18(1)), used here with the runs of a benchmark as the "seasons".
///
/// Method: each block b with at least two distinct values gives its Mann–Kendall S_b and
/// tie-corrected Var(S_b) (``KendallTrendTest``; R: `cor.test(seq_along(y), y, method =
/// "kendall")`); S = Σ S_b, Var(S) = Σ Var(S_b), z = S / √Var(S) (moved 1 toward 0 first
/// when `continuity` is set, as Hirsch et al. do; off by default, as in R's `cor.test`), and the
/// p-value is from the normal distribution. Blocks with fewer than two values, or with every
/// value equal, carry no information about a trend and are left out.
///
/// Comparing each value only with values of its own block makes the test blind to differences
/// between blocks (a slow run is not a trend) and sensitive to a trend shared by the blocks.
/// Assumes independent observations within blocks and independent blocks; autocorrelation
/// within a block makes the test too ready to find a trend.
///
/// - Complexity: O(N log N) over all N values.
public struct SeasonalKendallTest: Sendable, Equatable {
    /// The per-block tests, in block order; nil where a block was left out.
    public let blocks: [KendallTrendTest?]
    /// Σ S_b.
    public let s: Double
    /// Σ Var(S_b).
    public let varianceOfS: Double
    /// The standardised statistic.
    public let z: Double
    /// The p-value for `alternative` (normal approximation).
    public let pValue: Double
    /// The alternative hypothesis: `greater` is a rising trend, `less` a falling one.
    public let alternative: Alternative

    /// Tests `blocks` for a common monotonic trend.
    /// - Throws: `StatisticsError.nonFinite` for NaN or infinite values; `.noSpread` when no block
    ///   has two distinct values; `.tooFewObservations` when there are no blocks.
    public init(blocks: [[Double]], alternative: Alternative = .twoSided, continuity: Bool = false) throws(StatisticsError) {
        guard !blocks.isEmpty else {
            throw .tooFewObservations(needed: 1, got: 0, what: "a seasonal Kendall test (blocks)")
        }
        var tests: [KendallTrendTest?] = []
        var s = 0.0
        var variance = 0.0
        for (index, block) in blocks.enumerated() {
            for value in block where !value.isFinite {
                throw .nonFinite(what: "block \(index + 1) of a seasonal Kendall test")
            }
            guard block.count >= 2, let first = block.first, block.contains(where: { $0 != first }) else {
                tests.append(nil)
                continue
            }
            let test = try KendallTrendTest(block, alternative: alternative, continuity: false)
            tests.append(test)
            s += test.s
            variance += test.varianceOfS
        }
        guard variance > 0 else { throw .noSpread(what: "a seasonal Kendall test") }
        let corrected = continuity ? (s > 0 ? 1 : (s < 0 ? -1 : 0)) * (abs(s) - 1) : s
        let z = corrected / variance.squareRoot()
        self.blocks = tests
        self.s = s
        self.varianceOfS = variance
        self.z = z
        self.pValue = KendallTrendTest.normalPValue(z, alternative)
        self.alternative = alternative
    }
}
