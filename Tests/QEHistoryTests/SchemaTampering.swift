import GRDB
import QEHistory
import QEHistoryTestSupport

/// Makes a store look as if a newer qe-validate had migrated it, by recording (or removing) a
/// migration this version does not know, where each backend keeps the applied ones.
enum SchemaTampering {
    static func recordMigration(_ identifier: String, in scratch: ScratchStore, backend: StoreBackend) async throws {
        switch backend {
        case .sqlite:
            let queue = try DatabaseQueue(path: scratch.sqlitePath ?? "")
            try await queue.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [identifier])
            }
            try queue.close()
        case .postgres:
            try await StoreBackend.administer("INSERT INTO history_migrations (identifier) VALUES ('\(identifier)')",
                                              database: databaseName(scratch))
        }
    }

    static func forgetMigration(_ identifier: String, in scratch: ScratchStore, backend: StoreBackend) async throws {
        switch backend {
        case .sqlite:
            let queue = try DatabaseQueue(path: scratch.sqlitePath ?? "")
            try await queue.write { db in
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [identifier])
            }
            try queue.close()
        case .postgres:
            try await StoreBackend.administer("DELETE FROM history_migrations WHERE identifier = '\(identifier)'",
                                              database: databaseName(scratch))
        }
    }

    private static func databaseName(_ scratch: ScratchStore) throws -> String {
        guard case let .postgres(location) = try scratch.location else { return "" }
        return location.database
    }
}
