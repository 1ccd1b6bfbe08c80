import Foundation
import QEHistory
import QEHistoryTestSupport
import QEResults
import QETestSupport
import Testing

/// `qe-validate history` through the command layer, on both store backends.
@Suite("history commands")
struct HistoryCommandTests {
    @Test(arguments: StoreBackend.allCases)
    func addedFilesAreListedAsHistoryJSON(backend: StoreBackend) async throws {
        let scratch = try await HistoryScratch(backend)
        let first = try scratch.resultsFile("first.json", commit: 1, minutes: 10, seed: 1)
        let second = try scratch.resultsFile("second.json", commit: 2, minutes: 20, seed: 2)
        #expect(await scratch.history(["add", second, first, "--branch", "main"]) == 0)

        let listing = try await scratch.listing()
        #expect(listing["schema"] as? String == "qe-validate/history@1")
        #expect(Set(listing.keys) == ["schema", "series"])
        let series = try #require(listing["series"] as? [[String: Any]])
        #expect(series.map { $0["variant"] as? String } == ["baseline", "flash"])
        for entry in series {
            #expect(Set(entry.keys) == ["suite", "name", "variant", "machine", "branch", "points"])
            #expect(entry["suite"] as? String == "suite")
            #expect(entry["name"] as? String == "attention")
            #expect(entry["branch"] as? String == "main")
            let points = HistoryScratch.points(entry)
            #expect(points.map { $0["commit"] as? String } == [HistoryFixtures.commit(1), HistoryFixtures.commit(2)],
                    "points in commit-time order, whatever the order of the files")
            #expect(points.map { $0["time"] as? String } == ["2026-01-01T00:10:00Z", "2026-01-01T00:20:00Z"])
            for point in points {
                #expect(Set(point.keys) == ["commit", "time", "runs", "iterations", "median", "low", "high"])
                #expect(point["runs"] as? Int == 2)
                #expect(point["iterations"] as? Int == 10)
            }
        }
        // The median of the 10 pooled iterations of the first commit's baseline, and the 95%
        // order-statistic interval [x(2), x(9)] (qbinom(0.025, 10, 0.5) = 2).
        let samples = try ResultsFile.read(from: first).benchmarks[0].runs.flatMap(\.samples).sorted()
        // (Read with JSONDecoder: JSONSerialization on Linux rounds some doubles off by an ulp.)
        let output = scratch.directory.file("exact.json")
        #expect(await scratch.history(["list", "--format", "json", "--output", output]) == 0)
        let exact = try JSONDecoder().decode(ListedMedians.self, from: Data(contentsOf: URL(fileURLWithPath: output)))
        let point = try #require(exact.series.first?.points.first)
        #expect(point.median == (samples[4] + samples[5]) / 2)
        #expect(point.low == samples[1])
        #expect(point.high == samples[8])
    }

    @Test(arguments: StoreBackend.allCases)
    func filtersTakeBenchmarksVariantsBranchesMachinesAndTimes(backend: StoreBackend) async throws {
        let scratch = try await HistoryScratch(backend)
        let zen4 = try scratch.resultsFile("zen4.json", commit: 1, minutes: 10, seed: 1)
        let zen3 = try scratch.resultsFile("zen3.json", commit: 2, minutes: 20, seed: 2, environment: HistoryFixtures.zen3)
        let later = try scratch.resultsFile("later.json", commit: 3, minutes: 30, seed: 3)
        #expect(await scratch.history(["add", zen4, zen3, "--branch", "main"]) == 0)
        #expect(await scratch.history(["add", later, "--branch", "feature"]) == 0)

        #expect(try await scratch.series().count == 6, "2 variants × (zen4 main, zen3 main, zen4 feature)")
        #expect(try await scratch.series(["--variant", "flash"]).count == 3)
        #expect(try await scratch.series(["--benchmark", "nothing-like-it"]).isEmpty)
        #expect(try await scratch.series(["--benchmark", "nothing-like-it", "--benchmark", "attention"]).count == 6)
        #expect(try await scratch.series(["--branch", "feature"]).count == 2)
        #expect(try await scratch.series(["--machine", "avx512f"]).count == 4, "Zen 4 only")
        let since = try await scratch.series(["--since", "2026-01-01T00:15:00Z", "--branch", "main"])
        #expect(since.count == 2, "only the Zen 3 series has a point from then on")
        #expect(since.allSatisfy { HistoryScratch.points($0).count == 1 })
        let byCommit = try await scratch.series(["--since", HistoryFixtures.commit(2)])
        #expect(byCommit.flatMap(HistoryScratch.points).compactMap { $0["commit"] as? String }.sorted()
                == [HistoryFixtures.commit(2), HistoryFixtures.commit(2), HistoryFixtures.commit(3), HistoryFixtures.commit(3)])
    }

    @Test(arguments: StoreBackend.allCases)
    func addingTheSameFileTwiceChangesNothing(backend: StoreBackend) async throws {
        let scratch = try await HistoryScratch(backend)
        let file = try scratch.resultsFile("r.json", commit: 1)
        let copy = try scratch.resultsFile("copy.json", commit: 1)
        #expect(await scratch.history(["add", file, "--branch", "main"]) == 0)
        #expect(await scratch.history(["add", file, copy, "--branch", "main"]) == 0)
        let points = try await scratch.series().map(HistoryScratch.points)
        #expect(points.map(\.count) == [1, 1])
        #expect(points.flatMap { $0 }.allSatisfy { $0["runs"] as? Int == 2 }, "the runs are not recorded twice")
    }

    @Test(arguments: StoreBackend.allCases)
    func aFileWithoutACommitIsRefusedUnlessOneIsGiven(backend: StoreBackend) async throws {
        let scratch = try await HistoryScratch(backend)
        let good = try scratch.resultsFile("good.json", commit: 1, seed: 1)
        let bare = try scratch.resultsFile("bare.json", commit: nil, seed: 2)
        #expect(await scratch.history(["add", good, bare, "--branch", "main"]) == 65)
        if let path = scratch.store.sqlitePath {
            #expect(!FileManager.default.fileExists(atPath: path), "nothing was recorded, so no store was made")
        } else {
            #expect(try await scratch.series().isEmpty, "none of the files was recorded")
        }
        #expect(await scratch.history(["add", good, bare, "--branch", "main", "--commit", "abcdef1"]) == 0)
        let commits = try await scratch.series().flatMap(HistoryScratch.points).compactMap { $0["commit"] as? String }
        #expect(Set(commits) == ["abcdef1"], "--commit applies to every file of the call")
        #expect(try await scratch.series().flatMap(HistoryScratch.points).allSatisfy { $0["runs"] as? Int == 4 },
                "two files of one commit are pooled as more runs")
    }

    @Test func theBranchComesFromGitWhereTheFileIs() async throws {
        let scratch = try await HistoryScratch(.sqlite)
        let repository = scratch.directory.file("repository")
        try FileManager.default.createDirectory(atPath: repository, withIntermediateDirectories: true)
        let git = try CapturedRun.run(URL(fileURLWithPath: "/usr/bin/env"), ["git", "init", "--quiet", "-b", "perf-work", repository])
        #expect(git.status == 0)
        let file = try scratch.resultsFile("repository/r.json", commit: 1)
        let outside = try scratch.resultsFile("outside.json", commit: 2)
        #expect(await scratch.history(["add", outside]) == 65, "outside a work tree there is no branch")
        #expect(await scratch.history(["add", file]) == 0)
        #expect(try await scratch.series().map { $0["branch"] as? String } == ["perf-work", "perf-work"])
    }

    @Test(arguments: StoreBackend.allCases)
    func anotherToolsFileIsRecordedAsItsConvertedResults(backend: StoreBackend) async throws {
        let scratch = try await HistoryScratch(backend)
        let csv = try scratch.directory.write("name,variant,value\nsort,quick,1.5\nsort,quick,1.25\nsort,quick,1.75\n", to: "times.csv")
        #expect(await scratch.history(["add", csv, "--input-unit", "ms", "--commit", "1234abcd", "--branch", "main",
                                       "--time", "2026-11-26T15:00:00Z"]) == 0)
        let series = try await scratch.series()
        #expect(series.map { $0["name"] as? String } == ["sort"])
        let point = try #require(series.first.flatMap { HistoryScratch.points($0).first })
        #expect(point["median"] as? Double == 1_500_000, "milliseconds recorded as nanoseconds")
        #expect(point["time"] as? String == "2026-11-26T15:00:00Z")
        #expect(point["low"] is NSNull && point["high"] is NSNull, "3 iterations give no 95% interval")
    }

    @Test(arguments: StoreBackend.allCases)
    func anExportImportsIntoTheOtherBackendWithoutLoss(backend: StoreBackend) async throws {
        let source = try await HistoryScratch(backend)
        let target = try await HistoryScratch(backend == .sqlite ? .postgres : .sqlite)
        let files = try (1...3).map { try source.resultsFile("r\($0).json", commit: $0, minutes: $0, seed: $0) }
        #expect(await source.history(["add", "--branch", "main"] + files) == 0)
        let directory = source.directory.file("export")
        let table = source.directory.file("export.csv")
        #expect(await source.history(["export", "--out", directory]) == 0)
        #expect(await source.history(["export", "--out", table]) == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).count == 3)

        #expect(await target.history(["import", directory]) == 0)
        let original = try await source.listing()
        #expect(NSDictionary(dictionary: try await target.listing()) == NSDictionary(dictionary: original))
        #expect(await target.history(["import", table]) == 0, "the same files again, from the CSV: already recorded")
        #expect(NSDictionary(dictionary: try await target.listing()) == NSDictionary(dictionary: original))
    }

    @Test(arguments: StoreBackend.allCases)
    func anExportOfOneBenchmarkHoldsOnlyIt(backend: StoreBackend) async throws {
        let scratch = try await HistoryScratch(backend)
        #expect(await scratch.history(["add", try scratch.resultsFile("r.json", commit: 1), "--branch", "main"]) == 0)
        let directory = scratch.directory.file("flash")
        #expect(await scratch.history(["export", "--variant", "flash", "--out", directory]) == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(names.count == 1)
        let exported = try ResultsFile.read(from: directory + "/" + names[0])
        #expect(exported.benchmarks.map(\.variant) == ["flash"])
    }

    @Test(arguments: StoreBackend.allCases)
    func forgetRemovesACommitOrEverythingBeforeADate(backend: StoreBackend) async throws {
        let scratch = try await HistoryScratch(backend)
        let files = try (1...4).map { try scratch.resultsFile("r\($0).json", commit: $0, minutes: 60 * $0, seed: $0) }
        #expect(await scratch.history(["add", "--branch", "main"] + files) == 0)
        #expect(await scratch.history(["forget", "--commit", String(HistoryFixtures.commit(3).suffix(40))]) == 0)
        #expect(try await scratch.series().map { HistoryScratch.points($0).count } == [3, 3])
        #expect(await scratch.history(["forget", "--before", "2026-01-01T02:30:00Z"]) == 0)
        let left = try await scratch.series().flatMap(HistoryScratch.points).compactMap { $0["commit"] as? String }
        #expect(left == [HistoryFixtures.commit(4), HistoryFixtures.commit(4)])
        #expect(await scratch.history(["forget", "--before", "2027-01-01"]) == 0)
        #expect(try await scratch.series().isEmpty)
        #expect(await scratch.history(["forget", "--before", "2027-01-01"]) == 0, "nothing left to forget is not an error")
    }

    @Test(arguments: [
        (["forget"], Int32(64)),
        (["forget", "--commit", "abcd", "--before", "2026-01-01"], 64),
        (["forget", "--before", "last tuesday"], 64),
        (["forget", "--commit", "xyz"], 64),
        (["add"], 64),
        (["add", "r.json", "--time", "noon"], 64),
        (["add", "r.json", "--commit", "not-hex"], 64),
        (["list", "--format", "html"], 64),
        (["list", "--variant", ""], 64),
        (["export"], 64),
    ] as [([String], Int32)])
    func usageErrorsExit64(arguments: [String], status: Int32) async throws {
        let scratch = try await HistoryScratch(.sqlite)
        #expect(await scratch.history(arguments) == status)
    }

    @Test(arguments: StoreBackend.allCases)
    func anUnknownSinceIsBadData(backend: StoreBackend) async throws {
        let scratch = try await HistoryScratch(backend)
        #expect(await scratch.history(["add", try scratch.resultsFile("r.json", commit: 1), "--branch", "main"]) == 0)
        #expect(await scratch.history(["list", "--since", "no-such-revision~3"]) == 65)
        #expect(await scratch.history(["list", "--since", "deadbeef"]) == 65, "a commit the store does not hold")
    }

    @Test func aMissingOrCorruptStoreIsUnreadable() async throws {
        let scratch = try await HistoryScratch(.sqlite)
        #expect(await scratch.history(["list"]) == 66, "a store that does not exist is not made by a listing")
        #expect(await scratch.history(["forget", "--before", "2026-01-01"]) == 66)
        #expect(await scratch.history(["export", "--out", scratch.directory.file("out")]) == 66)
        let path = try #require(scratch.store.sqlitePath)
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: path))
        #expect(await scratch.history(["add", try scratch.resultsFile("r.json", commit: 1), "--branch", "main"]) == 66)
        #expect(await scratch.history(["list"]) == 66)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(repeating: 0x5A, count: 8192), "left alone")
        #expect(await scratch.history(["import", scratch.directory.file("no-such-export")]) == 66)
    }

    @Test func aWrongPasswordOrAMalformedURLIsRefused() async throws {
        let scratch = try await HistoryScratch(.sqlite)
        let file = try scratch.resultsFile("r.json", commit: 1)
        let server = try PostgresLocation(parsing: try StoreBackend.serverURL())
        let wrongURL = "postgres://\(server.user):not-the-password@\(server.host ?? "127.0.0.1"):\(server.port)/\(server.database)?sslmode=disable"
        #expect(await CommandRunner.run(["history", "add", file, "--branch", "main", "--store", wrongURL]) == 66)
        #expect(await CommandRunner.run(["history", "list", "--store", "mysql://root@db/perf"]) == 64)
        #expect(await CommandRunner.run(["history", "list", "--store", "sqlite:"]) == 64)
    }
}

/// The medians of a `history@1` listing, decoded exactly.
private struct ListedMedians: Decodable {
    struct Series: Decodable {
        var points: [Point]
    }

    struct Point: Decodable {
        var median: Double
        var low: Double?
        var high: Double?
    }

    var series: [Series]
}
