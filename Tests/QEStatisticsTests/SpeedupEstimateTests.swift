import Foundation
import QETestSupport
import Testing

@testable import QEStatistics

@Suite("Speedup from log times against R's wilcox.test(log(b), log(c), conf.int = TRUE)")
struct SpeedupEstimateTests {
    static let speedupCases = WilcoxonReference.all.filter {
        $0.kind == "speedup" && $0.alternative == "two.sided" && $0.confLevel == 0.95 && $0.exact == nil && $0.correct
    }

    @Test func thereAreSpeedupCases() {
        #expect(Self.speedupCases.count >= 5)
    }

    @Test(arguments: speedupCases)
    func matchesR(_ reference: WilcoxonReference.Case) throws {
        let baseline = try #require(reference.baseline)
        let candidate = try #require(reference.candidate)
        let speedup = try SpeedupEstimate.hodgesLehmann(baseline: baseline, candidate: candidate)
        let tolerance = speedup.intervalMethod == .exact ? 1e-9 : 1e-3
        let estimate = try #require(reference.expected.estimate?.value)
        let low = try #require(reference.expected.confLow?.value)
        let high = try #require(reference.expected.confHigh?.value)
        #expect(isClose(speedup.estimate, exp(estimate), relative: tolerance))
        #expect(isClose(speedup.low, exp(low), relative: tolerance))
        #expect(isClose(speedup.high, exp(high), relative: tolerance))
        let p = try #require(reference.expected.pValue.value)
        #expect(isClose(speedup.test.pValue, p, relative: speedup.test.method == .exact ? 1e-9 : 1e-6))
        // The time ratio is the same interval seen from the other side.
        #expect(isClose(speedup.timeRatio.low * speedup.high, 1, relative: 1e-12))
    }

    @Test func nonPositiveTimesAreRefused() {
        #expect(throws: StatisticsError.nonPositive(what: "the candidate times")) {
            try SpeedupEstimate.hodgesLehmann(baseline: [1, 2, 3], candidate: [1, 0, 2])
        }
        #expect(throws: StatisticsError.self) {
            try SpeedupEstimate.hodgesLehmann(baseline: [], candidate: [1])
        }
        #expect(throws: StatisticsError.nonFinite(what: "the baseline times")) {
            try SpeedupEstimate.hodgesLehmann(baseline: [1, .nan], candidate: [1])
        }
    }
}

@Suite("Hodges–Lehmann edge cases")
struct HodgesLehmannEdgeCaseTests {
    /// R: wilcox.test(2, 1, conf.int = TRUE) gives estimate 1, interval [1, 1] and reports
    /// conf.level 0 (1 − 2·pwilcox(0, 1, 1)).
    @Test func oneObservationPerSide() throws {
        let interval = try HodgesLehmannInterval(x: [2], y: [1])
        #expect(interval.method == .exact)
        #expect(interval.estimate == 1 && interval.low == 1 && interval.high == 1)
        #expect(interval.achievedConfidence == 0)
    }

    @Test func everyDifferenceEqualInTheNormalBranch() throws {
        let interval = try HodgesLehmannInterval(x: [5, 5, 5, 5], y: [2, 2, 2])
        #expect(interval.method == .normal)
        #expect(interval.degenerate)
        #expect(interval.estimate == 3 && interval.low == 3 && interval.high == 3)
    }
}
