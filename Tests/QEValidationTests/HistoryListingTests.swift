import QEValidation
import Testing

/// A listed point's median and interval from its runs' iterations.
@Suite("History listing points")
struct HistoryListingTests {
    @Test func theMedianOfThePooledIterationsWithItsOrderStatisticInterval() throws {
        // 10 iterations in two runs: R's qbinom(0.025, 10, 0.5) = 2, so [x(2), x(9)].
        let point = try HistoryListing.Point(commit: "abc1234", time: "2026-01-01T00:00:00Z",
                                             runs: [[10, 1, 9, 2, 8], [3, 7, 4, 6, 5]])
        #expect(point.runs == 2)
        #expect(point.iterations == 10)
        #expect(point.median == 5.5)
        #expect(point.low == 2)
        #expect(point.high == 9)
    }

    @Test func sevenIterationsReachOnlyTheExtremes() throws {
        // qbinom(0.025, 7, 0.5) = 1: [x(1), x(7)], which covers the median with 1 - 2/128.
        let point = try HistoryListing.Point(commit: "abc1234", time: "t", runs: [[7, 3, 5, 1, 6, 2, 4]])
        #expect(point.median == 4)
        #expect(point.low == 1 && point.high == 7)
    }

    @Test func fiveIterationsHaveNoInterval() throws {
        let point = try HistoryListing.Point(commit: "abc1234", time: "t", runs: [[1, 2], [3, 4, 5]])
        #expect(point.median == 3)
        #expect(point.low == nil && point.high == nil)
    }

    @Test func noIterationIsAnError() {
        #expect(throws: (any Error).self) { try HistoryListing.Point(commit: "abc1234", time: "t", runs: [[]]) }
    }
}
