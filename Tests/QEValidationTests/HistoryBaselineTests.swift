import Foundation
import QEResults
import QETestSupport
import QEValidation
import Testing

@Suite("The gate's history baseline: the latest commits since the last change point")
struct HistoryBaselineTests {
    static func series(_ name: String, commits: [[[Double]]]) -> ChangeSeries {
        ChangeSeries(
            suite: "flash-attention", name: name, variant: "flash", machine: "m1", branch: "main",
            points: commits.enumerated().map { index, runs in
                .init(commit: "c\(index)", time: Date(timeIntervalSince1970: 1_700_000_000 + 3600 * Double(index)), runs: runs)
            })
    }

    static let results = ResultsFile(
        suite: "flash-attention", unit: .milliseconds, environment: EnvironmentInfo(cpu: "test cpu", cores: 2),
        benchmarks: [Benchmark(name: "a", variant: "flash", runs: [BenchmarkRun(samples: [1, 1.01, 0.99])])])

    @Test("a change 4 commits before the end: only the 4 commits of the new level are taken")
    func sinceLastChange() throws {
        var history = SimulatedHistory(seed: 31)
        let series = Self.series("a", commits: history.commits(60, changes: [56: 1.3]))
        let (file, selections) = try HistoryBaseline().baseline(series: [series], for: Self.results)
        #expect(selections.map(\.commits) == [["c56", "c57", "c58", "c59"]])
        #expect(selections[0].lastChange == "c56")
        #expect(selections[0].runs == 20)
        #expect(file.benchmarks.count == 1 && file.benchmarks[0].runs.count == 20)
        #expect(file.benchmarks[0].runs[0].samples == series.points[56].runs[0])
        #expect(file.environment == Self.results.environment && file.suite == "flash-attention" && file.unit == .nanoseconds)
    }

    @Test("no change: the last N commits; --history-commits bounds them")
    func latestCommits() throws {
        var history = SimulatedHistory(seed: 32)
        let series = Self.series("a", commits: history.commits(40))
        let ten = try HistoryBaseline().baseline(series: [series], for: Self.results).selections[0]
        #expect(ten.commits == (30..<40).map { "c\($0)" } && ten.lastChange == nil && ten.runs == 50)
        let three = try HistoryBaseline(commits: 3).baseline(series: [series], for: Self.results).selections[0]
        #expect(three.commits == ["c37", "c38", "c39"])
    }

    @Test("an old change far back does not shorten the window; a series with few commits gives them all")
    func oldChangeAndShortSeries() throws {
        var history = SimulatedHistory(seed: 33)
        let old = Self.series("a", commits: history.commits(80, changes: [20: 1.3]))
        let selection = try HistoryBaseline().baseline(series: [old], for: Self.results).selections[0]
        #expect(selection.lastChange == "c20" && selection.commits.first == "c70")
        let short = Self.series("b", commits: history.commits(2))
        #expect(try HistoryBaseline().baseline(series: [short], for: Self.results).selections[0].commits == ["c0", "c1"])
    }

    @Test("the gate against a history baseline catches a 20% slowdown the history does not have")
    func gateAgainstHistory() throws {
        var history = SimulatedHistory(seed: 34)
        let series = Self.series("a", commits: history.commits(30))
        let slower = history.commits(1, changes: [0: 1.2])[0]
        let same = history.commits(1)[0]
        for (runs, expected) in [(slower, GateOverallVerdict.regression), (same, .passed)] {
            let results = ResultsFile(
                suite: "flash-attention", unit: .nanoseconds, environment: Self.results.environment,
                benchmarks: [Benchmark(name: "a", variant: "flash", runs: runs.map { BenchmarkRun(samples: $0) })])
            let baseline = try HistoryBaseline().baseline(series: [series], for: results).file
            let document = try GateJudge(options: GateOptions()).judge(baseline: .init(path: "history:main", results: baseline), results: .init(path: "r.json", results: results))
            #expect(document.verdict == expected)
            #expect(document.benchmarks[0].baseline.runs == 50)
        }
    }

    @Test("gate calibration: the history baseline's row, other rows unchanged by it")
    func calibration() throws {
        var calibration = GateCalibration(noise: BenchmarkNoise(withinRunSigma: 0.05, betweenRunSigma: 0.03))
        calibration.benchmarks = 10
        calibration.simulations = 200
        let without = try calibration.run()
        calibration.historyCommits = 10
        let with = try calibration.run()
        #expect(with.rows.filter { $0.rule != .gateHistory } == without.rows)
        let row = try #require(with.rows.first { $0.rule == .gateHistory })
        let gate = try #require(with.rows.first { $0.rule == .gate })
        #expect(row.falseFailures.fraction <= 0.05)
        #expect(row.detections.count > gate.detections.count)
    }
}
