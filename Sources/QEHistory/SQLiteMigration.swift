import GRDB

/// Brings an SQLite store's schema up to ``HistorySchema`` through GRDB's `DatabaseMigrator`,
/// after refusing a store that a newer qe-validate has migrated further.
enum SQLiteMigration {
    /// The migrator with every migration of ``HistorySchema``.
    static func migrator(location: StoreLocation) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in HistorySchema.migrations {
            let statements = migration.statements(.sqlite)
            let rewrite = migration.rewrite
            migrator.registerMigration(migration.identifier) { db in
                for statement in statements { try db.execute(sql: statement) }
                try rewrite?(SQLiteSession(db: db), location)
            }
        }
        return migrator
    }

    /// Applies the migrations `queue`'s database lacks.
    ///
    /// Several processes may open a new store at once: each migration runs in an immediate
    /// transaction, but the migrator decides what to apply before taking the lock, so a process
    /// that lost the race fails on tables that now exist. It then finds the migrations complete
    /// and goes on; any other failure is thrown.
    static func migrate(_ queue: DatabaseQueue, location: StoreLocation) throws {
        let migrator = migrator(location: location)
        let applied = try queue.read { db in try migrator.appliedIdentifiers(db) }
        let unknown = applied.subtracting(HistorySchema.knownIdentifiers)
        if !unknown.isEmpty { throw HistorySchema.newerSchema(location, unknown: Array(unknown)) }
        if try queue.read({ db in try migrator.hasCompletedMigrations(db) }) { return }
        do {
            try migrator.migrate(queue)
        } catch {
            guard try queue.read({ db in try migrator.hasCompletedMigrations(db) }) else { throw error }
        }
    }
}
