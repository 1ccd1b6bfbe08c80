/// Brings a PostgreSQL store's schema up to ``HistorySchema``, the same migrations SQLite gets
/// from GRDB's migrator, recorded by identifier in `history_migrations`.
///
/// Everything happens in one transaction holding a transaction-scoped advisory lock, so that
/// processes opening a new store at once apply each migration exactly once (PostgreSQL's DDL is
/// transactional: a failed migration leaves no table behind).
enum PostgresMigrator {
    /// The advisory lock's key: any fixed number that other applications of the database are
    /// unlikely to use ("qe-hist" in ASCII).
    static let lockKey: Int64 = 0x71_65_2D_68_69_73_74

    static func migrate(_ connection: some SQLConnection) throws {
        let location = connection.location
        try connection.write { session in
            try session.execute("SELECT pg_advisory_xact_lock(?)", [.integer(lockKey)])
            try session.execute("CREATE TABLE IF NOT EXISTS history_migrations (identifier TEXT PRIMARY KEY)")
            let applied = Set(try session.query("SELECT identifier FROM history_migrations").map { try $0.text(0) })
            let unknown = applied.subtracting(HistorySchema.knownIdentifiers)
            if !unknown.isEmpty { throw HistorySchema.newerSchema(location, unknown: Array(unknown)) }
            for migration in HistorySchema.migrations where !applied.contains(migration.identifier) {
                for statement in migration.statements(.postgres) { try session.execute(statement) }
                try migration.rewrite?(session, location)
                try session.execute("INSERT INTO history_migrations (identifier) VALUES (?)", [.text(migration.identifier)])
            }
        }
    }
}
