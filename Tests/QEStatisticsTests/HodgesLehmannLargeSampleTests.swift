import QETestSupport
import Testing

@testable import QEStatistics

@Suite("Hodges–Lehmann for large samples: exact order statistics instead of root finding")
struct HodgesLehmannLargeSampleTests {
    static let normalCases = WilcoxonReference.all.filter {
        $0.expected.method == "normal" && $0.expected.ciError == nil
    }

    /// The order-statistic path must land within R's root tolerance (1e-4 on the shift) of
    /// what R's own root finder returned, on every normal-branch reference case.
    @Test(arguments: normalCases)
    func orderStatisticPathAgreesWithR(_ reference: WilcoxonReference.Case) throws {
        let alternative = try #require(Alternative(rawValue: reference.alternative))
        let comparison = try RankSumComparison(x: reference.x, y: reference.y)
        let interval = HodgesLehmannInterval(
            comparison: comparison, confidence: reference.confLevel, alternative: alternative,
            method: .normal, correct: reference.correct, strategy: .orderStatistics)
        let estimate = try #require(reference.expected.estimate?.value)
        let low = try #require(reference.expected.confLow?.value)
        let high = try #require(reference.expected.confHigh?.value)
        // R stops within its tolerance of a jump of a step function; between jumps any point
        // is a root. The gap to the neighbouring difference bounds how far apart we may land.
        let slack = 2e-4
        #expect(abs(interval.estimate - estimate) <= slack + 1e-3 * abs(estimate) || Self.sameGap(interval.estimate, estimate, reference),
                "estimate \(interval.estimate), R: \(estimate)")
        #expect(interval.low == low || abs(interval.low - low) <= slack + 1e-3 * abs(low), "low \(interval.low), R: \(low)")
        #expect(interval.high == high || abs(interval.high - high) <= slack + 1e-3 * abs(high), "high \(interval.high), R: \(high)")
    }

    /// Whether no pairwise difference lies strictly between a and b (both are then roots).
    static func sameGap(_ a: Double, _ b: Double, _ reference: WilcoxonReference.Case) -> Bool {
        let (lo, hi) = (Swift.min(a, b), Swift.max(a, b))
        for xi in reference.x { for yj in reference.y where xi - yj > lo && xi - yj < hi { return false } }
        return true
    }

    @Test func largeSamplesNeverEnumerateAndAgreeWithRootFinding() throws {
        // 30,000 + 25,000 observations: above the emulation limit, so the automatic strategy
        // selects order statistics; R's procedure (root finding) must agree within its tolerance.
        var generator = SplitMixSequence(seed: 42)
        func normalish() -> Double {
            var sum = 0.0
            for _ in 0..<4 { sum += Double(generator.next() >> 11) / Double(1 << 53) }
            return sum
        }
        let x = (0..<30_000).map { _ in normalish() + 0.05 }
        let y = (0..<25_000).map { _ in normalish() }
        let comparison = try RankSumComparison(x: x, y: y)
        let automatic = try comparison.shift()
        let rooted = HodgesLehmannInterval(
            comparison: comparison, confidence: 0.95, alternative: .twoSided,
            method: .normal, correct: true, strategy: .rootFinding)
        #expect(abs(automatic.estimate - rooted.estimate) < 1e-4)
        #expect(abs(automatic.low - rooted.low) < 1e-4)
        #expect(abs(automatic.high - rooted.high) < 1e-4)
        #expect(automatic.low < automatic.estimate && automatic.estimate < automatic.high)
    }
}
