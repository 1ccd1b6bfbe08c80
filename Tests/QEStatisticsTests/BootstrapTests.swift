import Foundation
import QETestSupport
import Testing
@testable import QEStatistics

@Suite("Bootstrap (percentile intervals for a ratio; Kalibera & Jones 2013)")
struct BootstrapTests {
    // MARK: Reproducibility

    @Test("the same seed gives bit-identical intervals", arguments: Bootstrap.Statistic.allCases)
    func sameSeedSameInterval(statistic: Bootstrap.Statistic) throws {
        var data = SimulatedTimings(seed: 1)
        let baseline = data.runs(4, iterations: 30, mean: 20, between: 1, within: 2)
        let candidate = data.runs(5, iterations: 25, mean: 10, between: 1, within: 1)
        let bootstrap = Bootstrap(statistic: statistic, replicates: 2_000, seed: 99)
        let first = try bootstrap.hierarchicalRatioInterval(baselineRuns: baseline, candidateRuns: candidate)
        let second = try bootstrap.hierarchicalRatioInterval(baselineRuns: baseline, candidateRuns: candidate)
        #expect(first == second)
        #expect(first.low.bitPattern == second.low.bitPattern)
        #expect(first.high.bitPattern == second.high.bitPattern)
        let iid = try bootstrap.ratioInterval(baseline: baseline[0], candidate: candidate[0])
        #expect(iid == (try bootstrap.ratioInterval(baseline: baseline[0], candidate: candidate[0])))
    }

    @Test("a different seed gives a different interval", arguments: Bootstrap.Statistic.allCases)
    func differentSeedDifferentInterval(statistic: Bootstrap.Statistic) throws {
        var data = SimulatedTimings(seed: 2)
        let baseline = data.normal(count: 40, mean: 20, sd: 3)
        let candidate = data.normal(count: 40, mean: 10, sd: 2)
        let one = try Bootstrap(statistic: statistic, replicates: 2_000, seed: 1)
            .ratioInterval(baseline: baseline, candidate: candidate)
        let two = try Bootstrap(statistic: statistic, replicates: 2_000, seed: 2)
            .ratioInterval(baseline: baseline, candidate: candidate)
        #expect(one.estimate == two.estimate)
        #expect(one.low != two.low || one.high != two.high)
        #expect(one.seed == 1 && two.seed == 2)
    }

    @Test("replicates do not depend on how chunks are scheduled",
          arguments: [BootstrapInterval.Resampling.iid, .hierarchical], Bootstrap.Statistic.allCases)
    func schedulingDoesNotChangeReplicates(resampling: BootstrapInterval.Resampling,
                                           statistic: Bootstrap.Statistic) {
        var data = SimulatedTimings(seed: 3)
        let baseline = BootstrapSide(runs: data.runs(3, iterations: 11, mean: 5, between: 1, within: 1),
                                     statistic: statistic)
        let candidate = BootstrapSide(runs: data.runs(4, iterations: 7, mean: 4, between: 1, within: 1),
                                      statistic: statistic)
        var concurrent = Bootstrap(statistic: statistic, replicates: 1_000, seed: 5)
        concurrent.scheduling = .concurrent
        var sequential = concurrent
        sequential.scheduling = .sequential
        let a = concurrent.replicateRatios(baseline: baseline, candidate: candidate, resampling: resampling)
        let b = sequential.replicateRatios(baseline: baseline, candidate: candidate, resampling: resampling)
        #expect(a.count == 1_000)
        #expect(a.map(\.bitPattern) == b.map(\.bitPattern))
    }

