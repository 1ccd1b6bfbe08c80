import QETestSupport
import Testing

@testable import QEStatistics

@Suite("Bootstrap of long runs: the normal limit of a run's resample mean")
struct BootstrapNormalLimitTests {
    /// Lognormal-ish timings: a run effect shared by all its iterations plus skewed noise.
    static func runs(count: Int, size: Int, median: Double, seed: UInt64) -> [[Double]] {
        var random = RandomSource(seed: seed)
        return (0..<count).map { _ in
            let shift = 1 + 0.02 * random.nextGaussian()
            return (0..<size).map { _ in median * shift * (0.15 * random.nextGaussian()).exponentialApproximation }
        }
    }

    @Test(.tags(.slow), .skippedWhenFast, arguments: [true, false])
    func agreesWithExactResampling(hierarchical: Bool) throws {
        let baseline = Self.runs(count: 5, size: 2_500, median: 13e6, seed: 1)
        let candidate = Self.runs(count: 5, size: 2_500, median: 4e6, seed: 2)
        var approximate = Bootstrap(replicates: 2_000, seed: 9)
        var exact = approximate
        exact.normalApproximationSize = .max
        approximate.normalApproximationSize = 2_000
        let a = hierarchical
            ? try approximate.hierarchicalRatioInterval(baselineRuns: baseline, candidateRuns: candidate)
            : try approximate.ratioInterval(baseline: baseline.flatMap { $0 }, candidate: candidate.flatMap { $0 })
        let e = hierarchical
            ? try exact.hierarchicalRatioInterval(baselineRuns: baseline, candidateRuns: candidate)
            : try exact.ratioInterval(baseline: baseline.flatMap { $0 }, candidate: candidate.flatMap { $0 })
        #expect(a.estimate == e.estimate)
        // The endpoints differ by Monte Carlo noise only: well within a tenth of the width.
        let width = e.high - e.low
        #expect(abs(a.low - e.low) < 0.1 * width, "approximate \(a), exact \(e)")
        #expect(abs(a.high - e.high) < 0.1 * width, "approximate \(a), exact \(e)")
    }
}

private extension Double {
    var exponentialApproximation: Double {
        // exp without Foundation, enough for test data: (1 + x/64)^64.
        var value = 1 + self / 64
        for _ in 0..<6 { value *= value }
        return value
    }
}
