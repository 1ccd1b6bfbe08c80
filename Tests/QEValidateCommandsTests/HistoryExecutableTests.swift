import Foundation
import QEHistory
import QEHistoryTestSupport
import QETestSupport
import Testing

/// `qe-validate history` as a CI job runs it: what it says, where the default store is, and
/// several processes recording into one store at once.
@Suite("history from the executable", .tags(.slow), .skippedWhenFast)
struct HistoryExecutableTests {
    @Test(arguments: StoreBackend.allCases)
    func aDuplicateIsReportedAndChangesNothing(backend: StoreBackend) async throws {
        let scratch = try await HistoryScratch(backend)
        let file = try scratch.resultsFile("r.json", commit: 1)
        let first = try ExecutableTests.run(["history", "add", file, "--branch", "main", "--store", scratch.store.url])
        #expect(first.status == 0)
        #expect(first.stdout.contains("recorded \(file): commit \(HistoryFixtures.commit(1).prefix(12)) on main"))
        #expect(first.stdout.contains("1 file recorded, 0 already recorded"))
        let again = try ExecutableTests.run(["history", "add", file, "--branch", "main", "--store", scratch.store.url])
        #expect(again.status == 0)
        #expect(again.stdout.contains("already recorded \(file)"))
        #expect(again.stdout.contains("nothing changed"))
        #expect(again.stdout.contains("0 files recorded, 1 already recorded"))
    }

    @Test func aPasswordIsNeverPrinted() async throws {
        let scratch = try await HistoryScratch(.postgres)
        let file = try scratch.resultsFile("r.json", commit: 1)
        let server = try PostgresLocation(parsing: scratch.store.url)
        let password = "Sw0rdf1sh-\(UUID().uuidString.prefix(8))"
        let wrong = "postgres://\(server.user):\(password)@\(server.host ?? "127.0.0.1"):\(server.port)/\(server.database)?sslmode=disable"
        for arguments in [["history", "add", file, "--branch", "main"], ["history", "list"], ["history", "forget", "--commit", "abcd"]] {
            let run = try ExecutableTests.run(arguments + ["--store", wrong])
            #expect(run.status == 66)
            #expect(!run.stderr.contains(password) && !run.stdout.contains(password))
            #expect(run.stderr.contains("\(server.user):***@"), "the store is named, its password hidden: \(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1)
        }
        let malformed = try ExecutableTests.run(["history", "list", "--store", "postgres://ci:\(password)@db.example.org:port/perf"])
        #expect(malformed.status == 64)
        #expect(!malformed.stderr.contains(password))
        // A right password is not printed either, in what add and list say on success.
        let added = try ExecutableTests.run(["history", "add", file, "--branch", "main", "--store", scratch.store.url])
        #expect(added.status == 0)
        if let real = server.password { #expect(!added.stdout.contains(real) && !added.stderr.contains(real)) }
    }

    @Test func theDefaultStoreIsAtTheTopOfTheWorkTree() async throws {
        let scratch = try await HistoryScratch(.sqlite)
        let repository = scratch.directory.file("repository")
        let subdirectory = repository + "/results"
        try FileManager.default.createDirectory(atPath: subdirectory, withIntermediateDirectories: true)
        #expect(try CapturedRun.run(URL(fileURLWithPath: "/usr/bin/env"), ["git", "init", "--quiet", "-b", "main", repository]).status == 0)
        let file = try scratch.resultsFile("repository/results/r.json", commit: 1)
        let run = try CapturedRun.run(try ExecutableTests.executable(), ["history", "add", file], in: subdirectory)
        #expect(run.status == 0, "\(run.stderr)")
        let store = repository + "/.qe-validate/history.sqlite"
        #expect(FileManager.default.fileExists(atPath: store))
        #expect(run.stdout.contains("in sqlite:"))
        let listed = try CapturedRun.run(try ExecutableTests.executable(), ["history", "list", "--format", "csv"], in: repository)
        #expect(listed.status == 0)
        #expect(listed.stdout.split(separator: "\n").count == 3, "a header and one point per variant: \(listed.stdout)")
    }

    @Test(arguments: StoreBackend.allCases)
    func eightConcurrentAddsAllLand(backend: StoreBackend) async throws {
        let scratch = try await HistoryScratch(backend)
        let files = try (1...8).map { try scratch.resultsFile("r\($0).json", commit: $0, minutes: $0, seed: $0) }
        let executable = try ExecutableTests.executable()
        let url = scratch.store.url
        let statuses = try await withThrowingTaskGroup(of: CapturedRun.self) { group in
            for file in files {
                group.addTask { try CapturedRun.run(executable, ["history", "add", file, "--branch", "main", "--store", url]) }
            }
            return try await group.reduce(into: [CapturedRun]()) { $0.append($1) }
        }
        for run in statuses { #expect(run.status == 0, "\(run.stderr)") }
        let series = try await scratch.series()
        #expect(series.count == 2)
        #expect(series.map { HistoryScratch.points($0).count } == [8, 8], "no file lost or recorded twice")
    }
}
