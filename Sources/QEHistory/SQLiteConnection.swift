import Foundation
import GRDB

/// The embedded SQLite backend, through GRDB: WAL (readers never wait for a writer), a busy
/// timeout (concurrent writers from several processes queue rather than fail with "database is
/// locked"), immediate write transactions (a writer takes the lock before reading, so two cannot
/// deadlock upgrading), and the schema through GRDB's `DatabaseMigrator`.
final class SQLiteConnection: SQLConnection {
    /// How long a writer waits for another process's write transaction before failing.
    static let busyTimeout: TimeInterval = 120
    /// How much of the database file SQLite maps into memory for reading (1 GiB: address space,
    /// not memory; pages are read as they are touched).
    static let mappedBytes = 1 << 30

    let location: StoreLocation
    private let path: String
    private let queue: DatabaseQueue

    /// Opens the database at `path`, creating it (and its directory) when `create` is true, and
    /// brings its schema up to date.
    /// - Throws: ``HistoryError``: unreadable store when the file is missing (and `create` is
    ///   false), not an SQLite database, corrupt, or of a newer schema.
    init(path: String, create: Bool) throws {
        self.path = path
        location = .sqlite(path: path)
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: path, isDirectory: &isDirectory)
        if isDirectory.boolValue {
            throw HistoryError(.unreadableStore, subject: location.description, detail: "is a directory, not a store")
        }
        if !exists {
            guard create else {
                throw HistoryError(.unreadableStore, subject: location.description, detail: "no such store (nothing has been recorded there)")
            }
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            do {
                try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw HistoryError(.unreadableStore, subject: location.description,
                                   detail: "cannot create the directory \(directory): \(error.localizedDescription)")
            }
        }
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.label = "qe-validate history"
        // Reads map the file rather than copying each page through read(2): `history detect`
        // reads every run summary of the store, and half its system time went to copying.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = \(Self.mappedBytes)") }
        let location = self.location
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try SQLiteMigration.migrate(queue, location: location)
        } catch {
            throw Self.translate(error, location: location)
        }
    }

    func write<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        do {
            return try queue.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(SQLiteSession(db: db))
                    return .commit
                }
                guard let result else { throw HistoryError(.internalFailure, subject: location.description, detail: "a transaction returned nothing") }
                return result
            }
        } catch let error as DatabaseError {
            throw Self.translate(error, location: location)
        }
    }

    func read<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        do {
            return try queue.read { db in try body(SQLiteSession(db: db)) }
        } catch let error as DatabaseError {
            throw Self.translate(error, location: location)
        }
    }

    func storageBytes() throws -> Int64 {
        // Checkpoint first, so that the figure is the database itself, not a log of changes.
        do {
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        } catch {
            throw Self.translate(error, location: location)
        }
        var total: Int64 = 0
        for suffix in ["", "-wal"] {
            if let size = (try? FileManager.default.attributesOfItem(atPath: path + suffix))?[.size] as? NSNumber {
                total += size.int64Value
            }
        }
        return total
    }

    func close() {
        try? queue.close()
    }

    /// `error` as a ``HistoryError``: a file that is not SQLite or is damaged makes the store
    /// unreadable; anything else is an internal failure.
    static func translate(_ error: any Error, location: StoreLocation) -> HistoryError {
        if let error = error as? HistoryError { return error }
        guard let error = error as? DatabaseError else {
            return HistoryError(.internalFailure, subject: location.description, detail: "\(error)")
        }
        let message = error.message ?? "SQLite error \(error.resultCode.rawValue)"
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return HistoryError(.unreadableStore, subject: location.description, detail: "not a readable SQLite database (\(message))")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
            return HistoryError(.unreadableStore, subject: location.description, detail: "cannot open the database (\(message))")
        default:
            return HistoryError(.internalFailure, subject: location.description, detail: "SQLite failed: \(message)")
        }
    }
}

/// A session on one GRDB connection: cached prepared statements, values bound by position.
struct SQLiteSession: SQLSession {
    let db: Database

    func execute(_ sql: String, _ arguments: [SQLValue]) throws {
        let statement = try db.cachedStatement(sql: sql)
        try statement.execute(arguments: StatementArguments(arguments.map(\.databaseValue)))
    }

    func query(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
        let statement = try db.cachedStatement(sql: sql)
        let cursor = try Row.fetchCursor(statement, arguments: StatementArguments(arguments.map(\.databaseValue)))
        let columns = statement.columnCount
        var rows: [SQLRow] = []
        while let row = try cursor.next() {
            // By index: `databaseValues` pairs each value with its column's name, which costs an
            // array of names per row.
            var values: [SQLValue] = []
            values.reserveCapacity(columns)
            for index in 0..<columns { values.append(SQLValue(row[index] as DatabaseValue)) }
            rows.append(SQLRow(values: values))
        }
        return rows
    }

    func forEachRow(_ sql: String, _ arguments: [SQLValue], _ body: (any SQLRowReading) throws -> Void) throws {
        let statement = try db.cachedStatement(sql: sql)
        let cursor = try Row.fetchCursor(statement, arguments: StatementArguments(arguments.map(\.databaseValue)))
        // The cursor steps the statement; each row is read where SQLite holds it.
        let row = SQLiteRowReader(statement: statement.sqliteStatement)
        while try cursor.next() != nil { try body(row) }
    }
}

private extension SQLValue {
    var databaseValue: DatabaseValue {
        switch self {
        case .null: return .null
        case let .integer(value): return value.databaseValue
        case let .real(value): return value.databaseValue
        case let .text(value): return value.databaseValue
        case let .blob(value): return Data(value).databaseValue
        }
    }

    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case let .int64(number): self = .integer(number)
        case let .double(number): self = .real(number)
        case let .string(text): self = .text(text)
        case let .blob(data): self = .blob([UInt8](data))
        }
    }
}
