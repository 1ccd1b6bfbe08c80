import Foundation
import QETestSupport
import Testing

@testable import QEStatistics

@Suite("Unpaired runs: Welch t on per-run mean log times")
struct UnpairedRunsSpeedupTests {
    static let baseline: [[Double]] = [[10.0, 10.5, 9.8], [11.0, 11.2, 10.9], [10.2, 10.1, 10.4], [9.9, 10.3, 10.0]]
    static let candidate: [[Double]] = [[12.0, 12.4], [11.5, 11.9], [12.8, 12.2], [11.7, 12.1], [12.3, 12.0]]

    /// SciPy 1.17: `ttest_ind(x, y, equal_var=False).confidence_interval(level)` on the run mean
    /// log times, exponentiated (the same as R's `exp(t.test(x, y)$conf.int)`).
    @Test(arguments: [(0.95, 0.8029962916461875, 0.9132816882148581), (0.99, 0.7726433387004891, 0.9491595567216613)])
    func matchesSciPy(confidence: Double, low: Double, high: Double) throws {
        let speedup = try UnpairedRunsSpeedup(baselineRuns: Self.baseline, candidateRuns: Self.candidate, confidence: confidence)
        #expect(isClose(speedup.estimate, 0.8563654645447238, relative: 1e-12))
        #expect(isClose(speedup.low, low, relative: 1e-9), "low \(speedup.low)")
        #expect(isClose(speedup.high, high, relative: 1e-9), "high \(speedup.high)")
        #expect(isClose(try #require(speedup.degreesOfFreedom), 4.595356205916702, relative: 1e-9))
        #expect(!speedup.degenerate)
    }

    @Test func runStatistics() throws {
        #expect(try RunStatistic.minimum.logValue([3, 1, 2], "r") == 0)
        #expect(abs(try RunStatistic.median.logValue([3, 1, 2, 10], "r") - log(2.5)) < 1e-15)
        #expect(abs(try RunStatistic.geometricMean.logValue([1, 4], "r") - log(2)) < 1e-15)
        #expect(throws: StatisticsError.self) { try RunStatistic.minimum.logValue([], "r") }
        #expect(throws: StatisticsError.self) { try RunStatistic.median.logValue([1, -1], "r") }
        // With the minimum, each run is its fastest iteration.
        let speedup = try UnpairedRunsSpeedup(baselineRuns: Self.baseline, candidateRuns: Self.candidate, statistic: .minimum)
        #expect(speedup.baselineRunLogs == Self.baseline.map { log($0.min() ?? 0) })
        #expect(speedup.statistic == .minimum)
    }

    @Test func timeRatioIsTheReciprocal() throws {
        let speedup = try UnpairedRunsSpeedup(baselineRuns: Self.baseline, candidateRuns: Self.candidate)
        let ratio = speedup.timeRatio
        #expect(isClose(ratio.estimate, 1 / speedup.estimate, relative: 1e-15))
        #expect(isClose(ratio.low, 1 / speedup.high, relative: 1e-15))
        #expect(isClose(ratio.high, 1 / speedup.low, relative: 1e-15))
    }

    @Test func identicalRunsGiveAPoint() throws {
        let runs: [[Double]] = [[2, 2], [2, 2], [2, 2]]
        let speedup = try UnpairedRunsSpeedup(baselineRuns: runs, candidateRuns: runs.map { $0.map { $0 / 2 } })
        #expect(speedup.degenerate)
        #expect(isClose(speedup.estimate, 2, relative: 1e-12))
        #expect(speedup.low == speedup.high)
    }

    @Test func badInputIsRefused() {
        #expect(throws: StatisticsError.self) { try UnpairedRunsSpeedup(baselineRuns: [[1, 2]], candidateRuns: [[1], [2]]) }
        #expect(throws: StatisticsError.self) { try UnpairedRunsSpeedup(baselineRuns: [[1], []], candidateRuns: [[1], [2]]) }
        #expect(throws: StatisticsError.self) { try UnpairedRunsSpeedup(baselineRuns: [[1], [0]], candidateRuns: [[1], [2]]) }
        #expect(throws: StatisticsError.self) { try UnpairedRunsSpeedup(baselineRuns: [[1], [2]], candidateRuns: [[1], [.nan]]) }
        #expect(throws: StatisticsError.self) { try UnpairedRunsSpeedup(baselineRuns: [[1], [2]], candidateRuns: [[1], [2]], confidence: 1) }
    }
}
