import Foundation
import QEStatistics
import QETestSupport
import Testing

@Suite("CommitLevel and CommitNoise (per-run robust levels, commit-to-commit noise)")
struct CommitLevelTests {
    @Test("a run's level is the median of its log times (odd and even counts)")
    func runLevel() throws {
        #expect(isClose(try CommitLevel.runLevel([3, 1, 2, 100]), (log(2.0) + log(3.0)) / 2, relative: 1e-15))
        #expect(isClose(try CommitLevel.runLevel([5, 1, 1e9]), log(5.0), relative: 1e-15))
    }

    @Test("a run's level is the same as from a sorted copy, on the stack or not (1 to 80 iterations)")
    func runLevelOfEveryLength() throws {
        var random = RandomSource(seed: 17)
        for count in 1...80 {
            var samples = (0..<count).map { _ in exp(0.1 * random.nextGaussian()) * 1e6 }
            if count > 4 { samples[count / 2] = samples[1] }  // a tie
            let sorted = samples.sorted()
            let expected = count % 2 == 1 ? log(sorted[count / 2]) : (log(sorted[count / 2 - 1]) + log(sorted[count / 2])) / 2
            #expect(try CommitLevel.runLevel(samples) == expected, "\(count) iterations")
        }
    }

    @Test("a commit's level from each run's lower and upper median is bit for bit the level from its samples (1 to 80 iterations, ties, 1 to 9 runs)")
    func levelFromRunMedians() throws {
        var random = RandomSource(seed: 23)
        for count in 1...80 {
            let runCount = 1 + count % 9
            let runs = (0..<runCount).map { run in
                var samples = (0..<count).map { _ in exp(0.05 * random.nextGaussian() + 0.01 * Double(run)) * 1e6 }
                if count > 4 && run == 0 { samples[count / 2] = samples[count / 2 - 1] }  // equal middles
                return samples
            }
            let medians = runs.map { run in
                let sorted = run.sorted()
                return CommitLevel.RunMedians(lower: sorted[(count - 1) / 2], upper: sorted[count / 2])
            }
            let fromSamples = try CommitLevel(runs: runs)
            let fromMedians = try CommitLevel(medians: medians)
            #expect(fromMedians.runLevels == fromSamples.runLevels, "\(count) iterations")
            #expect(fromMedians.level == fromSamples.level, "\(count) iterations")
        }
    }

    @Test("run medians that are not finite and positive, or no runs, are refused with the run named")
    func refusesBadRunMedians() {
        let good = CommitLevel.RunMedians(lower: 2, upper: 3)
        for bad in [CommitLevel.RunMedians(lower: 0, upper: 3), .init(lower: -1, upper: -1), .init(lower: 2, upper: .infinity),
                    .init(lower: .nan, upper: 3)] {
            #expect(bad.level == nil)
            #expect(throws: StatisticsError.nonPositive(what: "c1, run 2")) { try CommitLevel(medians: [good, bad], what: "c1") }
        }
        #expect(throws: StatisticsError.self) { try CommitLevel(medians: [], what: "c1") }
    }

    @Test("a bad time anywhere in a run, short or long, is refused with the run named", arguments: [3, 64, 65, 200])
    func refusesBadTimesAtAnyPosition(count: Int) {
        let run = [Double](repeating: 5, count: count)
        for position in [0, count / 2, count - 1] {
            var bad = run
            bad[position] = .infinity
            #expect(throws: StatisticsError.nonFinite(what: "c1, run 2")) { try CommitLevel(runs: [run, bad], what: "c1") }
            bad[position] = -1
            #expect(throws: StatisticsError.nonPositive(what: "c1, run 2")) { try CommitLevel(runs: [run, bad], what: "c1") }
        }
    }

