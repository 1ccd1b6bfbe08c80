import Foundation
import QEStatistics
import QEValidation
import QETestSupport
import Testing

@Suite("ChangeJudge (history detect's judge and its qe-validate/changes@1 document)")
struct ChangeJudgeTests {
    static func series(_ name: String, commits: [[[Double]]]) -> ChangeSeries {
        ChangeSeries(
            suite: "flash-attention", name: name, variant: "flash", machine: "m1", branch: "main",
            points: commits.enumerated().map { index, runs in
                ChangeSeries.Point(commit: "c\(index)", time: Date(timeIntervalSince1970: 1_700_000_000 + 3600 * Double(index)), runs: runs)
            })
    }

    @Test("series given by each run's lower and upper median are judged exactly as from their samples (even and odd iteration counts)")
    func runMediansJudgeAsSamples() throws {
        var history = SimulatedHistory(seed: 29)
        var commits = history.commits(120, changes: [50: 1.2, 100: 0.85])
        // Odd counts too: drop an iteration of every other run.
        for commit in commits.indices {
            for run in commits[commit].indices where run % 2 == 1 { commits[commit][run].removeLast() }
        }
        let fromSamples = Self.series("code-embedding", commits: commits)
        var fromMedians = fromSamples
        fromMedians.points = fromSamples.points.map { point in
            ChangeSeries.Point(commit: point.commit, time: point.time, runMedians: point.runs.map { run in
                let sorted = run.sorted()
                return .init(lower: sorted[(sorted.count - 1) / 2], upper: sorted[sorted.count / 2])
            })
        }
        let expected = try ChangeJudge().judge([fromSamples])
        #expect(expected.series.first?.changePoints.count == 2)
        #expect(try ChangeJudge().judge([fromMedians]) == expected)
    }

    @Test("a regression and an improvement: commit, previous commit, index, time, direction, ratio, p")
    func fields() throws {
        var history = SimulatedHistory(seed: 11)
        let commits = history.commits(150, changes: [60: 1.15, 110: 0.8])
        let document = try ChangeJudge().judge([Self.series("test-similarity", commits: commits)], store: "sqlite:h.sqlite")
        #expect(document.schema == "qe-validate/changes@1")
        #expect(document.store == "sqlite:h.sqlite")
        #expect(document.maxP == 0.001)
        let series = try #require(document.series.first)
        #expect(series.points.count == 150)
        #expect(series.points.map(\.commit) == (0..<150).map { "c\($0)" })
        #expect(series.segments.map(\.start) == [0, 60, 110] && series.segments.map(\.end) == [59, 109, 149])
        #expect(series.segments.map(\.firstCommit) == ["c0", "c60", "c110"])
        for segment in series.segments {
            #expect(segment.level.low < segment.level.estimate && segment.level.estimate < segment.level.high)
        }
        // The levels' ratio is the change's estimate, within the window's difference.
        let ratio = series.segments[1].level.estimate / series.segments[0].level.estimate
        #expect(abs(ratio / series.changePoints[0].change.estimate - 1) < 0.02)
        #expect(series.points.allSatisfy { $0.runs.count == 5 && $0.runs.min()! <= $0.level && $0.level <= $0.runs.max()! })
        #expect(series.name == "test-similarity" && series.variant == "flash" && series.machine == "m1" && series.branch == "main")
        #expect(series.changePoints.map(\.index) == [60, 110])
        let regression = series.changePoints[0]
        #expect(regression.commit == "c60" && regression.previousCommit == "c59")
        #expect(regression.time == Date(timeIntervalSince1970: 1_700_000_000 + 3600 * 60))
        #expect(regression.direction == .regression)
        #expect(regression.change.low <= 1.15 && 1.15 <= regression.change.high)
        #expect(regression.change.low < regression.change.estimate && regression.change.estimate < regression.change.high)
        #expect(regression.change.confidence == 0.95)
        #expect(regression.p > 0 && regression.p <= 0.001)
        let improvement = series.changePoints[1]
        #expect(improvement.direction == .improvement)
        #expect(improvement.change.high < 1)
        #expect(document.regressions().map(\.changePoint.commit) == ["c60"])
        #expect(document.regressions(since: improvement.time).isEmpty)
    }

