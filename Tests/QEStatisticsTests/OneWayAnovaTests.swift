import QEStatistics
import QETestSupport
import Testing

@Suite("OneWayAnova (R: oneway.test(y ~ g, var.equal = TRUE))")
struct OneWayAnovaTests {
    @Test("matches R", arguments: RunVarianceReference.fixture.onewayAnova)
    func matchesR(_ reference: RunVarianceReference.Anova) throws {
        if let message = reference.error {
            #expect(throws: StatisticsError.self, "R: \(message)") { try OneWayAnova(groups: reference.groups) }
            return
        }
        let test = try OneWayAnova(groups: reference.groups)
        expectClose(test.statistic, reference.statistic?.value, relative: 1e-10, "F")
        #expect(test.betweenDegreesOfFreedom == reference.df1)
        #expect(test.withinDegreesOfFreedom == reference.df2)
        expectClose(test.pValue, reference.pValue, relative: 1e-8, "p-value")
    }

    @Test func handComputed() throws {
        // Groups (1, 3) and (5, 7): means 2, 6, grand mean 4; MSB = 16/1, MSW = 4/2 = 2; F = 8.
        let test = try OneWayAnova(groups: [[1, 3], [5, 7]])
        #expect(test.betweenMeanSquare == 16)
        #expect(test.withinMeanSquare == 2)
        #expect(test.statistic == 8)
        #expect(test.groupMeans == [2, 6])
    }
}
