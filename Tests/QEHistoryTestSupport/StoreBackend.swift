import Foundation
import PostgresNIO
import QEHistory
import Testing

/// The two backends every store test runs against. PostgreSQL comes from the throwaway server
/// `scripts/test.sh` starts (its URL in `QE_VALIDATE_TEST_POSTGRES`); without it the PostgreSQL
/// cases fail, they are never skipped.
public enum StoreBackend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    public var testDescription: String { rawValue }

    /// The environment variable with the throwaway server's URL (TCP, password authentication).
    public static let serverVariable = "QE_VALIDATE_TEST_POSTGRES"
    /// The same server through its Unix socket.
    public static let socketVariable = "QE_VALIDATE_TEST_POSTGRES_SOCKET"

    /// The server's URL for the database `database` (the variable's URL names `postgres`).
    public static func serverURL(database: String? = nil, variable: String = serverVariable) throws -> String {
        guard let url = ProcessInfo.processInfo.environment[variable], !url.isEmpty else {
            throw MissingServer()
        }
        guard let database else { return url }
        let query = url.firstIndex(of: "?") ?? url.endIndex
        guard let slash = url[..<query].lastIndex(of: "/") else { return url }
        return String(url[..<slash]) + "/" + database + String(url[query...])
    }

    /// A new, empty store: a file in a scratch directory, or a new database on the server.
    public func makeStore() async throws -> ScratchStore {
        switch self {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qe-history-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            return ScratchStore(url: "sqlite:\(directory)/history.sqlite", directory: directory)
        case .postgres:
            let name = "qe_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            try await Self.administer("CREATE DATABASE \(name)")
            return ScratchStore(url: try Self.serverURL(database: name), directory: nil)
        }
    }

    /// Runs one statement on the server's `postgres` database, or on `database` (database
    /// creation cannot take a bound parameter; the names are made here, never taken from input).
    public static func administer(_ sql: String, database: String? = nil) async throws {
        let location = try PostgresLocation(parsing: try serverURL(database: database))
        let configuration = PostgresConnection.Configuration(
            host: location.host ?? "127.0.0.1", port: location.port, username: location.user,
            password: location.password, database: location.database, tls: .disable)
        var logger = Logger(label: "qe-history-tests")
        logger.logLevel = .critical
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }

    public struct MissingServer: Error, CustomStringConvertible {
        public var description: String {
            "PostgreSQL is not available to the tests: \(StoreBackend.serverVariable) is not set. Run them with scripts/test.sh (the README's test command), which starts a throwaway server."
        }
    }
}

/// A store made for one test.
public struct ScratchStore: Sendable {
    /// A store at `url` (in `directory`, for an SQLite store).
    public init(url: String, directory: String?) {
        self.url = url
        self.directory = directory
    }

    /// The store's URL, password included (for child processes).
    public var url: String
    /// The SQLite store's directory, when it is one.
    public var directory: String?

    public var location: StoreLocation {
        get throws { try StoreLocation(parsing: url) }
    }

    public func open(creating: Bool = true) async throws -> any HistoryStore {
        try await HistoryStores.open(try location, creating: creating)
    }

    /// The SQLite file's path.
    public var sqlitePath: String? {
        url.hasPrefix("sqlite:") ? String(url.dropFirst("sqlite:".count)) : nil
    }
}