    @Test("many series keep their order; a change-free one has no change points")
    func manySeries() throws {
        var history = SimulatedHistory(seed: 12)
        let changed = history.commits(80, changes: [40: 1.2])
        let quiet = history.commits(80)
        let document = try ChangeJudge().judge([Self.series("a", commits: changed), Self.series("b", commits: quiet)])
        #expect(document.series.map(\.name) == ["a", "b"])
        #expect(document.series[0].changePoints.map(\.index) == [40])
        #expect(document.series[1].changePoints.isEmpty)
    }

    @Test("min-change drops a small change, confidence is carried to the interval")
    func options() throws {
        var history = SimulatedHistory(seed: 13)
        let commits = history.commits(120, changes: [60: 1.04])
        let series = Self.series("x", commits: commits)
        #expect(try ChangeJudge().detect(series).changePoints.count == 1)
        #expect(try ChangeJudge(options: .init(minChange: 0.05)).detect(series).changePoints.isEmpty)
        let wide = try ChangeJudge(options: .init(confidence: 0.99)).detect(series).changePoints[0].change
        let narrow = try ChangeJudge().detect(series).changePoints[0].change
        #expect(wide.confidence == 0.99 && wide.high - wide.low > narrow.high - narrow.low)
    }

    @Test("NaN, a commit without runs and bad options are typed errors naming the series and commit")
    func errors() {
        let bad = Self.series("nan", commits: [[[1, 2]], [[.nan]]])
        #expect(throws: ChangeError.invalidSeries(series: bad.label, reason: "commit c1, run 1 contains a value that is NaN or infinite")) {
            try ChangeJudge().judge([bad])
        }
        let empty = Self.series("empty", commits: [[[1]], []])
        #expect(throws: ChangeError.self) { try ChangeJudge().judge([empty]) }
        #expect(throws: ChangeError.self) { try ChangeJudge(options: .init(maxP: 1.5)) }
        #expect(throws: ChangeError.self) { try ChangeJudge(options: .init(minChange: .nan)) }
    }

    @Test("degenerate series: none, one commit, all equal")
    func degenerate() throws {
        let document = try ChangeJudge().judge([
            Self.series("none", commits: []), Self.series("one", commits: [[[3, 4]]]),
            Self.series("equal", commits: Array(repeating: [[2, 2], [2]], count: 20)),
        ])
        #expect(document.series.map(\.points.count) == [0, 1, 20])
        #expect(document.series.map(\.segments.count) == [0, 1, 1])
        #expect(abs(document.series[2].segments[0].level.estimate - 2) < 1e-12)
        #expect(document.series.allSatisfy { $0.changePoints.isEmpty })
    }

    @Test("the document encodes the schema's keys")
    func encoding() throws {
        var history = SimulatedHistory(seed: 14)
        let document = try ChangeJudge().judge([Self.series("k", commits: history.commits(60, changes: [30: 1.3]))])
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let json = try #require(try JSONSerialization.jsonObject(with: encoder.encode(document)) as? [String: Any])
        #expect(Set(json.keys) == ["schema", "store", "series", "maxP", "minChange"])
        #expect(json["schema"] as? String == "qe-validate/changes@1")
        let series = try #require((json["series"] as? [[String: Any]])?.first)
        #expect(Set(series.keys) == ["suite", "name", "variant", "machine", "branch", "unit", "points", "changePoints", "segments"])
        let point = try #require((series["points"] as? [[String: Any]])?.first)
        #expect(Set(point.keys) == ["commit", "time", "level", "runs", "outlying"])
        #expect((series["points"] as? [Any])?.count == 60)
        let segment = try #require((series["segments"] as? [[String: Any]])?.last)
        #expect(Set(segment.keys) == ["start", "end", "firstCommit", "lastCommit", "level"])
        #expect(segment["start"] as? Int == 30 && segment["end"] as? Int == 59)
        let change = try #require((series["changePoints"] as? [[String: Any]])?.first)
        #expect(Set(change.keys) == ["commit", "previousCommit", "index", "time", "direction", "change", "p"])
        #expect(Set((change["change"] as? [String: Any])?.keys ?? [:].keys) == ["estimate", "low", "high", "confidence"])
        #expect(change["direction"] as? String == "regression")
        #expect(change["time"] as? String == "2023-11-16T04:13:20Z")
    }
}
