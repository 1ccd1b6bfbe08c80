import Foundation
import QEHistory
import Testing

@Suite("Store locations")
struct StoreLocationTests {
    @Test func sqliteLocations() throws {
        #expect(try StoreLocation(parsing: "sqlite:.qe-validate/history.sqlite") == .sqlite(path: ".qe-validate/history.sqlite"))
        #expect(try StoreLocation(parsing: "sqlite:/tmp/a b.sqlite").description == "sqlite:/tmp/a b.sqlite")
        #expect(throws: HistoryError.self) { try StoreLocation(parsing: "sqlite:") }
    }

    @Test func postgresURLs() throws {
        let full = try PostgresLocation(parsing: "postgres://ci%40team:p%3Ass%2Fw@db.example.org:6543/perf%20history?sslmode=verify-full")
        #expect(full.user == "ci@team" && full.password == "p:ss/w" && full.host == "db.example.org" && full.port == 6543)
        #expect(full.database == "perf history" && full.sslMode == .verifyFull && full.socketPath == nil)
        #expect(full.description == "postgres://ci%40team:***@db.example.org:6543/perf%20history?sslmode=verify-full")

        let plain = try PostgresLocation(parsing: "postgresql://qe@localhost/history")
        #expect(plain.password == nil && plain.port == 5432 && plain.sslMode == .prefer)
        #expect(plain.description == "postgres://qe@localhost:5432/history")

        let ipv6 = try PostgresLocation(parsing: "postgres://qe:pw@[::1]:5433/h")
        #expect(ipv6.host == "::1" && ipv6.port == 5433 && ipv6.description == "postgres://qe:***@[::1]:5433/h")

        let socket = try PostgresLocation(parsing: "postgres://qe:pw@:5444/h?host=/run/postgresql")
        #expect(socket.host == nil && socket.socketPath == "/run/postgresql/.s.PGSQL.5444")
        #expect(socket.description == "postgres://qe:***@:5444/h?host=/run/postgresql")
    }

    @Test(arguments: [
        "postgres://localhost/db",                       // no user
        "postgres://u:pw@host",                          // no database
        "postgres://u:pw@host:99999/db",                 // bad port
        "postgres://u:pw@host/db?sslmode=maybe",         // unknown mode
        "postgres://u:pw@host/db?host=/tmp",             // host twice
        "postgres://u:pw@/db",                           // no host at all
        "postgres://u:pw@host/db?options=-c%20x",        // unknown parameter
        "postgres://u:p%zzw@host/db",                    // malformed escape
        "mysql://u:pw@host/db",
    ])
    func malformedURLsAreRefusedWithoutTheirPassword(url: String) {
        do {
            _ = try StoreLocation(parsing: url)
            Issue.record("\(url) was accepted")
        } catch {
            #expect(error.category == .badLocation)
            #expect(!error.description.contains(":pw@") && !error.description.contains("p%zzw"), "\(error)")
        }
    }

    @Test func thePasswordIsHiddenEvenWhenTheURLIsNotUnderstood() {
        do {
            _ = try StoreLocation(parsing: "postgres://me:s3cr/et@host")
            Issue.record("accepted")
        } catch {
            #expect(!error.description.contains("s3cr") && error.description.contains("postgres://me:***@host"))
        }
    }

    @Test func theOptionWinsThenTheEnvironmentThenTheWorkTree() throws {
        let environment = [StoreLocation.environmentVariable: "sqlite:/from/env.sqlite"]
        #expect(try StoreLocation.resolve(option: "sqlite:/from/option", environment: environment, workingDirectory: "/")
            == .sqlite(path: "/from/option"))
        #expect(try StoreLocation.resolve(option: nil, environment: environment, workingDirectory: "/") == .sqlite(path: "/from/env.sqlite"))
        // This test file is inside the project's work tree.
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
        guard case let .sqlite(path) = try StoreLocation.resolve(option: nil, environment: [:], workingDirectory: here) else {
            Issue.record("the default is not SQLite")
            return
        }
        #expect(path.hasSuffix("/.qe-validate/history.sqlite") && !path.contains("/Tests/"))
        let outside = FileManager.default.temporaryDirectory.path
        #expect(throws: HistoryError.self) { try StoreLocation.resolve(option: nil, environment: [:], workingDirectory: outside) }
    }
}

@Suite("History timestamps")
struct HistoryTimestampTests {
    @Test(arguments: [
        ("2026-11-26T15:00:00Z", 1_795_705_200_000_000 as Int64),
        ("2026-11-26T16:00:00+01:00", 1_795_705_200_000_000),
        ("2026-11-26", 1_795_651_200_000_000),
        ("2026-11-26T15:00:00.5Z", 1_795_705_200_500_000),
        ("2026-11-26T15:00:00.123456789Z", 1_795_705_200_123_456),
        ("1969-12-31T23:59:59.25Z", -750_000),
    ])
    func parses(text: String, microseconds: Int64) throws {
        let time = try #require(HistoryTimestamp(iso8601: text))
        #expect(time.microsecondsSinceEpoch == microseconds)
        #expect(HistoryTimestamp(iso8601: time.description) == time)
    }

    @Test func formats() {
        #expect(HistoryTimestamp(microsecondsSinceEpoch: 1_795_705_200_000_000).description == "2026-11-26T15:00:00Z")
        #expect(HistoryTimestamp(microsecondsSinceEpoch: 1_795_705_200_000_120).description == "2026-11-26T15:00:00.000120Z")
        #expect(HistoryTimestamp(microsecondsSinceEpoch: -750_000).description == "1969-12-31T23:59:59.250000Z")
    }

    @Test(arguments: ["yesterday", "2026-13-01", "2026-11-26T25:00:00Z", "", "2026-11-26T15:00:00.Z"])
    func refuses(text: String) {
        #expect(HistoryTimestamp(iso8601: text) == nil)
    }
}

@Suite("--since")
struct HistorySinceTests {
    let git = GitWorkTree(directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent().path)

    @Test func aDateATimeACommitOrARevision() throws {
        #expect(try HistorySince.parse("2026-01-02", git: git) == .time(try #require(HistoryTimestamp(iso8601: "2026-01-02T00:00:00Z"))))
        #expect(try HistorySince.parse("ABCDEF12", git: git) == .commit("abcdef12"))
        // A revision git knows (this file is in the project's work tree).
        guard case let .commit(head) = try HistorySince.parse("HEAD", git: git) else {
            Issue.record("HEAD is not a commit")
            return
        }
        #expect(head.count == 40 && head.allSatisfy(\.isHexDigit))
        #expect(throws: HistoryError.self) { try HistorySince.parse("no-such-revision-here", git: git) }
        #expect(throws: HistoryError.self) { try HistorySince.parse("--output=x", git: git) }
    }
}
