import Foundation
import NIOSSL
import PostgresNIO

/// The PostgreSQL backend, through PostgresNIO: one connection, explicit transactions, every
/// value bound as a parameter (`$1`, `$2`, …, written `?` in the shared SQL), and the schema
/// through ``PostgresMigrator``.
///
/// Write transactions run at READ COMMITTED; two adding processes can only conflict on the same
/// rows (the same file, series or machine), which `ON CONFLICT DO NOTHING` and a fixed insertion
/// order settle; a deadlock or serialisation failure the server reports anyway is retried.
final class PostgresStoreConnection: SQLConnection {
    /// How many times a transaction the server aborted as a deadlock is run again.
    static let attempts = 5

    let location: StoreLocation
    private let connection: PostgresConnection
    private let logger: Logger

    /// Connects and brings the schema up to date.
    /// - Throws: ``HistoryError``: unreadable store when the server cannot be reached, refuses
    ///   the login, has no such database, or holds a newer schema.
    init(_ postgres: PostgresLocation) throws {
        location = .postgres(postgres)
        var logger = Logger(label: "qe-validate.history")
        logger.logLevel = .critical
        self.logger = logger
        let location = self.location
        let configuration = try Self.configuration(postgres, location: location)
        do {
            connection = try BlockingBridge.run { [logger] in
                try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
            }
        } catch {
            throw Self.translate(error, location: location, connecting: true)
        }
        do {
            try PostgresMigrator.migrate(self)
        } catch {
            close()
            throw Self.translate(error, location: location, connecting: false)
        }
    }

    func write<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        var attempt = 1
        while true {
            do {
                return try transaction(begin: "BEGIN", body)
            } catch let error as PSQLError where attempt < Self.attempts && Self.isTransient(error) {
                attempt += 1
            } catch let error as PSQLError {
                throw Self.translate(error, location: location, connecting: false)
            }
            // Any other error is the caller's own (a HistoryError, or a signal to its caller) and
            // passes through unchanged.
        }
    }

    func read<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        do {
            return try transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
        } catch let error as PSQLError {
            throw Self.translate(error, location: location, connecting: false)
        }
    }

    func storageBytes() throws -> Int64 {
        let tables = ["machines", "series", "results_files", "benchmarks", "parameters", "runs"]
        let sum = tables.map { "pg_total_relation_size('\($0)')" }.joined(separator: " + ")
        return try read { session in try session.query("SELECT CAST(\(sum) AS BIGINT)").first?.int64(0) ?? 0 }
    }

    func close() {
        let connection = self.connection
        _ = try? BlockingBridge.run { try await connection.close() }
    }

    /// A store dropped without ``close()`` (an error on the way) still closes its connection, in
    /// the background: PostgresNIO requires every connection to be closed.
    deinit {
        let connection = self.connection
        Task { try? await connection.close() }
    }

    /// BEGIN, `body`, COMMIT; ROLLBACK when `body` throws.
    private func transaction<T>(begin: String, _ body: (any SQLSession) throws -> T) throws -> T {
        let session = PostgresSession(connection: connection, logger: logger)
        try session.execute(begin)
        do {
            let result = try body(session)
            try session.execute("COMMIT")
            return result
        } catch {
            _ = try? session.execute("ROLLBACK")
            throw error
        }
    }

    private static func configuration(_ postgres: PostgresLocation, location: StoreLocation) throws -> PostgresConnection.Configuration {
        if let socket = postgres.socketPath {
            return PostgresConnection.Configuration(unixSocketPath: socket, username: postgres.user,
                                                    password: postgres.password, database: postgres.database)
        }
        let tls: PostgresConnection.Configuration.TLS
        do {
            switch postgres.sslMode {
            case .disable:
                tls = .disable
            case .prefer, .require:
                var client = TLSConfiguration.makeClientConfiguration()
                client.certificateVerification = .none  // libpq's prefer and require do not verify
                let context = try NIOSSLContext(configuration: client)
                tls = postgres.sslMode == .prefer ? .prefer(context) : .require(context)
            case .verifyCA, .verifyFull:
                var client = TLSConfiguration.makeClientConfiguration()
                client.certificateVerification = postgres.sslMode == .verifyFull ? .fullVerification : .noHostnameVerification
                tls = .require(try NIOSSLContext(configuration: client))
            }
        } catch {
            throw HistoryError(.internalFailure, subject: location.description, detail: "cannot set up TLS: \(error)")
        }
        var configuration = PostgresConnection.Configuration(
            host: postgres.host ?? "localhost", port: postgres.port, username: postgres.user,
            password: postgres.password, database: postgres.database, tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }

    /// Deadlock (40P01) and serialisation failure (40001): the transaction can run again.
    private static func isTransient(_ error: PSQLError) -> Bool {
        guard let state = error.serverInfo?[.sqlState] else { return false }
        return state == "40P01" || state == "40001"
    }

    /// `error` as a ``HistoryError``, in one line, without the password (PostgresNIO's messages
    /// do not contain it; the subject is the redacted location).
    static func translate(_ error: any Error, location: StoreLocation, connecting: Bool) -> HistoryError {
        if let error = error as? HistoryError { return error }
        guard let error = error as? PSQLError else {
            return HistoryError(connecting ? .unreadableStore : .internalFailure, subject: location.description,
                                detail: connecting ? "cannot connect: \(error)" : "\(error)")
        }
        if let info = error.serverInfo {
            let state = info[.sqlState] ?? "?"
            let message = info[.message] ?? "server error"
            // Class 28: invalid authorisation; 3D000: no such database; 08: connection exceptions.
            if state.hasPrefix("28") {
                return HistoryError(.unreadableStore, subject: location.description, detail: "login refused: \(message)")
            }
            if state == "3D000" || state.hasPrefix("08") || state == "57P03" {
                return HistoryError(.unreadableStore, subject: location.description, detail: "cannot connect: \(message)")
            }
            return HistoryError(.internalFailure, subject: location.description, detail: "PostgreSQL error \(state): \(message)")
        }
        switch error.code {
        case .connectionError, .serverClosedConnection, .sslUnsupported, .failedToAddSSLHandler,
             .unsupportedAuthMechanism, .authMechanismRequiresPassword, .saslError, .uncleanShutdown:
            let reason = error.underlying.map { "\($0)" } ?? "\(error.code)"
            let what = error.code == .authMechanismRequiresPassword ? "login refused: the server wants a password"
                : error.code == .saslError ? "login refused: \(reason)"
                : "cannot connect: \(reason)"
            return HistoryError(connecting ? .unreadableStore : .internalFailure, subject: location.description, detail: what)
        default:
            return HistoryError(.internalFailure, subject: location.description, detail: "PostgreSQL client error: \(error.code)")
        }
    }
}

