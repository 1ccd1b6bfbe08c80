/// Statements run inside one transaction of an ``SQLConnection``. SQL is written with `?`
/// placeholders and values are always bound, never spliced into the text.
protocol SQLSession {
    /// Runs a statement that returns no rows.
    func execute(_ sql: String, _ arguments: [SQLValue]) throws
    /// Runs a query and returns every row.
    func query(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow]
    /// Runs a query and hands each row to `body` as it is read. The row is valid only during
    /// the call: a backend may read it in place, without copying its values (SQLite reads blobs
    /// where they lie).
    func forEachRow(_ sql: String, _ arguments: [SQLValue], _ body: (any SQLRowReading) throws -> Void) throws
}

extension SQLSession {
    func execute(_ sql: String) throws { try execute(sql, []) }
    func query(_ sql: String) throws -> [SQLRow] { try query(sql, []) }

    /// Every row of ``query(_:_:)``, one at a time.
    func forEachRow(_ sql: String, _ arguments: [SQLValue], _ body: (any SQLRowReading) throws -> Void) throws {
        for row in try query(sql, arguments) { try body(row) }
    }
}

/// Typed access to the row a query is reading, failing (as an internal error) when a column
/// does not hold what the schema says it holds.
protocol SQLRowReading {
    func int64(_ column: Int) throws -> Int64
    func text(_ column: Int) throws -> String
    /// The bytes of a blob column (none for NULL: SQLite reads an empty blob back as NULL),
    /// valid only during `body`.
    func withBlob<T>(_ column: Int, _ body: (UnsafeRawBufferPointer) throws -> T) throws -> T
}

/// One open, migrated database, SQLite or PostgreSQL, behind the operations the history store
/// needs. Calls block the calling thread (the store runs them off Swift's cooperative pool).
protocol SQLConnection: AnyObject, Sendable {
    /// The store's location, for messages.
    var location: StoreLocation { get }
    /// Runs `body` in one write transaction: committed when it returns, rolled back when it
    /// throws (or the process dies), so that a failed change leaves nothing behind. The
    /// backend's own errors come out as ``HistoryError``s; an error `body` throws comes out
    /// unchanged.
    func write<T>(_ body: (any SQLSession) throws -> T) throws -> T
    /// Runs `body` in a read transaction (one consistent snapshot).
    func read<T>(_ body: (any SQLSession) throws -> T) throws -> T
    /// The space the store's tables and indexes take, in bytes.
    func storageBytes() throws -> Int64
    /// Closes the connection.
    func close()
}
