import Foundation
import QEStatistics
import QETestSupport
import Testing

@Suite("PairedRunsSpeedup (t on per-run log speedups) and its per-run levels")
struct PairedRunsSpeedupTests {
    static let levels: [(String, RunLogLevel)] = [
        ("meanLog", .meanLog), ("medianLog", .medianLog), ("meanLogWithoutOutlyingIterations", .robust),
    ]

    @Test("matches the hand computation", arguments: RobustVarianceReference.fixture.paired)
    func matchesHandComputation(_ reference: RobustVarianceReference.Paired) throws {
        for (name, level) in Self.levels {
            let expected = try #require(reference.levels[name])
            for (run, value) in zip(reference.baselineRuns, expected.baselineLevels) {
                expectClose(try level.value(run), value, relative: 1e-14, "\(name): baseline level")
            }
            for (run, value) in zip(reference.candidateRuns, expected.candidateLevels) {
                expectClose(try level.value(run), value, relative: 1e-14, "\(name): candidate level")
            }
            let speedup = try PairedRunsSpeedup(
                baselineRuns: reference.baselineRuns, candidateRuns: reference.candidateRuns,
                confidence: reference.confidence, runLevel: level)
            #expect(speedup.runLevel == level)
            for (actual, value) in zip(speedup.logRatios, expected.logRatios) {
                expectClose(actual, value, relative: 1e-12, absolute: 1e-15, "\(name): log ratio")
            }
            expectClose(speedup.estimate, expected.estimate, relative: 1e-12, "\(name): estimate")
            expectClose(speedup.low, expected.low, relative: 1e-12, "\(name): low")
            expectClose(speedup.high, expected.high, relative: 1e-12, "\(name): high")
        }
    }

    @Test func defaultIsTheMeanLogOfEveryIteration() throws {
        let reference = try #require(RobustVarianceReference.fixture.paired.first)
        let byDefault = try PairedRunsSpeedup(
            baselineRuns: reference.baselineRuns, candidateRuns: reference.candidateRuns, confidence: 0.95)
        let meanLog = try PairedRunsSpeedup(
            baselineRuns: reference.baselineRuns, candidateRuns: reference.candidateRuns, confidence: 0.95, runLevel: .meanLog)
        #expect(byDefault.runLevel == .meanLog)
        #expect(byDefault.logRatios == meanLog.logRatios)
        #expect(byDefault.low == meanLog.low && byDefault.high == meanLog.high)
    }

    @Test func levelsRejectBadRuns() throws {
        for (_, level) in Self.levels {
            #expect(throws: StatisticsError.self) { try level.value([]) }
            #expect(throws: StatisticsError.self) { try level.value([1, -1]) }
            #expect(throws: StatisticsError.self) { try level.value([1, .nan]) }
            #expect(throws: StatisticsError.self) {
                try PairedRunsSpeedup(baselineRuns: [[1], [2]], candidateRuns: [[1], [0]], confidence: 0.95, runLevel: level)
            }
        }
    }

    /// Issue 19's claim-interval criterion on a seeded simulation (the full one, with 10,000
    /// experiments per row, is scripts/simulation/paired_runs_robustness.py): 5 paired runs × 30
    /// lognormal iterations (CV 3%), run effects (5%) shared by both variants, speedup 2. With 2
    /// of the 30 iterations of one variant of each run ×20, the robust interval stays within
    /// 1.5× its clean width (the simulation: 1.02×) and still covers; the mean-log interval
    /// widens about 25-fold.
    @Test func contaminatedIntervalStaysNarrowAndCovers() throws {
        var random = SimulatedTimings(seed: 1919)
        let sigma = log(1 + 0.03 * 0.03).squareRoot()
        let truth = 2.0
        let experiments = 300
        var cleanWidth = [RunLogLevel: Double]()
        var dirtyWidth = [RunLogLevel: Double]()
        var covered = [RunLogLevel: Int]()
        var coveredDirty = [RunLogLevel: Int]()
        for _ in 0..<experiments {
            var baseline: [[Double]] = []
            var candidate: [[Double]] = []
            for _ in 0..<5 {
                let shared = 0.05 * random.normal()
                baseline.append((0..<30).map { _ in exp(log(truth) + shared + sigma * random.normal()) })
                candidate.append((0..<30).map { _ in exp(shared + sigma * random.normal()) })
            }
            var dirtyBaseline = baseline
            var dirtyCandidate = candidate
            for run in 0..<5 {
                let first = random.index(below: 30)
                let second = (first + 1 + random.index(below: 29)) % 30
                if random.index(below: 2) == 0 {
                    dirtyBaseline[run][first] *= 20
                    dirtyBaseline[run][second] *= 20
                } else {
                    dirtyCandidate[run][first] *= 20
                    dirtyCandidate[run][second] *= 20
                }
            }
            for level in [RunLogLevel.meanLog, .robust] {
                let clean = try PairedRunsSpeedup(baselineRuns: baseline, candidateRuns: candidate, confidence: 0.95, runLevel: level)
                let dirty = try PairedRunsSpeedup(baselineRuns: dirtyBaseline, candidateRuns: dirtyCandidate, confidence: 0.95, runLevel: level)
                cleanWidth[level, default: 0] += log(clean.high / clean.low)
                dirtyWidth[level, default: 0] += log(dirty.high / dirty.low)
                if clean.low <= truth, truth <= clean.high { covered[level, default: 0] += 1 }
                if dirty.low <= truth, truth <= dirty.high { coveredDirty[level, default: 0] += 1 }
            }
        }
        let robustRatio = (dirtyWidth[.robust] ?? 0) / (cleanWidth[.robust] ?? 1)
        let meanLogRatio = (dirtyWidth[.meanLog] ?? 0) / (cleanWidth[.meanLog] ?? 1)
        #expect(robustRatio <= 1.5, "robust: contaminated width \(robustRatio)× the clean width")
        #expect(meanLogRatio > 10, "mean log: contaminated width \(meanLogRatio)× the clean width")
        // Clean runs flag almost nothing, so the robust level costs no width.
        #expect(isClose(cleanWidth[.robust] ?? 0, cleanWidth[.meanLog] ?? 0, relative: 0.01))
        // 300 experiments: the binomial standard error of a 95% coverage is 1.3 points.
        for (what, counts) in [("clean", covered), ("contaminated", coveredDirty)] {
            for (level, count) in counts {
                let coverage = Double(count) / Double(experiments)
                #expect(coverage >= 0.9 && coverage <= 0.99, "\(level), \(what): coverage \(coverage)")
            }
        }
    }
}
