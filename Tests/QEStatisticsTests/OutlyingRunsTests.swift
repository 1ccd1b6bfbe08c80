import QEStatistics
import QETestSupport
import Testing

@Suite("OutlyingRuns (robust rule on run medians; R: median, mad)")
struct OutlyingRunsTests {
    @Test("matches R", arguments: RunVarianceReference.fixture.outlyingRuns)
    func matchesR(_ reference: RunVarianceReference.Outliers) throws {
        let rule = try OutlyingRuns(runs: reference.runs)
        #expect(rule.indexes == reference.standOut)
        expectClose(rule.centre, reference.centre, relative: 1e-15, "centre")
        expectClose(rule.spread, reference.spread, relative: 1e-12, absolute: 1e-300, "spread")
        expectClose(rule.withinRunSpread, reference.withinRunSpread, relative: 1e-12, absolute: 1e-300, "within-run spread")
        for (run, median) in zip(rule.runs, reference.medians) {
            expectClose(run.median, median, relative: 1e-15, "median")
        }
        for (run, distance) in zip(rule.runs, reference.distances) {
            expectClose(run.distance, distance.value, relative: 1e-10, absolute: 1e-12, "distance")
        }
        for (run, relative) in zip(rule.runs, reference.relativeDifferences ?? []) {
            expectClose(run.relativeDifference, relative, relative: 1e-12, absolute: 1e-15, "relative difference")
        }
    }

    @Test func handComputedPlantedRun() throws {
        // Medians 10, 10, 14, 10, 10 (each run constant): centre 10, MAD 0, no within-run
        // spread, so the scale is 0: run 2 is infinitely far, 40% slower than the others.
        let runs = [[10.0, 10], [10, 10], [14, 14], [10, 10], [10, 10]]
        let rule = try OutlyingRuns(runs: runs)
        #expect(rule.indexes == [2])
        #expect(rule.runs[2].distance == .infinity)
        #expect(isClose(rule.runs[2].relativeDifference ?? 0, 0.4, relative: 1e-15))
    }

    @Test func rejectsBadInput() {
        #expect(throws: StatisticsError.self) { try OutlyingRuns(runs: []) }
        #expect(throws: StatisticsError.self) { try OutlyingRuns(runs: [[1], []]) }
        #expect(throws: StatisticsError.self) { try OutlyingRuns(runs: [[1], [2]], threshold: -1) }
    }
}
