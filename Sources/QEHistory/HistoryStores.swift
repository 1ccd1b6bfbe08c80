import Foundation

/// Opens history stores.
public enum HistoryStores {
    /// Opens the store at `location` and brings its schema up to date.
    ///
    /// - Parameter creating: whether a missing SQLite file (and its directory) is created; pass
    ///   false for commands that only read, so that a mistyped path is an error rather than a
    ///   new empty store. A PostgreSQL database must exist; its tables are created on first use.
    /// - Throws: ``HistoryError``: unreadable store for a missing, corrupt or unreachable store,
    ///   a refused login, or a schema from a newer qe-validate.
    public static func open(_ location: StoreLocation, creating: Bool) async throws(HistoryError) -> any HistoryStore {
        let connection: any SQLConnection = try await OffPoolWork.run {
            switch location {
            case let .sqlite(path): return try SQLiteConnection(path: path, create: creating)
            case let .postgres(postgres): return try PostgresStoreConnection(postgres)
            }
        }
        return RelationalHistoryStore(connection: connection)
    }
}
