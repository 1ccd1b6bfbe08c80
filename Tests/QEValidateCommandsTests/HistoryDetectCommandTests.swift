import Foundation
import QEHistory
import QEHistoryTestSupport
import QEResults
import QETestSupport
import Testing

/// `history detect`, `history report` and `gate --baseline history` through the command layer,
/// on both store backends, with histories whose changes are known.
@Suite("history detect, history report and the gate's history baseline")
struct HistoryDetectCommandTests {
    /// A store holding simulated histories: per (benchmark, machine), commits with `changes`.
    struct Histories {
        let directory: ScratchDirectory
        let store: ScratchStore

        init(_ backend: StoreBackend) async throws {
            directory = try ScratchDirectory()
            store = try await backend.makeStore()
        }

        /// Records `commits` commits (numbered from `first`) of benchmark `name` (variant flash) on
        /// `environment`, 5 runs × 10 iterations each, with the planted `changes` and `outliers`.
        func record(_ name: String, commits: Int, first: Int = 0, seed: UInt64, changes: [Int: Double] = [:],
                    outliers: [Int: Double] = [:], noise: SimulatedHistory.Noise = .init(),
                    environment: EnvironmentInfo = HistoryFixtures.zen4) async throws {
            var simulated = SimulatedHistory(seed: seed)
            let samples = simulated.commits(commits, noise: noise, changes: changes, outliers: outliers)
            let recordings = try samples.enumerated().map { index, runs in
                let results = ResultsFile(
                    suite: "suite", unit: .nanoseconds, environment: environment,
                    benchmarks: [Benchmark(name: name, variant: "flash", runs: runs.map { BenchmarkRun(samples: $0) })])
                return try HistoryFixtures.recording(results, commit: first + index, minutes: 10 * (first + index), source: "\(name)-\(index).json")
            }
            let history = try await store.open()
            _ = try await history.add(recordings)
            await history.close()
        }

        /// Runs `history ARGUMENTS... --store URL`.
        func run(_ arguments: [String]) async -> Int32 {
            await CommandRunner.run(arguments + ["--store", store.url])
        }

        /// `history detect --format json` with `arguments`: the exit code and the document.
        func detect(_ arguments: [String] = []) async throws -> (status: Int32, json: [String: Any]) {
            let output = directory.file("changes-\(UUID().uuidString).json")
            let status = await run(["history", "detect", "--format", "json", "--output", output] + arguments)
            let data = try Data(contentsOf: URL(fileURLWithPath: output))
            return (status, try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:])
        }