    @Test func chunksPartitionTheReplicates() {
        for replicates in [1, 2, 63, 64, 65, 1_000, 10_000] {
            let chunks = (0..<Bootstrap.chunkCount).map { Bootstrap.chunkBounds($0, replicates: replicates) }
            #expect(chunks.first?.lowerBound == 0)
            #expect(chunks.last?.upperBound == replicates)
            #expect(zip(chunks, chunks.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        }
    }

    @Test func chunkSeedsFollowSplitMix64() {
        // Test vector of Vigna's reference splitmix64.c, state 1234567: the first outputs.
        let expected: [UInt64] = [6_457_827_717_110_365_317, 3_203_168_211_198_807_973,
                                  9_817_491_932_198_370_423, 4_593_380_528_125_082_431,
                                  16_408_922_859_458_223_821]
        let outputs = (0..<5).map { SplitMix64.output(seed: 1_234_567, index: UInt64($0)) }
        #expect(outputs == expected)
        // The 64 chunk generators get distinct 32-bit mt19937 seeds for the default seed.
        let seeds = Set((0..<Bootstrap.chunkCount).map {
            UInt32(truncatingIfNeeded: SplitMix64.output(seed: Bootstrap.defaultSeed, index: UInt64($0)))
        })
        #expect(seeds.count == Bootstrap.chunkCount)
    }

    /// A fixed case with its interval recorded bit for bit, so that a change in the random
    /// stream (GSL's mt19937, uniform_int, the seed mixing, the chunking) cannot go unnoticed:
    /// the same seed must give the same interval on every machine.
    @Test func knownSeedGivesTheRecordedInterval() throws {
        let baseline = [10.0, 12, 11, 13, 15, 9, 10.5, 14]
        let candidate = [5.0, 6, 5.5, 7, 4.5, 6.5]
        let interval = try Bootstrap(replicates: 1_000, seed: 42).ratioInterval(baseline: baseline, candidate: candidate)
        #expect(interval.low.bitPattern == Self.recordedLow, "low = \(interval.low)")
        #expect(interval.high.bitPattern == Self.recordedHigh, "high = \(interval.high)")
    }
    // Recorded from the first run of this implementation (x86_64 Linux, GSL 2.7.1):
    // low 1.7368139097744362, high 2.4315307071960293 (estimate 11.9375 / 5.75 = 2.0761).
    static let recordedLow: UInt64 = 4_610_500_733_649_518_957
    static let recordedHigh: UInt64 = 4_612_657_739_193_451_386

    // MARK: What the interval says

    @Test("zero spread gives the degenerate interval at the ratio", arguments: Bootstrap.Statistic.allCases)
    func zeroSpread(statistic: Bootstrap.Statistic) throws {
        let bootstrap = Bootstrap(statistic: statistic, replicates: 500)
        let iid = try bootstrap.ratioInterval(baseline: Array(repeating: 0.3, count: 7),
                                              candidate: Array(repeating: 0.1, count: 9))
        #expect(iid.estimate == 0.3 / 0.1)
        #expect(iid.low == iid.estimate && iid.high == iid.estimate)
        let runs = try bootstrap.hierarchicalRatioInterval(
            baselineRuns: [Array(repeating: 0.3, count: 5), Array(repeating: 0.3, count: 2)],
            candidateRuns: Array(repeating: Array(repeating: 0.1, count: 3), count: 4))
        #expect(runs.low == runs.estimate && runs.high == runs.estimate)
    }

    @Test("the estimate is the ratio of the statistics and lies inside the interval",
          arguments: Bootstrap.Statistic.allCases)
    func estimateInsideInterval(statistic: Bootstrap.Statistic) throws {
        var data = SimulatedTimings(seed: 4)
        let baseline = data.runs(6, iterations: 40, mean: 30, between: 1, within: 3)
        let candidate = data.runs(6, iterations: 40, mean: 12, between: 0.5, within: 1)
        let bootstrap = Bootstrap(statistic: statistic, replicates: 2_000)
        let pooledB = try Summary(baseline.flatMap { $0 })
        let pooledC = try Summary(candidate.flatMap { $0 })
        let expected = statistic == .mean ? pooledB.mean / pooledC.mean : pooledB.median / pooledC.median
        for interval in [try bootstrap.ratioInterval(baseline: baseline.flatMap { $0 }, candidate: candidate.flatMap { $0 }),
                         try bootstrap.hierarchicalRatioInterval(baselineRuns: baseline, candidateRuns: candidate)] {
            #expect(isClose(interval.estimate, expected, relative: 1e-14), "\(interval)")
            #expect(interval.low < interval.estimate && interval.estimate < interval.high, "\(interval)")
            #expect(interval.statistic == statistic)
            #expect(interval.replicates == 2_000 && interval.confidence == 0.95 && interval.seed == Bootstrap.defaultSeed)
        }
    }

    @Test("the interval is the type-7 percentile interval of the replicate ratios",
          arguments: [BootstrapInterval.Resampling.iid, .hierarchical])
    func percentileInterval(resampling: BootstrapInterval.Resampling) throws {
        var data = SimulatedTimings(seed: 14)
        let baselineRuns = data.runs(3, iterations: 9, mean: 8, between: 1, within: 1)
        let candidateRuns = data.runs(4, iterations: 6, mean: 4, between: 1, within: 1)
        let bootstrap = Bootstrap(replicates: 999, confidence: 0.9, seed: 15)
        let interval = resampling == .iid
            ? try bootstrap.ratioInterval(baseline: baselineRuns.flatMap { $0 }, candidate: candidateRuns.flatMap { $0 })
            : try bootstrap.hierarchicalRatioInterval(baselineRuns: baselineRuns, candidateRuns: candidateRuns)
        let sides = resampling == .iid
            ? (BootstrapSide(runs: [baselineRuns.flatMap { $0 }], statistic: .mean),
               BootstrapSide(runs: [candidateRuns.flatMap { $0 }], statistic: .mean))
            : (BootstrapSide(runs: baselineRuns, statistic: .mean), BootstrapSide(runs: candidateRuns, statistic: .mean))
        let ratios = bootstrap.replicateRatios(baseline: sides.0, candidate: sides.1, resampling: resampling).sorted()
        // R: quantile(ratios, c(0.05, 0.95), type = 7); h = 1 + 998 p = 50.9 and 949.1.
        #expect(isClose(interval.low, 0.1 * ratios[49] + 0.9 * ratios[50], relative: 1e-15))
        #expect(isClose(interval.high, 0.9 * ratios[948] + 0.1 * ratios[949], relative: 1e-15))
        #expect(interval.replicates == 999 && interval.confidence == 0.9 && interval.seed == 15)
    }

    @Test func iidResamplesDrawFromThePooledSample() {
        // Baseline (1, 3): resample means 1, 2, 3 with probabilities 1/4, 1/2, 1/4.
        let baseline = BootstrapSide(runs: [[1, 3]], statistic: .mean)
        let candidate = BootstrapSide(runs: [[1, 1, 1]], statistic: .mean)
        let ratios = Bootstrap(replicates: 8_000, seed: 11)
            .replicateRatios(baseline: baseline, candidate: candidate, resampling: .iid)
        expectFrequencies(ratios, [1: 0.25, 2: 0.5, 3: 0.25])
    }

    @Test func hierarchicalResamplesRunsThenIterations() {
        // Runs (2, 2, 2) and (8): drawing runs AA, AB/BA, BB gives grand means 2, 14/4 = 3.5, 8 with
        // probabilities 1/4, 1/2, 1/4. (The mean of run means would give 5 instead of 3.5.)
        let baseline = BootstrapSide(runs: [[2, 2, 2], [8]], statistic: .mean)
        let candidate = BootstrapSide(runs: [[1, 1], [1]], statistic: .mean)
        let ratios = Bootstrap(replicates: 8_000, seed: 12)
            .replicateRatios(baseline: baseline, candidate: candidate, resampling: .hierarchical)
        expectFrequencies(ratios, [2: 0.25, 3.5: 0.5, 8: 0.25])

        // Runs (1, 5) and (3), median of all drawn iterations. AA (1/4): 4 draws from {1, 5},
        // median 1, 3 or 5 with probabilities 5/16, 6/16, 5/16; AB or BA (1/2): 2 draws from
        // {1, 5} and the 3, median 1, 3, 5 with 1/4, 1/2, 1/4; BB (1/4): 3. Altogether
        // P(1) = P(5) = 13/64, P(3) = 38/64.
        let median = BootstrapSide(runs: [[1, 5], [3]], statistic: .median)
        let one = BootstrapSide(runs: [[1], [1]], statistic: .median)
        let medians = Bootstrap(statistic: .median, replicates: 8_000, seed: 13)
            .replicateRatios(baseline: median, candidate: one, resampling: .hierarchical)
        expectFrequencies(medians, [1: 13.0 / 64, 3: 38.0 / 64, 5: 13.0 / 64])
    }

    @Test func hierarchicalIntervalIsWiderWhenRunsDiffer() throws {
        // Run means 80, 100, 120, ... differ far more than iterations within a run (sd 1), so
        // which runs are drawn dominates the replicate ratio; pooled iid resampling ignores it.
        var data = SimulatedTimings(seed: 5)
        let offsets: [Double] = [-20, 0, 20, -10, 10]
        let baseline = offsets.map { offset in data.normal(count: 50, mean: 100 + offset, sd: 1) }
        let candidate = offsets.map { offset in data.normal(count: 50, mean: 50 + offset / 2, sd: 0.5) }
        let bootstrap = Bootstrap(replicates: 2_000)
        let iid = try bootstrap.ratioInterval(baseline: baseline.flatMap { $0 }, candidate: candidate.flatMap { $0 })
        let hierarchical = try bootstrap.hierarchicalRatioInterval(baselineRuns: baseline, candidateRuns: candidate)
        #expect(hierarchical.resampling == .hierarchical && iid.resampling == .iid)
        #expect(hierarchical.high - hierarchical.low > 3 * (iid.high - iid.low), "iid \(iid), hierarchical \(hierarchical)")
    }

    @Test func higherConfidenceGivesAWiderInterval() throws {
        var data = SimulatedTimings(seed: 6)
        let baseline = data.normal(count: 30, mean: 10, sd: 1)
        let candidate = data.normal(count: 30, mean: 5, sd: 1)
        let narrow = try Bootstrap(replicates: 2_000, confidence: 0.8).ratioInterval(baseline: baseline, candidate: candidate)
        let wide = try Bootstrap(replicates: 2_000, confidence: 0.99).ratioInterval(baseline: baseline, candidate: candidate)
        #expect(wide.low < narrow.low && narrow.high < wide.high)
    }

    /// Coverage sanity: 95% intervals for the ratio of means of N(10, 2²) and N(5, 1²) samples of
    /// 30 cover the true ratio 2 in about 95% of 200 simulated experiments (the percentile
    /// bootstrap undercovers a little at this size); an interval built from the wrong quantiles
    /// or the wrong resampling would be far off.
    @Test func iidCoverageIsNearNominal() throws {
        var data = SimulatedTimings(seed: 7)
        var covered = 0
        let experiments = 200
        for experiment in 0..<experiments {
            let baseline = data.normal(count: 30, mean: 10, sd: 2)
            let candidate = data.normal(count: 30, mean: 5, sd: 1)
            let interval = try Bootstrap(replicates: 1_000, seed: UInt64(experiment))
                .ratioInterval(baseline: baseline, candidate: candidate)
            if interval.low <= 2 && 2 <= interval.high { covered += 1 }
        }
        let coverage = Double(covered) / Double(experiments)
        #expect(coverage >= 0.88 && coverage <= 0.99, "coverage \(coverage)")
    }

    /// With strong run effects, the hierarchical interval covers the true ratio of population
    /// means far more often than pooled iid resampling, which treats every iteration as
    /// independent (the failure Kalibera & Jones describe).
    @Test func hierarchicalCoverageBeatsIidWhenRunsDiffer() throws {
        var data = SimulatedTimings(seed: 8)
        var coveredHierarchical = 0
        var coveredIid = 0
        let experiments = 100
        for experiment in 0..<experiments {
            let baseline = data.runs(8, iterations: 10, mean: 20, between: 2, within: 0.5)
            let candidate = data.runs(8, iterations: 10, mean: 10, between: 1, within: 0.25)
            let bootstrap = Bootstrap(replicates: 400, seed: UInt64(experiment))
            let hierarchical = try bootstrap.hierarchicalRatioInterval(baselineRuns: baseline, candidateRuns: candidate)
            let iid = try bootstrap.ratioInterval(baseline: baseline.flatMap { $0 }, candidate: candidate.flatMap { $0 })
            if hierarchical.low <= 2 && 2 <= hierarchical.high { coveredHierarchical += 1 }
            if iid.low <= 2 && 2 <= iid.high { coveredIid += 1 }
        }
        #expect(coveredHierarchical >= 78, "hierarchical covered \(coveredHierarchical) of \(experiments)")
        #expect(coveredIid <= 60, "iid covered \(coveredIid) of \(experiments)")
    }

    // MARK: Validation

    @Test func rejectsInvalidInput() {
        let bootstrap = Bootstrap(replicates: 100)
        #expect(throws: StatisticsError.tooFewObservations(needed: 2, got: 1, what: "the baseline")) {
            try bootstrap.ratioInterval(baseline: [1], candidate: [1, 2])
        }
        #expect(throws: StatisticsError.nonPositive(what: "the candidate")) {
            try bootstrap.ratioInterval(baseline: [1, 2], candidate: [1, 0])
        }
        #expect(throws: StatisticsError.nonFinite(what: "the candidate")) {
            try bootstrap.ratioInterval(baseline: [1, 2], candidate: [1, .nan])
        }
        #expect(throws: StatisticsError.tooFewObservations(needed: 2, got: 1,
                                                           what: "the baseline (runs of a hierarchical bootstrap)")) {
            try bootstrap.hierarchicalRatioInterval(baselineRuns: [[1, 2, 3]], candidateRuns: [[1], [2]])
        }
        #expect(throws: StatisticsError.self) {
            try bootstrap.hierarchicalRatioInterval(baselineRuns: [[1, 2], []], candidateRuns: [[1], [2]])
        }
        #expect(throws: StatisticsError.self) {
            try Bootstrap(replicates: 0).ratioInterval(baseline: [1, 2], candidate: [1, 2])
        }
        #expect(throws: StatisticsError.self) {
            try Bootstrap(confidence: 1).ratioInterval(baseline: [1, 2], candidate: [1, 2])
        }
    }
}

/// Expects each value of `values` to be one of the keys, with about the given frequency (±0.03;
/// the standard error at 8,000 replicates is below 0.006).
/// Replicate values are compared to 12 significant digits: a replicate mean is computed on
/// scaled values, so 3.5 may come out as 3.499999999999999.
private func expectFrequencies(_ values: [Double], _ expected: [Double: Double],
                               sourceLocation: SourceLocation = #_sourceLocation) {
    var counts = [Double: Int]()
    for value in values { counts[Double(String(format: "%.12g", value)) ?? value, default: 0] += 1 }
    #expect(Set(counts.keys) == Set(expected.keys), "values seen: \(counts.keys.sorted())",
            sourceLocation: sourceLocation)
    for (value, probability) in expected {
        let frequency = Double(counts[value, default: 0]) / Double(values.count)
        #expect(abs(frequency - probability) < 0.03, "\(value): \(frequency), expected \(probability)",
                sourceLocation: sourceLocation)
    }
}
