/// The history store's schema, as an ordered list of named migrations that both backends apply
/// the same way: SQLite through GRDB's `DatabaseMigrator` (which records them in
/// `grdb_migrations`), PostgreSQL through ``PostgresMigrator`` (in `history_migrations`).
///
/// A migration, once released, never changes: a schema change is a new migration appended to
/// ``migrations``. A store that has applied a migration this list does not know was written by a
/// newer qe-validate, and is refused rather than misread.
///
/// Tables:
/// - `machines`: one row per kind of machine (``StoredMachine``).
/// - `series`: one row per (suite, name, variant, machine, branch), unique by a digest of the
///   five (names may be longer than an index entry allows).
/// - `results_files`: one row per recorded file, unique by content digest, with its commit, time,
///   branch, machine, the file's own fields and environment, and its counts.
/// - `benchmarks`: one row per benchmark of a file, pointing at its series, with the summary of
///   each of its runs packed in one blob (``RunSummary/pack(_:)``), so that listing a series reads
///   one row per commit and no samples (and judging one needs no sample either: a run's level is
///   the median of its log times, which its lower and upper medians give); `parameters` holds
///   its parameters, one row each (a number, a text or a
///   boolean flag).
/// - `runs`: one row per run, with its raw samples and warm-up times as little-endian float64
///   blobs in the file's unit.
enum HistorySchema {
    /// One schema change.
    struct Migration: Sendable {
        /// The name it is recorded under; never reused or renamed.
        let identifier: String
        /// Its statements in the given dialect.
        let statements: @Sendable (SQLDialect) -> [String]
        /// What it does to the rows already stored, after its statements, in the same
        /// transaction (computed in Swift, the same on both backends).
        var rewrite: (@Sendable (any SQLSession, StoreLocation) throws -> Void)?
    }

    /// Every migration, oldest first.
    static let migrations: [Migration] = [
        Migration(identifier: "v1-initial", statements: initial),
        Migration(identifier: "v2-run-middle-samples", statements: { _ in [] }, rewrite: RunSummaryRewrite.rewriteAll),
    ]

    /// Migration identifiers this version knows.
    static var knownIdentifiers: Set<String> { Set(migrations.map(\.identifier)) }

    private static func initial(_ dialect: SQLDialect) -> [String] {
        let key = dialect.identityPrimaryKey
        let double = dialect.double
        let blob = dialect.blob
        return [
            """
            CREATE TABLE machines (
                id TEXT PRIMARY KEY,
                canonical_key TEXT NOT NULL,
                summary TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE series (
                id \(key),
                key_digest TEXT NOT NULL UNIQUE,
                suite TEXT NOT NULL,
                name TEXT NOT NULL,
                variant TEXT NOT NULL,
                machine_id TEXT NOT NULL REFERENCES machines (id),
                branch TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE results_files (
                id \(key),
                digest TEXT NOT NULL UNIQUE,
                commit_id TEXT NOT NULL,
                commit_time BIGINT NOT NULL,
                branch TEXT NOT NULL,
                machine_id TEXT NOT NULL REFERENCES machines (id),
                source TEXT,
                recorded_at BIGINT NOT NULL,
                suite TEXT NOT NULL,
                unit TEXT NOT NULL,
                created_at TEXT,
                outputs_verified BIGINT,
                host TEXT, os TEXT, kernel TEXT, cpu TEXT,
                cpu_vendor TEXT, cpu_family BIGINT, cpu_model BIGINT, cpu_stepping BIGINT, cpu_features TEXT,
                cores BIGINT, toolchain TEXT, build TEXT, git_commit TEXT, command TEXT,
                benchmark_count BIGINT NOT NULL,
                run_count BIGINT NOT NULL,
                sample_count BIGINT NOT NULL
            )
            """,
            "CREATE INDEX results_files_commit ON results_files (commit_id)",
            "CREATE INDEX results_files_time ON results_files (commit_time)",
            """
            CREATE TABLE benchmarks (
                id \(key),
                file_id BIGINT NOT NULL REFERENCES results_files (id) ON DELETE CASCADE,
                series_id BIGINT NOT NULL REFERENCES series (id),
                position BIGINT NOT NULL,
                sample_kind TEXT NOT NULL,
                working_set_bytes BIGINT,
                peak_allocated_bytes BIGINT,
                run_summaries \(blob) NOT NULL
            )
            """,
            "CREATE INDEX benchmarks_series ON benchmarks (series_id)",
            "CREATE INDEX benchmarks_file ON benchmarks (file_id)",
            """
            CREATE TABLE parameters (
                benchmark_id BIGINT NOT NULL REFERENCES benchmarks (id) ON DELETE CASCADE,
                position BIGINT NOT NULL,
                key TEXT NOT NULL,
                number \(double),
                text TEXT,
                flag BIGINT
            )
            """,
            "CREATE INDEX parameters_benchmark ON parameters (benchmark_id)",
            """
            CREATE TABLE runs (
                id \(key),
                benchmark_id BIGINT NOT NULL REFERENCES benchmarks (id) ON DELETE CASCADE,
                position BIGINT NOT NULL,
                started_at TEXT,
                samples \(blob) NOT NULL,
                warmup \(blob) NOT NULL
            )
            """,
            "CREATE INDEX runs_benchmark ON runs (benchmark_id, position)",
        ]
    }

    /// The error for a store whose schema has migrations this version does not know.
    static func newerSchema(_ location: StoreLocation, unknown: [String]) -> HistoryError {
        HistoryError(.unreadableStore, subject: location.description,
                     detail: "written by a newer qe-validate (schema \(unknown.sorted().joined(separator: ", ")) is unknown to this version); upgrade qe-validate to use it")
    }
}
