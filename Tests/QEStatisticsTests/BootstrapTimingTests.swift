import Foundation
import Testing
@testable import QEStatistics

/// The performance target of the hierarchical bootstrap: 10 runs × 1,000 iterations per side,
/// B = 10,000, ratio of means, under 2 s in a release build on a 2-core machine. Opt-in, because a
/// debug build is several times slower and the normal suite must stay fast:
///
///     QE_BOOTSTRAP_TIMING=1 swift test -c release -Xswiftc -enable-testing \
///         --filter BootstrapTimingTests
@Suite("Bootstrap timing (opt-in: QE_BOOTSTRAP_TIMING=1, release build)",
       .enabled(if: ProcessInfo.processInfo.environment["QE_BOOTSTRAP_TIMING"] != nil), .serialized)
struct BootstrapTimingTests {
    @Test(arguments: Bootstrap.Statistic.allCases)
    func hierarchicalTenRunsOfAThousand(statistic: Bootstrap.Statistic) throws {
        var data = SimulatedTimings(seed: 10)
        let baseline = data.runs(10, iterations: 1_000, mean: 20, between: 1, within: 2)
        let candidate = data.runs(10, iterations: 1_000, mean: 10, between: 0.5, within: 1)
        let clock = ContinuousClock()
        var concurrent = Bootstrap(statistic: statistic)
        var interval: BootstrapInterval?
        let elapsed = try clock.measure {
            interval = try concurrent.hierarchicalRatioInterval(baselineRuns: baseline, candidateRuns: candidate)
        }
        concurrent.scheduling = .sequential
        var sequentialInterval: BootstrapInterval?
        let sequential = try clock.measure {
            sequentialInterval = try concurrent.hierarchicalRatioInterval(baselineRuns: baseline, candidateRuns: candidate)
        }
        print("hierarchical bootstrap, ratio of \(statistic)s, 10 × 1,000 per side, B = 10,000: "
              + "\(elapsed) on \(ProcessInfo.processInfo.activeProcessorCount) cores, \(sequential) on one thread; "
              + "\(interval.map(String.init(describing:)) ?? "-")")
        #expect(interval == sequentialInterval)
        if statistic == .mean {
            #expect(elapsed < .seconds(2))
        }
    }
}
