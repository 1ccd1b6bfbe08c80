import QEStatistics
import QETestSupport
import Testing

@Suite("StratifiedRankSumTest (R: per-stratum wilcox.test statistics summed)")
struct StratifiedRankSumTestTests {
    @Test("matches R", arguments: RunVarianceReference.fixture.stratifiedRankSum)
    func matchesR(_ reference: RunVarianceReference.Stratified) throws {
        let test = try StratifiedRankSumTest(
            strata: reference.strata.map { ($0.x, $0.y) }, alternative: Alternative(r: reference.alternative),
            correct: reference.correct)
        expectClose(test.u, reference.u, relative: 0, "U")
        expectClose(test.expectedU, reference.expectedU, relative: 0, "E(U)")
        expectClose(test.varianceOfU, reference.varianceOfU, relative: 1e-13, "Var(U)")
        expectClose(test.z, reference.z, relative: 1e-12, "z")
        expectClose(test.pValue, reference.pValue, relative: 1e-9, "p-value")
        if let wilcox = reference.wilcoxPValue {
            expectClose(test.pValue, wilcox, relative: 1e-12, "p-value against wilcox.test")
        }
    }

    @Test func leavesOutStrataWithoutInformation() throws {
        let test = try StratifiedRankSumTest(strata: [([], [1, 2]), ([3, 3], [3]), ([5], [1, 2, 3])], alternative: .greater)
        #expect(test.strataUsed == 1)
        #expect(throws: StatisticsError.noSpread(what: "a stratified rank-sum test")) {
            try StratifiedRankSumTest(strata: [([1], [1, 1])])
        }
    }
}
