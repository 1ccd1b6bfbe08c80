import Foundation
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

    /// Rewrites every benchmark's run summaries in the form of schema `v1-initial` alone: five
    /// numbers a run (iterations, minimum, median, maximum, mean), without the lower and upper
    /// median that `v2-run-middle-samples` adds.
    static func packSummariesAsBeforeV2(in scratch: ScratchStore, backend: StoreBackend) async throws {
        switch backend {
        case .sqlite:
            let queue = try DatabaseQueue(path: scratch.sqlitePath ?? "")
            try await queue.write { db in
                let rows = try Row.fetchAll(db, sql: "SELECT id, run_summaries FROM benchmarks")
                for row in rows {
                    let blob: Data = row[1] ?? Data()
                    var old = Data()
                    for start in stride(from: 0, to: blob.count, by: 56) {
                        old.append(blob[(blob.startIndex + start)..<(blob.startIndex + start + 24)])
                        old.append(blob[(blob.startIndex + start + 40)..<(blob.startIndex + start + 56)])
                    }
                    try db.execute(sql: "UPDATE benchmarks SET run_summaries = ? WHERE id = ?", arguments: [old, row[0] as Int64])
                }
            }
            try queue.close()
        case .postgres:
            try await StoreBackend.administer(
                """
                UPDATE benchmarks SET run_summaries = COALESCE((
                    SELECT string_agg(substring(run_summaries FROM i * 56 + 1 FOR 24) || substring(run_summaries FROM i * 56 + 41 FOR 16), ''::bytea ORDER BY i)
                    FROM generate_series(0, length(run_summaries) / 56 - 1) AS i), ''::bytea)
                """, database: databaseName(scratch))
        }
    }

    private static func databaseName(_ scratch: ScratchStore) throws -> String {
        guard case let .postgres(location) = try scratch.location else { return "" }
        return location.database
    }
}
