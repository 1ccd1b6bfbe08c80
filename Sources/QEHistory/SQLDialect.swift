/// The few places where the SQL of the two backends differs: column types in the schema.
/// Everything else (`INSERT … ON CONFLICT DO NOTHING`, `RETURNING`, `substr`, `CAST(… AS
/// BIGINT)`) is written once and runs on SQLite 3.35+ and PostgreSQL 10+ alike.
enum SQLDialect: Sendable {
    case sqlite, postgres

    /// An auto-numbered 64-bit primary key.
    var identityPrimaryKey: String {
        switch self {
        case .sqlite: return "INTEGER PRIMARY KEY"  // the rowid
        case .postgres: return "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
        }
    }

    /// A byte string.
    var blob: String {
        switch self {
        case .sqlite: return "BLOB"
        case .postgres: return "BYTEA"
        }
    }

    /// A 64-bit floating-point number.
    var double: String {
        switch self {
        case .sqlite: return "REAL"
        case .postgres: return "DOUBLE PRECISION"
        }
    }
}
