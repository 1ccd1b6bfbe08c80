import QETestSupport
import Testing

@testable import QEStatistics

/// Issue 12, case 13: the bootstrap of a ratio of means stays positive and accurate whatever
/// the magnitude of the times (1e-9 to 1e300) and however far one sample lies from the rest.
/// Centring on the pooled mean cancelled: one baseline sample of 1e25 gave a lower bound of
/// −17.76.
@Suite("Bootstrap: times of any magnitude")
struct BootstrapMagnitudeTests {
    /// Five runs per side, like the shipped example: baseline about 13.4 ms, candidate 3.85 ms.
    static func data() -> (baseline: [[Double]], candidate: [[Double]]) {
        var simulated = SimulatedTimings(seed: 21)
        return (simulated.runs(5, iterations: 30, mean: 13_400_000, between: 150_000, within: 100_000),
                simulated.runs(5, iterations: 30, mean: 3_850_000, between: 40_000, within: 30_000))
    }

    @Test(arguments: [1e25, 1e100, 1e300])
    func oneHugeSampleCannotMakeASpeedupNegative(outlier: Double) throws {
        var (baseline, candidate) = Self.data()
        baseline[2][7] = outlier
        let bootstrap = Bootstrap(replicates: 2_000)
        let interval = try bootstrap.hierarchicalRatioInterval(baselineRuns: baseline, candidateRuns: candidate)
        #expect(interval.low > 0 && interval.low <= interval.high, "[\(interval.low), \(interval.high)]")
        #expect(interval.high.isFinite)
        let ratios = bootstrap.replicateRatios(
            baseline: BootstrapSide(runs: baseline, statistic: .mean), candidate: BootstrapSide(runs: candidate, statistic: .mean),
            resampling: .hierarchical)
        #expect(ratios.allSatisfy { $0 > 0 && $0.isFinite })
        // Replicates that never drew the outlier's run are near the true 3.5 (centring gave
        // values off by the rounding error of 1e25 / 150).
        #expect(ratios.min().map { $0 > 3 && $0 < 4 } == true, "\(ratios.min() ?? 0)")
    }

    @Test(arguments: [1e-9, 1e-3, 1, 1e6, 1e100, 1e290])
    func theIntervalDoesNotDependOnTheUnit(scale: Double) throws {
        let (baseline, candidate) = Self.data()
        let scaled = (baseline.map { $0.map { $0 * scale / 1e7 } }, candidate.map { $0.map { $0 * scale / 1e7 } })
        let unscaled = (baseline.map { $0.map { $0 / 1e7 } }, candidate.map { $0.map { $0 / 1e7 } })
        for statistic in Bootstrap.Statistic.allCases {
            let bootstrap = Bootstrap(statistic: statistic, replicates: 2_000)
            let reference = try bootstrap.hierarchicalRatioInterval(baselineRuns: unscaled.0, candidateRuns: unscaled.1)
            let interval = try bootstrap.hierarchicalRatioInterval(baselineRuns: scaled.0, candidateRuns: scaled.1)
            #expect(isClose(interval.low, reference.low, relative: 1e-12), "\(statistic) at \(scale)")
            #expect(isClose(interval.high, reference.high, relative: 1e-12), "\(statistic) at \(scale)")
            let iid = try bootstrap.ratioInterval(baseline: scaled.0[0], candidate: scaled.1[0])
            let iidReference = try bootstrap.ratioInterval(baseline: unscaled.0[0], candidate: unscaled.1[0])
            #expect(isClose(iid.low, iidReference.low, relative: 1e-12) && isClose(iid.high, iidReference.high, relative: 1e-12))
        }
    }

    @Test func theNormalLimitOfALongRunStaysInsideTheRun() throws {
        // 3 runs of 3,000 iterations: resample means come from the normal limit, whose spread
        // a single 1e25 makes far wider than the mean; drawn means are clamped to the run.
        var simulated = SimulatedTimings(seed: 22)
        var baseline = simulated.runs(3, iterations: 3_000, mean: 100, between: 1, within: 1)
        baseline[0][0] = 1e25
        let candidate = simulated.runs(3, iterations: 3_000, mean: 50, between: 1, within: 1)
        let interval = try Bootstrap(replicates: 2_000).hierarchicalRatioInterval(baselineRuns: baseline, candidateRuns: candidate)
        #expect(interval.low > 0 && interval.high.isFinite, "[\(interval.low), \(interval.high)]")
        let iid = try Bootstrap(replicates: 2_000).ratioInterval(baseline: baseline[0], candidate: candidate[0])
        #expect(iid.low > 0)
    }
}
