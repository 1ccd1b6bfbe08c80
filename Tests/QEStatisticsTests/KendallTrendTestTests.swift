import QEStatistics
import QETestSupport
import Testing

@Suite("KendallTrendTest and SeasonalKendallTest (R: cor.test(seq_along(y), y, method = \"kendall\"))")
struct KendallTrendTestTests {
    @Test("matches R", arguments: RunVarianceReference.fixture.kendall)
    func matchesR(_ reference: RunVarianceReference.Kendall) throws {
        let alternative = Alternative(r: reference.alternative)
        if let message = reference.error {
            #expect(throws: StatisticsError.self, "R: \(message)") {
                try KendallTrendTest(reference.y, alternative: alternative, exact: reference.exact, continuity: reference.continuity)
            }
            return
        }
        let test = try KendallTrendTest(reference.y, alternative: alternative, exact: reference.exact, continuity: reference.continuity)
        #expect(test.method.rawValue == reference.method)
        #expect(test.count == reference.y.count)
        expectClose(test.s, reference.s, relative: 0, "S")
        expectClose(test.varianceOfS, reference.varianceOfS, relative: 1e-14, "Var(S)")
        expectClose(test.tau, reference.tau, relative: 1e-12, "tau")
        expectClose(test.statistic, reference.statistic, relative: 1e-12, "statistic")
        // R's exact upper tail is 1 − pkendall(q − 1), which cancels below about 1e-15; this
        // implementation sums the tail itself, hence the absolute floor.
        expectClose(test.pValue, reference.pValue, relative: 1e-9, absolute: 1e-14, "p-value")
    }

    @Test func sIsCountedWithoutFormingPairs() throws {
        // A long series: merge-sort counting must agree with the O(n²) definition.
        let series = (0..<3000).map { index in Double((index * 7919) % 1009) + Double(index) / 1000 }
        var s = 0.0
        for i in 0..<series.count {
            for j in (i + 1)..<series.count { s += series[j] > series[i] ? 1 : (series[j] < series[i] ? -1 : 0) }
        }
        #expect(try KendallTrendTest(series).s == s)
        let tied = series.map { ($0 / 100).rounded(.down) }
        var tiedS = 0.0
        for i in 0..<tied.count {
            for j in (i + 1)..<tied.count { tiedS += tied[j] > tied[i] ? 1 : (tied[j] < tied[i] ? -1 : 0) }
        }
        #expect(try KendallTrendTest(tied).s == tiedS)
    }

    @Test("seasonal: matches sums of R's per-block statistics", arguments: RunVarianceReference.fixture.seasonalKendall)
    func seasonalMatchesR(_ reference: RunVarianceReference.Seasonal) throws {
        let test = try SeasonalKendallTest(blocks: reference.blocks, alternative: Alternative(r: reference.alternative))
        expectClose(test.s, reference.s, relative: 0, "S")
        expectClose(test.varianceOfS, reference.varianceOfS, relative: 1e-14, "Var(S)")
        expectClose(test.z, reference.z, relative: 1e-12, absolute: 1e-15, "z")
        expectClose(test.pValue, reference.pValue, relative: 1e-9, "p-value")
        #expect(test.blocks.count == reference.blockPValues.count)
        for (block, expected) in zip(test.blocks, reference.blockPValues) {
            expectClose(block?.pValue, expected.value, relative: 1e-9, absolute: 1e-14, "block p-value")
        }
    }

    @Test func seasonalRejectsBlocksWithoutInformation() {
        #expect(throws: StatisticsError.noSpread(what: "a seasonal Kendall test")) {
            try SeasonalKendallTest(blocks: [[1, 1], [2]])
        }
        #expect(throws: StatisticsError.self) { try SeasonalKendallTest(blocks: []) }
        #expect(throws: StatisticsError.self) { try SeasonalKendallTest(blocks: [[1, .nan, 2]]) }
    }
}
