import Foundation
import GRDB
import QEHistory
import QEHistoryTestSupport
import QEResults
import Testing

/// Adding, listing, loading samples, exporting and forgetting, on both backends.
@Suite("The history store")
struct HistoryStoreTests {
    typealias F = HistoryFixtures

    @Test(arguments: StoreBackend.allCases)
    func filesOfOneCommitArePooledAndPointsAreInCommitOrder(backend: StoreBackend) async throws {
        let scratch = try await backend.makeStore()
        let store = try await scratch.open()
        let first = F.results(seed: 1)
        let secondA = F.results(runs: 3, seed: 2)
        let secondB = F.results(runs: 2, seed: 3)
        // Added out of order: the series is ordered by commit time, not by when files came.
        let outcomes = try await store.add([
            try F.recording(secondA, commit: 2, minutes: 20),
            try F.recording(first, commit: 1, minutes: 10),
            try F.recording(secondB, commit: 2, minutes: 25),
        ])
        #expect(outcomes.allSatisfy { if case .added = $0 { true } else { false } })
        let series = try await store.series(matching: SeriesFilter(variant: "flash"))
        try #require(series.count == 1)
        #expect(series[0].key == HistorySeriesKey(suite: "suite", name: "attention", variant: "flash",
                                                  machine: StoredMachine(MachineIdentity(environment: F.zen4)).id, branch: "main"))
        let points = series[0].points
        #expect(points.map(\.commit) == [F.commit(1), F.commit(2)])
        #expect(points.map(\.time) == [F.time(minutes: 10), F.time(minutes: 20)])
        #expect(points.map(\.files) == [1, 2])
        #expect(points.map(\.runs.count) == [2, 5])
        #expect(points.map(\.iterations) == [10, 25])
        // Run summaries are the runs' own statistics, in nanoseconds, in recording order.
        let flash = try #require(first.benchmark(name: "attention", variant: "flash"))
        let samples = flash.runs[1].samples.sorted()
        #expect(points[0].runs[1] == RunSummary(iterations: 5, minimum: samples[0], median: samples[2],
                                                lowerMedian: samples[2], upperMedian: samples[2], maximum: samples[4],
                                                mean: samples.reduce(0, +) / 5))
        let secondRuns = try #require(secondA.benchmark(name: "attention", variant: "flash")).runs
            + (try #require(secondB.benchmark(name: "attention", variant: "flash"))).runs
        #expect(points[1].runs.map(\.maximum) == secondRuns.map { $0.samples.max() ?? 0 })
        await store.close()
    }

    @Test("each run's lower and upper median are recorded (odd and even counts, any unit), and a store of the schema before them reads the same after its migration", arguments: StoreBackend.allCases)
    func runMediansAreRecordedAndMigrated(backend: StoreBackend) async throws {
        let scratch = try await backend.makeStore()
        let store = try await scratch.open()
        let even = F.results(runs: 3, iterations: 4, seed: 5)
        _ = try await store.add([try F.recording(F.results(seed: 6), commit: 1, minutes: 1), try F.recording(even, commit: 2, minutes: 2),
                                 try F.recording(F.everyField, commit: 3, minutes: 3)])
        let before = try await store.series(matching: SeriesFilter())
        await store.close()
        let point = try #require(before.first { $0.key.name == "attention" && $0.key.variant == "flash" }?.points.first { $0.commit == F.commit(2) })
        let runs = try #require(even.benchmark(name: "attention", variant: "flash")).runs
        #expect(point.runs.map(\.lowerMedian) == runs.map { $0.samples.sorted()[1] })
        #expect(point.runs.map(\.upperMedian) == runs.map { $0.samples.sorted()[2] })
        #expect(point.runs.allSatisfy { $0.median == ($0.lowerMedian + $0.upperMedian) / 2 })
        // The first benchmark of the file in microseconds: its summaries are in nanoseconds.
        let micro = try #require(before.first { $0.key.suite == F.everyField.suite }?.points.first?.runs.first)
        let sorted = TimeUnit.microseconds.convert(try #require(F.everyField.benchmarks.first?.runs.first).samples, to: .nanoseconds).sorted()
        #expect(micro.lowerMedian == sorted[(sorted.count - 1) / 2] && micro.upperMedian == sorted[sorted.count / 2])

        // As a store recorded before the medians were: five numbers a run, the migration not applied.
        try await SchemaTampering.packSummariesAsBeforeV2(in: scratch, backend: backend)
        try await SchemaTampering.forgetMigration("v2-run-middle-samples", in: scratch, backend: backend)
        let migrated = try await scratch.open()
        #expect(try await migrated.series(matching: SeriesFilter()) == before)
        await migrated.close()
    }

    @Test(arguments: StoreBackend.allCases)
    func addingTheSameContentAgainChangesNothing(backend: StoreBackend) async throws {
        let store = try await backend.makeStore().open()
        let results = F.results(seed: 4)
        _ = try await store.add([try F.recording(results, commit: 1, minutes: 1)])
        let before = try await store.inventory()
        // The same measurements, even under another commit and from another path, are a no-op.
        let again = try await store.add([try F.recording(results, commit: 9, minutes: 99, source: "copy.json")])
        guard case let .alreadyRecorded(file, source) = try #require(again.first) else {
            Issue.record("expected alreadyRecorded, got \(again)")
            return
        }
        #expect(file.commit == F.commit(1) && source == "copy.json" && file.source == "fixture.json")
        let after = try await store.inventory()
        #expect(after.files == before.files && after.runs == before.runs && after.series == before.series)
        await store.close()
    }

    @Test(arguments: StoreBackend.allCases)
    func machinesAndBranchesNeverMix(backend: StoreBackend) async throws {
        let store = try await backend.makeStore().open()
        _ = try await store.add([
            try F.recording(F.results(seed: 5), commit: 1, minutes: 1),
            try F.recording(F.results(seed: 6, environment: F.zen3), commit: 1, minutes: 1),
            try F.recording(F.results(seed: 7), commit: 2, minutes: 2, branch: "release/1.0"),
        ])
        let series = try await store.series(matching: SeriesFilter(benchmarks: ["attention"], variant: "baseline"))
        #expect(series.count == 3)
        #expect(Set(series.map(\.key.machine)).count == 2)
        #expect(Set(series.map(\.key.branch)) == ["main", "release/1.0"])
        let zen3 = try await store.series(matching: SeriesFilter(variant: "baseline", machine: "AuthenticAMD 25/1/1"))
        #expect(zen3.count == 1 && zen3[0].machineSummary.contains("avx avx2 fma)"))
        let byID = try await store.series(matching: SeriesFilter(variant: "baseline", machine: String(zen3[0].key.machine.prefix(6))))
        #expect(byID.map(\.key) == zen3.map(\.key))
        let onRelease = try await store.series(matching: SeriesFilter(branch: "release/1.0"))
        #expect(onRelease.count == 2 && onRelease.allSatisfy { $0.points.map(\.commit) == [F.commit(2)] })
        await store.close()
    }

    @Test(arguments: StoreBackend.allCases)
    func sinceTakesADateOrACommit(backend: StoreBackend) async throws {
        let store = try await backend.makeStore().open()
        for number in 1...4 {
            _ = try await store.add([try F.recording(F.results(seed: 10 + number), commit: number, minutes: number * 60)])
        }
        let fromDate = try await store.series(matching: SeriesFilter(variant: "flash", since: .time(F.time(minutes: 120))))
        #expect(fromDate[0].points.map(\.commit) == [F.commit(2), F.commit(3), F.commit(4)])
        let fromCommit = try await store.series(matching: SeriesFilter(variant: "flash", since: .commit(String(F.commit(3).suffix(40)))))
        #expect(fromCommit[0].points.map(\.commit) == [F.commit(3), F.commit(4)])
        // "cccc" starts every commit here: ambiguous. An unknown commit is an error too.
        await #expect(throws: HistoryError.self) { try await store.series(matching: SeriesFilter(since: .commit("cccc"))) }
        do {
            _ = try await store.series(matching: SeriesFilter(since: .commit("abcdef12")))
            Issue.record("an unknown commit was accepted")
        } catch {
            #expect(error.category == .badData && error.description.contains("abcdef12"))
        }
        let later = try await store.series(matching: SeriesFilter(since: .time(F.time(minutes: 10_000))))
        #expect(later.isEmpty)
        await store.close()
    }

    @Test(arguments: StoreBackend.allCases)
    func rawSamplesComeBackExactlyInNanoseconds(backend: StoreBackend) async throws {
        let store = try await backend.makeStore().open()
        let inMilliseconds = F.results(level: 1.5, seed: 20, unit: .milliseconds)
        let inNanoseconds = F.results(level: 1_500_000, seed: 21)
        _ = try await store.add([try F.recording(inMilliseconds, commit: 1, minutes: 1),
                                 try F.recording(inNanoseconds, commit: 2, minutes: 2)])
        let key = try #require(try await store.series(matching: SeriesFilter(variant: "baseline")).first?.key)
        let samples = try await store.samples(of: key, since: nil)
        let expected = [inMilliseconds, inNanoseconds].compactMap { $0.runSamples(name: "attention", variant: "baseline", in: .nanoseconds) }
        #expect(expected.count == 2 && samples.points.map(\.runs) == expected)
        #expect(samples.points.map(\.commit) == [F.commit(1), F.commit(2)])
        let later = try await store.samples(of: key, since: .time(F.time(minutes: 2)))
        #expect(later.points.map(\.commit) == [F.commit(2)])
        await store.close()
    }

    @Test(arguments: StoreBackend.allCases)
    func samplesOfEverySeriesComeBackExactlyInSeriesOrder(backend: StoreBackend) async throws {
        let store = try await backend.makeStore().open()
        let benchmarks = [("attention", "baseline"), ("attention", "flash"), ("similarity", "baseline")]
        let first = F.results(benchmarks: benchmarks, runs: 3, seed: 40, unit: .microseconds)
        let secondA = F.results(benchmarks: benchmarks, runs: 2, iterations: 7, seed: 41)
        let secondB = F.results(benchmarks: Array(benchmarks.prefix(2)), runs: 1, seed: 42)
        let third = F.results(benchmarks: [("similarity", "baseline")], runs: 4, seed: 43, unit: .milliseconds)
        _ = try await store.add([try F.recording(secondB, commit: 2, minutes: 25), try F.recording(first, commit: 1, minutes: 10),
                                 try F.recording(third, commit: 3, minutes: 30), try F.recording(secondA, commit: 2, minutes: 20)])
        let all = try await store.samples(matching: SeriesFilter())
        #expect(all.map(\.key) == (try await store.series(matching: SeriesFilter())).map(\.key))
        for series in all {
            // Files of one commit pooled in time order, every sample in nanoseconds, exactly.
            let byCommit: [(Int, [ResultsFile])] = [(1, [first]), (2, [secondA, secondB]), (3, [third])]
            let expected = byCommit.compactMap { commit, files -> SeriesSamples.Point? in
                let runs = files.compactMap { $0.runSamples(name: series.key.name, variant: series.key.variant, in: .nanoseconds) }.flatMap { $0 }
                return runs.isEmpty ? nil : SeriesSamples.Point(commit: F.commit(commit), time: F.time(minutes: [1: 10, 2: 20, 3: 30][commit] ?? 0), runs: runs)
            }
            #expect(series.points == expected, "\(series.key.name) (\(series.key.variant))")
        }
        // From a time on: earlier commits are left out, and so are series with nothing left.
        let later = try await store.samples(matching: SeriesFilter(since: .time(F.time(minutes: 30))))
        #expect(later.map(\.key.name) == ["similarity"] && later[0].points.map(\.commit) == [F.commit(3)])
        #expect(later[0].points[0].runs == third.runSamples(name: "similarity", variant: "baseline", in: .nanoseconds))
        await store.close()
    }

    @Test(arguments: StoreBackend.allCases)
    func aDamagedSampleBlobMakesTheStoreUnreadable(backend: StoreBackend) async throws {
        let scratch = try await backend.makeStore()
        let store = try await scratch.open()
        _ = try await store.add([try F.recording(F.results(benchmarks: [("attention", "baseline")], seed: 50), commit: 1, minutes: 1)])
        await store.close()
        // Seven bytes: not a whole number of samples.
        switch backend {
        case .sqlite:
            let queue = try DatabaseQueue(path: scratch.sqlitePath ?? "")
            try await queue.write { db in try db.execute(sql: "UPDATE runs SET samples = x'01020304050607'") }
            try queue.close()
        case .postgres:
            guard case let .postgres(location) = try scratch.location else { return }
            try await StoreBackend.administer("UPDATE runs SET samples = '\\x01020304050607'::bytea", database: location.database)
        }
        let reopened = try await scratch.open()
        do {
            _ = try await reopened.samples(matching: SeriesFilter())
            Issue.record("a damaged blob was read")
        } catch {
            #expect(error.category == .unreadableStore && error.description.contains("a run of attention (baseline) is damaged"))
        }
        await reopened.close()
    }

    @Test(arguments: StoreBackend.allCases)
    func exportedFilesAreTheFilesThatWereAdded(backend: StoreBackend) async throws {
        let store = try await backend.makeStore().open()
        let plain = F.results(seed: 30)
        _ = try await store.add([try F.recording(F.everyField, commit: 5, minutes: 50, branch: "feature/ü"),
                                 try F.recording(plain, commit: 4, minutes: 40)])
        let exported = try await store.recordedResults(matching: SeriesFilter())
        #expect(exported.map(\.results) == [plain, F.everyField])
        #expect(exported.map(\.commit) == [F.commit(4), F.commit(5)])
        #expect(exported.map(\.branch) == ["main", "feature/ü"])
        #expect(exported.map(\.time) == [F.time(minutes: 40), F.time(minutes: 50)])
        // A filter on benchmarks takes only those benchmarks, from the files that have them.
        let flashOnly = try await store.recordedResults(matching: SeriesFilter(variant: "flash", branch: "feature/ü"))
        #expect(flashOnly.count == 1 && flashOnly[0].results.benchmarks.map(\.variant) == ["flash"])
        #expect(flashOnly[0].results.benchmarks[0] == F.everyField.benchmarks[1])
        await store.close()
    }

    @Test(arguments: StoreBackend.allCases)
    func aStoreMovesToTheOtherBackendWithoutLoss(backend: StoreBackend) async throws {
        let source = try await backend.makeStore().open()
        _ = try await source.add([
            try F.recording(F.everyField, commit: 5, minutes: 50),
            try F.recording(F.results(seed: 31, environment: F.zen3), commit: 6, minutes: 60, branch: "dev"),
            try F.recording(F.results(seed: 32), commit: 6, minutes: 61, branch: "dev"),
        ])
        let other: StoreBackend = backend == .sqlite ? .postgres : .sqlite
        let target = try await other.makeStore().open()
        let exported = try await source.recordedResults(matching: SeriesFilter())
        _ = try await target.add(try exported.map { try $0.recording(source: "export") })
        #expect(try await target.recordedResults(matching: SeriesFilter()) == exported)
        #expect(try await target.series(matching: SeriesFilter()) == (try await source.series(matching: SeriesFilter())))
        var sourceCounts = try await source.inventory()
        var targetCounts = try await target.inventory()
        sourceCounts.storageBytes = 0  // the backends store differently; the contents are the same
        targetCounts.storageBytes = 0
        #expect(sourceCounts == targetCounts)
        // Importing the export into the store it came from adds nothing.
        let again = try await source.add(try exported.map { try $0.recording(source: "export") })
        #expect(again.allSatisfy { if case .alreadyRecorded = $0 { true } else { false } })
        await source.close()
        await target.close()
    }

    @Test(arguments: StoreBackend.allCases)
    func forgettingACommitRemovesItsFilesAndEmptySeries(backend: StoreBackend) async throws {
        let store = try await backend.makeStore().open()
        _ = try await store.add([
            try F.recording(F.results(seed: 40), commit: 1, minutes: 1),
            try F.recording(F.results(seed: 41), commit: 2, minutes: 2),
            try F.recording(F.results(seed: 42), commit: 2, minutes: 3),
            try F.recording(F.results(seed: 43, environment: F.zen3), commit: 2, minutes: 3),
        ])
        let report = try await store.forget(.commit(F.commit(2)))
        #expect(report.files.map(\.commit) == Array(repeating: F.commit(2), count: 3))
        #expect(report.runs == 12 && report.samples == 60)
        #expect(report.series == 2 && report.machines == 1)  // the zen3 series and machine are gone
        let left = try await store.inventory()
        #expect(left.files == 1 && left.series == 2 && left.machines == 1 && left.runs == 4)
        let series = try await store.series(matching: SeriesFilter())
        #expect(series.allSatisfy { $0.points.map(\.commit) == [F.commit(1)] })
        await store.close()
    }

    @Test(arguments: StoreBackend.allCases)
    func forgettingBeforeADateKeepsLaterCommits(backend: StoreBackend) async throws {
        let store = try await backend.makeStore().open()
        for number in 1...5 {
            _ = try await store.add([try F.recording(F.results(seed: 50 + number), commit: number, minutes: number)])
        }
        let report = try await store.forget(.before(F.time(minutes: 3)))
        #expect(report.files.map(\.commit) == [F.commit(1), F.commit(2)])
        #expect(report.series == 0 && report.machines == 0)
        let commits = try await store.series(matching: SeriesFilter(variant: "flash"))[0].points.map(\.commit)
        #expect(commits == [F.commit(3), F.commit(4), F.commit(5)])
        let nothing = try await store.forget(.before(F.time(minutes: 0)))
        #expect(nothing.files.isEmpty)
        await store.close()
    }

    @Test(arguments: StoreBackend.allCases)
    func awkwardNamesRoundTrip(backend: StoreBackend) async throws {
        let store = try await backend.makeStore().open()
        let names = [
            "it's \"quoted\"", "a; DROP TABLE runs; --", "Robert'); DELETE FROM series;--", "日本語 ☃ émoji 🧪",
            String(repeating: "long-name-é", count: 1000), "?", "$1", "%_\\",
        ]
        let benchmarks = names.map { ($0, "v'; --") }
        let results = F.results(benchmarks: benchmarks, seed: 60, suite: String(repeating: "s'", count: 5000))
        _ = try await store.add([try F.recording(results, commit: 1, minutes: 1, branch: "b'; --\u{1F}é")])
        let series = try await store.series(matching: SeriesFilter(benchmarks: names))
        #expect(Set(series.map(\.key.name)) == Set(names))
        #expect(series.allSatisfy { $0.key.variant == "v'; --" && $0.key.branch == "b'; --\u{1F}é" && $0.points.count == 1 })
        #expect(try await store.recordedResults(matching: SeriesFilter()).map(\.results) == [results])
        let one = try #require(series.first { $0.key.name == names[1] })
        #expect(try await store.samples(of: one.key, since: nil).points[0].runs
            == results.runSamples(name: names[1], variant: "v'; --", in: .nanoseconds))
        let inventory = try await store.inventory()
        #expect(inventory.series == names.count && inventory.files == 1)
        await store.close()
    }
}