    @Test("a commit's level trims slow runs: mean of 1–2, median of 3, middle of 4–9, ⌊K/5⌋ each side above")
    func trimmedMean() throws {
        func level(_ runLevels: [Double]) throws -> Double {
            try CommitLevel(runs: runLevels.map { [exp($0)] }).level
        }
        #expect(isClose(try level([1]), 1, relative: 1e-15))
        #expect(isClose(try level([1, 2]), 1.5, relative: 1e-15))
        #expect(isClose(try level([1, 2, 9]), 2, relative: 1e-15))
        #expect(isClose(try level([9, 1, 2, 3]), 2.5, relative: 1e-15))
        #expect(isClose(try level([1, 2, 3, 4, 50]), 3, relative: 1e-15))
        #expect(isClose(try level([1, 2, 3, 4, 5, 6, 7, 8, 9, 90]), 5.5, relative: 1e-15))
    }

    @Test("the trimmed mean's variance factor matches SciPy's evaluation and the simulation", arguments: ChangePointReference.fixture.varianceFactor)
    func varianceFactor(_ reference: ChangePointReference.VarianceFactor) {
        #expect(CommitLevel.trimmedCount(runs: reference.runs) == reference.trimmed)
        let factor = CommitLevel.varianceFactor(runs: reference.runs)
        #expect(isClose(factor, reference.asymptotic, relative: 1e-12))
        #expect(isClose(factor, reference.simulated, relative: 0.05))
    }

    @Test("bad samples are refused with the commit and run named")
    func refusesBadSamples() {
        #expect(throws: StatisticsError.nonFinite(what: "c1, run 2")) { try CommitLevel(runs: [[1], [.nan]], what: "c1") }
        #expect(throws: StatisticsError.nonPositive(what: "c1, run 1")) { try CommitLevel(runs: [[0, 1]], what: "c1") }
        #expect(throws: StatisticsError.tooFewObservations(needed: 1, got: 0, what: "c1, run 1")) { try CommitLevel(runs: [[]], what: "c1") }
        #expect(throws: StatisticsError.tooFewObservations(needed: 1, got: 0, what: "c1 (runs)")) { try CommitLevel(runs: [], what: "c1") }
    }

    @Test("noise: runs give σ_b, differences of commits give τ (equal run counts: the closed form)")
    func noise() throws {
        // Runs of each commit at level ± 0.01: pairs differ by 0.02, so σ_b = 1.4826 · 0.02 / √2.
        // Commit levels alternate 0 and 0.1: every difference is 0.1.
        let commits = try (0..<20).map { index in
            let level = index % 2 == 0 ? 0.0 : 0.1
            return try CommitLevel(runs: [[exp(level - 0.01)], [exp(level + 0.01)]])
        }
        let noise = CommitNoise(commits: commits)
        let betweenRuns = 1.4826 * 0.02 / 2.0.squareRoot()
        #expect(isClose(noise.betweenRuns ?? 0, betweenRuns, relative: 1e-9))
        let spread = 1.4826 * 0.1 / 2.0.squareRoot()
        let tau2 = spread * spread - betweenRuns * betweenRuns / 2
        #expect(isClose(noise.betweenCommits, tau2.squareRoot(), relative: 1e-9))
        #expect(isClose(noise.variances[0], tau2 + betweenRuns * betweenRuns / 2, relative: 1e-9))
    }

    @Test("noise with different run counts: a commit with one run weighs less, and the equation holds")
    func unequalRuns() throws {
        var history = SimulatedHistory(seed: 7)
        let commits = try history.commits(60).enumerated().map { index, runs in
            try CommitLevel(runs: index % 3 == 0 ? [runs[0]] : runs)
        }
        let noise = CommitNoise(commits: commits)
        #expect(noise.variances[0] > noise.variances[1])
        let differences = (0..<59).map { abs(commits[$0 + 1].level - commits[$0].level) / (noise.variances[$0] + noise.variances[$0 + 1]).squareRoot() }
        let scale = 1.4826 * (try Summary(differences)).median
        #expect(isClose(scale, 1, relative: 1e-6))
    }
}