        static func series(_ json: [String: Any]) -> [[String: Any]] { json["series"] as? [[String: Any]] ?? [] }
        static func changes(_ series: [String: Any]) -> [[String: Any]] { series["changePoints"] as? [[String: Any]] ?? [] }
    }

    @Test("planted changes found at their commits; machines never mixed; the JSON's fields", arguments: StoreBackend.allCases)
    func detect(backend: StoreBackend) async throws {
        let histories = try await Histories(backend)
        try await histories.record("a", commits: 60, seed: 1, changes: [25: 1.2, 45: 0.8])
        try await histories.record("b", commits: 60, seed: 2, outliers: [30: 1.4], noise: .init(slowRun: 0.15))
        // The same benchmark on another machine, 15% slower throughout: a series of its own.
        try await histories.record("a", commits: 30, first: 100, seed: 3, changes: [0: 1.15], environment: HistoryFixtures.zen3)
        let (status, json) = try await histories.detect()
        #expect(status == 0)
        #expect(json["schema"] as? String == "qe-validate/changes@1")
        if backend == .postgres {
            let store = try #require(json["store"] as? String)
            guard case let .postgres(location) = try StoreLocation(parsing: histories.store.url), let password = location.password else {
                Issue.record("the test server's URL has no password")
                return
            }
            #expect(store.hasPrefix("postgres://") && store.contains("***") && !store.contains(":\(password)@"))
        } else {
            #expect(json["store"] as? String == histories.store.url)
        }
        let series = Histories.series(json)
        #expect(series.map { "\($0["name"]!)" } == ["a", "a", "b"])
        let machines = Set(series.compactMap { $0["machine"] as? String })
        #expect(machines.count == 2)
        let zen4 = try #require(series.first { ($0["points"] as? [Any])?.count == 60 && $0["name"] as? String == "a" })
        let zen3 = try #require(series.first { ($0["points"] as? [Any])?.count == 30 })
        #expect(Histories.changes(zen3).isEmpty, "a machine's level is not a change of another's")
        let found = Histories.changes(zen4)
        #expect(found.map { $0["index"] as? Int } == [25, 45])
        #expect(found.map { $0["direction"] as? String } == ["regression", "improvement"])
        #expect(found[0]["commit"] as? String == HistoryFixtures.commit(25))
        #expect(found[0]["previousCommit"] as? String == HistoryFixtures.commit(24))
        #expect(found[0]["time"] as? String == "2026-01-01T04:10:00Z")
        let change = try #require(found[0]["change"] as? [String: Double])
        #expect(Set(change.keys) == ["estimate", "low", "high", "confidence"])
        #expect(change["low"]! <= 1.2 && 1.2 <= change["high"]!)
        #expect((found[0]["p"] as? Double).map { $0 <= 0.001 } == true)
        #expect((zen4["segments"] as? [Any])?.count == 3)
        let quiet = try #require(series.last)
        #expect(Histories.changes(quiet).isEmpty, "an outlying commit and slow runs are not a change")
        #expect(((quiet["points"] as? [[String: Any]])?[30]["outlying"] as? Bool) == true)

        // The filter options of the history group select series.
        let onlyB = try await histories.detect(["--benchmark", "b"]).json
        #expect(Histories.series(onlyB).map { $0["name"] as? String } == ["b"])
    }

    @Test("--fail-on-regression: exit 1 after writing the output when the latest level began with a regression, or one lies after --since", arguments: StoreBackend.allCases)
    func failOnRegression(backend: StoreBackend) async throws {
        let histories = try await Histories(backend)
        // A regression that just landed (3 commits after it).
        try await histories.record("a", commits: 40, seed: 4, changes: [37: 1.25])
        let landed = try await histories.detect(["--fail-on-regression"])
        #expect(landed.status == 1)
        #expect(Histories.changes(Histories.series(landed.json)[0]).map { $0["index"] as? Int } == [37], "the output is written before the exit")
        #expect(try await histories.detect().status == 0, "without the flag, no failure")
        #expect(try await histories.detect(["--fail-on-regression", "--since", HistoryFixtures.commit(38)]).status == 0)
        #expect(try await histories.detect(["--fail-on-regression", "--since", HistoryFixtures.commit(37)]).status == 1)
        #expect(try await histories.detect(["--fail-on-regression", "--since", "2026-01-01T06:00:00Z"]).status == 1)
        #expect(try await histories.detect(["--fail-on-regression", "--since", "2026-01-01T06:20:00Z"]).status == 0)
    }

    @Test("--fail-on-regression: an old regression undone by an improvement, and a quiet history, pass", arguments: StoreBackend.allCases)
    func noFailure(backend: StoreBackend) async throws {
        let histories = try await Histories(backend)
        try await histories.record("a", commits: 60, seed: 5, changes: [20: 1.25, 40: 0.8])
        try await histories.record("b", commits: 60, seed: 6)
        let result = try await histories.detect(["--fail-on-regression"])
        #expect(result.status == 0)
        #expect(Histories.changes(Histories.series(result.json)[0]).count == 2)
        #expect(try await histories.detect(["--fail-on-regression", "--since", HistoryFixtures.commit(10)]).status == 1)
    }

    @Test("usage and input errors: --max-p out of range 64, an unknown --since commit 65, no series 66")
    func errors() async throws {
        let histories = try await Histories(.sqlite)
        try await histories.record("a", commits: 10, seed: 7)
        #expect(await histories.run(["history", "detect", "--max-p", "0"]) == 64)
        #expect(await histories.run(["history", "detect", "--max-p", "2"]) == 64)
        #expect(await histories.run(["history", "detect", "--format", "html"]) == 64)
        #expect(await histories.run(["history", "detect", "--since", "abcdef12"]) == 65)
        #expect(await histories.run(["history", "detect", "--benchmark", "nothing"]) == 66)
        #expect(await histories.run(["history", "report", "--out", histories.directory.file("site"), "--commit-url", "https://e.example/commit"]) == 64)
    }

    @Test("a run the summaries cannot vouch for (a time past nanoseconds' range) is read from its samples and refused, exit 65", arguments: StoreBackend.allCases)
    func badRunReadFromSamples(backend: StoreBackend) async throws {
        let histories = try await Histories(backend)
        let history = try await histories.store.open()
        // Its first run holds the largest double in microseconds: infinite in nanoseconds, while
        // the run's middle iterations are ordinary times.
        _ = try await history.add([try HistoryFixtures.recording(HistoryFixtures.everyField, commit: 1, minutes: 1)])
        await history.close()
        #expect(await histories.run(["history", "detect", "--format", "json", "--output", histories.directory.file("bad.json")]) == 65)
    }

    @Test("history report: an index and a page per series, change points as history detect finds them", arguments: StoreBackend.allCases)
    func report(backend: StoreBackend) async throws {
        let histories = try await Histories(backend)
        try await histories.record("a", commits: 50, seed: 8, changes: [30: 1.2])
        try await histories.record("b", commits: 50, seed: 9)
        let site = histories.directory.file("site")
        #expect(await histories.run(["history", "report", "--out", site, "--commit-url", "https://e.example/c/{sha}"]) == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site).sorted() == ["index.html", "series-1.html", "series-2.html"])
        let index = try String(contentsOfFile: site + "/index.html", encoding: .utf8)
        #expect(index.contains("<tr data-series=\"1\" data-change-points=\"1\" class=\"regressed\">"))
        #expect(index.contains("<tr data-series=\"2\" data-change-points=\"0\">"))
        let page = try String(contentsOfFile: site + "/series-1.html", encoding: .utf8)
        let commit = HistoryFixtures.commit(30)
        #expect(page.contains("<g class=\"change-point regression\" data-commit=\"\(commit)\" data-index=\"30\">"))
        #expect(page.contains("<a href=\"https://e.example/c/\(commit)\">"))
        #expect(page.components(separatedBy: "class=\"point\"").count - 1 == 250)
        #expect(!page.contains("<script"))
        // A second report of fewer series replaces the set: no page of the first is left.
        #expect(await histories.run(["history", "report", "--out", site, "--benchmark", "b"]) == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site).sorted() == ["index.html", "series-1.html"])
        #expect(try String(contentsOfFile: site + "/series-1.html", encoding: .utf8).contains("<h1>suite/b (flash)</h1>"))
    }

    @Test("gate --baseline history: a 20% slowdown fails, the same level passes, another machine has no history", arguments: StoreBackend.allCases)
    func gateAgainstHistory(backend: StoreBackend) async throws {
        let histories = try await Histories(backend)
        // An old level, then a change 12 commits before the end: the baseline is the last 10.
        try await histories.record("a", commits: 40, seed: 10, changes: [28: 1.3])
        var next = SimulatedHistory(seed: 11)
        func results(ratio: Double, environment: EnvironmentInfo = HistoryFixtures.zen4) throws -> String {
            let runs = next.commits(1, changes: [0: 1.3 * ratio])[0]
            let file = ResultsFile(suite: "suite", unit: .nanoseconds, environment: environment,
                                   benchmarks: [Benchmark(name: "a", variant: "flash", runs: runs.map { BenchmarkRun(samples: $0) })])
            let path = histories.directory.file("results-\(UUID().uuidString).json")
            try file.write(to: path)
            return path
        }
        let output = histories.directory.file("gate.json")
        #expect(await histories.run(["gate", "--baseline", "history", try results(ratio: 1.2), "--format", "json", "--output", output]) == 1)
        let gate = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as? [String: Any])
        let benchmark = try #require((gate["benchmarks"] as? [[String: Any]])?.first)
        #expect((benchmark["baseline"] as? [String: Any])?["runs"] as? Int == 50)
        #expect(await histories.run(["gate", "--baseline", "history:main", try results(ratio: 1.0)]) == 0)
        #expect(await histories.run(["gate", "--baseline", "history:main", "--history-commits", "3", try results(ratio: 1.0), "--format", "json", "--output", output]) == 0)
        let three = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as? [String: Any])
        #expect((((three["benchmarks"] as? [[String: Any]])?.first?["baseline"]) as? [String: Any])?["runs"] as? Int == 15)
        #expect(await histories.run(["gate", "--baseline", "history", try results(ratio: 1.0, environment: HistoryFixtures.zen3)]) == 66)
        #expect(await histories.run(["gate", "--baseline", "history:release", try results(ratio: 1.0)]) == 66)
        #expect(await histories.run(["gate", "--baseline", "history:", try results(ratio: 1.0)]) == 64)
        #expect(await histories.run(["gate", "--baseline", "history", "--history-commits", "0", try results(ratio: 1.0)]) == 64)
    }
}
