import Foundation
import QEHistory
import QEHistoryTestSupport
import QEResults
import Testing

/// Stores that cannot be used: one line, the right category, and nothing changed.
@Suite("Unusable stores")
struct StoreFailureTests {
    typealias F = HistoryFixtures

    @Test func aCorruptSQLiteFileIsUnreadableAndLeftAlone() async throws {
        let scratch = try await StoreBackend.sqlite.makeStore()
        let path = try #require(scratch.sqlitePath)
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try garbage.write(to: URL(fileURLWithPath: path))
        do {
            _ = try await HistoryStores.open(try scratch.location, creating: true)
            Issue.record("a corrupt file was opened")
        } catch let error as HistoryError {
            #expect(error.category == .unreadableStore)
            #expect(error.description.hasPrefix("sqlite:\(path): ") && !error.description.contains("\n"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: try #require(scratch.directory))
        #expect(leftovers == ["history.sqlite"])
    }

    @Test func aMissingSQLiteStoreIsNotCreatedForReading() async throws {
        let scratch = try await StoreBackend.sqlite.makeStore()
        await #expect(throws: HistoryError.self) { _ = try await scratch.open(creating: false) }
        #expect(!FileManager.default.fileExists(atPath: try #require(scratch.sqlitePath)))
        let store = try await scratch.open(creating: true)
        #expect(try await store.inventory().files == 0)
        await store.close()
        #expect(FileManager.default.fileExists(atPath: try #require(scratch.sqlitePath)))
    }

    @Test func aWrongPasswordIsRefusedWithoutShowingIt() async throws {
        let url = try StoreBackend.serverURL()
        guard case var .postgres(location) = try StoreLocation(parsing: url) else {
            Issue.record("not a PostgreSQL URL")
            return
        }
        location.password = "not-the-password-x7"
        do {
            _ = try await HistoryStores.open(.postgres(location), creating: true)
            Issue.record("a wrong password was accepted")
        } catch {
            #expect(error.category == .unreadableStore)
            #expect(error.description.contains("login refused"))
            #expect(!error.description.contains("not-the-password-x7") && error.description.contains(":***@"))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func anUnreachableServerIsUnreadable() async throws {
        // Port 1 on the loopback: nothing listens there, the connection is refused at once.
        let location = try StoreLocation(parsing: "postgres://user:secret-pw@127.0.0.1:1/history?sslmode=disable")
        do {
            _ = try await HistoryStores.open(location, creating: true)
            Issue.record("an unreachable server was opened")
        } catch {
            #expect(error.category == .unreadableStore)
            #expect(error.description.hasPrefix("postgres://user:***@127.0.0.1:1/history?sslmode=disable: cannot connect"))
            #expect(!error.description.contains("secret-pw"))
        }
    }

    @Test func aMissingDatabaseIsUnreadable() async throws {
        let url = try StoreBackend.serverURL(database: "no_such_database_here")
        do {
            _ = try await HistoryStores.open(try StoreLocation(parsing: url), creating: true)
            Issue.record("a missing database was opened")
        } catch {
            #expect(error.category == .unreadableStore && error.description.contains("no_such_database_here"))
        }
    }

    @Test func theUnixSocketFormConnects() async throws {
        let url = try StoreBackend.serverURL(variable: StoreBackend.socketVariable)
        let store = try await HistoryStores.open(try StoreLocation(parsing: url), creating: true)
        #expect(try await store.inventory().files >= 0)
        await store.close()
    }

    @Test(arguments: StoreBackend.allCases)
    func aSchemaFromANewerVersionIsRefusedAndLeftAlone(backend: StoreBackend) async throws {
        let scratch = try await backend.makeStore()
        let store = try await scratch.open()
        _ = try await store.add([try F.recording(F.results(seed: 70), commit: 1, minutes: 1)])
        await store.close()
        try await SchemaTampering.recordMigration("v99-from-the-future", in: scratch, backend: backend)
        do {
            _ = try await HistoryStores.open(try scratch.location, creating: true)
            Issue.record("a newer schema was opened")
        } catch let error as HistoryError {
            #expect(error.category == .unreadableStore)
            #expect(error.description.contains("newer qe-validate") && error.description.contains("v99-from-the-future"))
        }
        try await SchemaTampering.forgetMigration("v99-from-the-future", in: scratch, backend: backend)
        let reopened = try await scratch.open()
        #expect(try await reopened.inventory().files == 1)
        await reopened.close()
    }

    @Test func recordingsNeedACommitATimeAndABranch() throws {
        var results = F.results(seed: 80)
        do {
            _ = try HistoryRecording(results: results, source: "r.json", overrides: RecordingOverrides(branch: "main"))
            Issue.record("a file without a commit was accepted")
        } catch {
            #expect(error.category == .badData && error.description == "r.json: no commit: the file's environment has no gitCommit; give --commit SHA")
        }
        results.environment.gitCommit = F.commit(1)
        #expect(throws: HistoryError.self) {
            try HistoryRecording(results: results, source: "r.json", overrides: RecordingOverrides(branch: "main"))
        }
        results.createdAt = "yesterday"
        #expect(throws: HistoryError.self) {
            try HistoryRecording(results: results, source: "r.json", overrides: RecordingOverrides(branch: "main"))
        }
        results.createdAt = "2026-03-01T12:00:00Z"
        // Outside any git work tree there is no branch to take.
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("no-git-\(UUID().uuidString)/r.json").path
        #expect(throws: HistoryError.self) { try HistoryRecording(results: results, source: outside, overrides: RecordingOverrides()) }
        let recording = try HistoryRecording(results: results, source: outside, overrides: RecordingOverrides(branch: "main"))
        #expect(recording.commit == F.commit(1) && recording.time == HistoryTimestamp(iso8601: "2026-03-01T12:00:00Z"))
        let overridden = try HistoryRecording(results: results, source: outside,
                                              overrides: RecordingOverrides(commit: "ABCDEF1", branch: "x", time: F.time(minutes: 5)))
        #expect(overridden.commit == "abcdef1" && overridden.time == F.time(minutes: 5) && overridden.branch == "x")
        #expect(throws: HistoryError.self) {
            try HistoryRecording(results: results, source: "r.json", overrides: RecordingOverrides(commit: "HEAD", branch: "main"))
        }
    }

    @Test func aNULCharacterIsBadDataOnEitherBackend() {
        let results = F.results(benchmarks: [("a\u{0}b", "v")], seed: 82)
        do {
            _ = try F.recording(results, commit: 1, minutes: 1)
            Issue.record("a name with NUL was accepted")
        } catch {
            #expect(error.category == .badData && error.description.contains("benchmark a"))
        }
    }

    @Test func theBranchComesFromTheWorkTreeOfTheFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("git-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Git.run(["init", "-q", "-b", "trunk-x", directory])
        var results = F.results(seed: 81)
        results.environment.gitCommit = F.commit(2)
        results.createdAt = "2026-03-01"
        let recording = try HistoryRecording(results: results, source: directory + "/r.json", overrides: RecordingOverrides())
        #expect(recording.branch == "trunk-x")
        #expect(recording.time == HistoryTimestamp(iso8601: "2026-03-01T00:00:00Z"))
    }
}

/// Runs git for a test.
enum Git {
    static func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")) failed")
    }
}
