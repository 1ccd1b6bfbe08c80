import Foundation
@testable import QEStatistics
import QETestSupport
import Testing

@Suite("ChangePointDetection (binary segmentation of per-run robust commit levels)")
struct ChangePointDetectionTests {
    static let slowRunsAndOutliers = SimulatedHistory.Noise(slowRun: 0.08, outlyingCommit: 0.01)

    @Test("a single planted change: found at its commit, direction, interval covering the ratio")
    func singleChange() throws {
        var history = SimulatedHistory(seed: 1)
        let detection = try ChangePointDetection(commits: history.commits(120, changes: [70: 1.10]))
        let change = try #require(detection.changePoints.first)
        #expect(detection.changePoints.count == 1)
        #expect(abs(change.index - 70) <= 1)
        #expect(change.ratio > 1)
        #expect(change.low <= 1.10 && 1.10 <= change.high)
        #expect(change.pValue < 1e-6)
    }

    @Test("several changes, up and down")
    func severalChanges() throws {
        var history = SimulatedHistory(seed: 2)
        let planted = [40: 1.12, 90: 0.85, 150: 1.08]
        let detection = try ChangePointDetection(commits: history.commits(200, changes: planted))
        #expect(detection.changePoints.count == 3)
        for (found, index) in zip(detection.changePoints, planted.keys.sorted()) {
            #expect(abs(found.index - index) <= 2, "\(found.index) against \(index)")
            #expect((found.ratio > 1) == (planted[index] ?? 1 > 1))
        }
    }

    @Test("a change that just landed, two and three commits after it", arguments: [2, 3])
    func justLanded(after: Int) throws {
        var found = 0
        for seed in 0..<10 {
            var history = SimulatedHistory(seed: 100 + UInt64(seed))
            let detection = try ChangePointDetection(commits: history.commits(200, changes: [200 - after: 1.10]))
            if detection.changePoints.contains(where: { abs($0.index - (200 - after)) <= 1 && $0.ratio > 1 }) { found += 1 }
        }
        #expect(found >= 9, "found \(found) of 10")
    }

    @Test("an improvement is a ratio below 1, its interval too")
    func improvement() throws {
        var history = SimulatedHistory(seed: 3)
        let detection = try ChangePointDetection(commits: history.commits(100, changes: [50: 0.8]))
        let change = try #require(detection.changePoints.first)
        #expect(change.index == 50)
        #expect(change.high < 1)
        #expect(change.low <= 0.8 && 0.8 <= change.high)
    }

    @Test("change-free histories with slow runs and outlying commits raise no alarm (30 seeds)")
    func noFalseAlarm() throws {
        for seed in 0..<30 {
            var history = SimulatedHistory(seed: 1000 + UInt64(seed))
            let commits = history.commits(200, noise: Self.slowRunsAndOutliers, outliers: [120: 1.3, 197: 1.4])
            let detection = try ChangePointDetection(commits: commits)
            #expect(detection.changePoints.isEmpty, "seed \(seed): \(detection.changePoints.map(\.index))")
        }
    }

    @Test("without the search adjustment and the outlying-commit filter, those same histories would alarm")
    func falseAlarmControlIsWhatKeepsThemQuiet() throws {
        // The strongest split of each history, tested as if it had been chosen in advance (a
        // nominal two-sided p) on the unfiltered levels: the scan without its false-alarm control.
        var alarms = 0
        for seed in 0..<30 {
            var history = SimulatedHistory(seed: 1000 + UInt64(seed))
            let commits = history.commits(200, noise: Self.slowRunsAndOutliers, outliers: [120: 1.3, 197: 1.4])
            let levels = try commits.map { try CommitLevel(runs: $0) }
            let noise = CommitNoise(commits: levels)
            let scan = LevelShiftScan(values: levels.map(\.level), variances: noise.variances, degreesOfFreedom: noise.degreesOfFreedom)
            let splits = try #require(scan.splits(0, 200))
            let strongest = splits.map { abs(scan.statistic(0, $0, 200)) }.max() ?? 0
            if 2 * GSL.normalQ(strongest) <= 0.001 { alarms += 1 }
        }
        #expect(alarms >= 10, "\(alarms) of 30")
    }

    @Test("an outlying commit (or two in a row) inside the history is not a change")
    func outlyingCommits() throws {
        var history = SimulatedHistory(seed: 4)
        let commits = history.commits(100, outliers: [30: 1.5, 60: 0.7, 61: 0.7, 97: 1.5])
        let detection = try ChangePointDetection(commits: commits)
        #expect(detection.changePoints.isEmpty)
        #expect(detection.replaced[30] && detection.replaced[60] && detection.replaced[61] && detection.replaced[97])
    }

    @Test("the p-value decides: a change kept at maxP 0.001 is dropped at a far smaller maxP")
    func pValueDecides() throws {
        var history = SimulatedHistory(seed: 5)
        let commits = history.commits(100, changes: [50: 1.04])
        let kept = try ChangePointDetection(commits: commits)
        let change = try #require(kept.changePoints.first)
        #expect(change.pValue <= 0.001 && change.pValue > 0)
        let stricter = try ChangePointDetection(commits: commits, options: .init(maxP: change.pValue / 2))
        #expect(stricter.changePoints.isEmpty)
    }

    @Test("minimum change: a 4% change is dropped at 5%, a 15% one kept")
    func minimumChange() throws {
        var history = SimulatedHistory(seed: 6)
        let commits = history.commits(150, changes: [50: 1.04, 100: 1.15])
        let all = try ChangePointDetection(commits: commits)
        #expect(all.changePoints.count == 2)
        #expect(all.changePoints.allSatisfy { abs($0.index - 50) <= 1 || abs($0.index - 100) <= 1 })
        let large = try ChangePointDetection(commits: commits, options: .init(minimumRelativeChange: 0.05))
        #expect(large.changePoints.count == 1)
        #expect(abs((large.changePoints.first?.index ?? 0) - 100) <= 1)
    }

    @Test("degenerate input: none, one commit, equal values, one run per commit")
    func degenerate() throws {
        #expect(try ChangePointDetection(commits: []).changePoints.isEmpty)
        #expect(try ChangePointDetection(commits: [[[1, 2, 3]]]).changePoints.isEmpty)
        let equal = try ChangePointDetection(commits: Array(repeating: [[5.0, 5.0], [5.0]], count: 30))
        #expect(equal.changePoints.isEmpty)
        #expect(equal.noise?.isDegenerate == true)
        // A step in otherwise constant data is found (the spread falls back to the differences' sd).
        let step = try ChangePointDetection(commits: (0..<30).map { [[$0 < 20 ? 5.0 : 6.0]] })
        #expect(step.changePoints.map(\.index) == [20])
        var history = SimulatedHistory(seed: 8)
        let single = history.commits(80, runs: 1, changes: [40: 1.2])
        #expect(try ChangePointDetection(commits: single).changePoints.map(\.index) == [40])
    }

    @Test("NaN and bad options are refused")
    func refusesBadInput() {
        #expect(throws: StatisticsError.nonFinite(what: "commit 2, run 1")) {
            try ChangePointDetection(commits: [[[1]], [[.nan]]])
        }
        #expect(throws: StatisticsError.self) { try ChangePointDetection(commits: [], options: .init(maxP: 0)) }
        #expect(throws: StatisticsError.self) { try ChangePointDetection(commits: [], options: .init(minimumRelativeChange: -1)) }
        #expect(throws: StatisticsError.self) { try ChangePointDetection(commits: [], options: .init(confidence: 1)) }
    }
}