/// A session on the connection: `?` placeholders numbered `$1`, `$2`, … and every value bound.
private struct PostgresSession: SQLSession {
    let connection: PostgresConnection
    let logger: Logger

    func execute(_ sql: String, _ arguments: [SQLValue]) throws {
        _ = try run(sql, arguments, keepingRows: false)
    }

    func query(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
        try run(sql, arguments, keepingRows: true)
    }

    private func run(_ sql: String, _ arguments: [SQLValue], keepingRows: Bool) throws -> [SQLRow] {
        var bindings = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch argument {
            case .null: bindings.appendNull()
            case let .integer(value): bindings.append(value)
            case let .real(value): bindings.append(value)
            case let .text(value): bindings.append(value)
            case let .blob(value): bindings.append(ByteBuffer(bytes: value))
            }
        }
        let query = PostgresQuery(unsafeSQL: Self.numberedPlaceholders(sql), binds: bindings)
        let connection = self.connection
        let logger = self.logger
        return try BlockingBridge.run {
            let sequence = try await connection.query(query, logger: logger)
            var rows: [SQLRow] = []
            for try await row in sequence where keepingRows {
                rows.append(SQLRow(values: try row.map(Self.value)))
            }
            return rows
        }
    }

    /// `?` → `$1`, `$2`, … (the shared SQL never has a `?` inside a literal).
    static func numberedPlaceholders(_ sql: String) -> String {
        var out = ""
        out.reserveCapacity(sql.utf8.count + 16)
        var number = 0
        for character in sql {
            if character == "?" {
                number += 1
                out += "$\(number)"
            } else {
                out.append(character)
            }
        }
        return out
    }

    static func value(_ cell: PostgresCell) throws -> SQLValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int8, .int4, .int2: return .integer(try cell.decode(Int64.self))
        case .float8, .float4: return .real(try cell.decode(Double.self))
        case .bytea:
            var buffer = try cell.decode(ByteBuffer.self)
            return .blob(buffer.readBytes(length: buffer.readableBytes) ?? [])
        case .bool: return .integer(try cell.decode(Bool.self) ? 1 : 0)
        default: return .text(try cell.decode(String.self))
        }
    }
}
