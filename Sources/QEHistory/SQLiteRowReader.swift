import GRDB
import GRDBSQLite

/// The row an SQLite statement stands on, read in place with SQLite's column functions: no
/// value is boxed, and a blob is not copied at all (``withBlob(_:_:)`` lends SQLite's own
/// buffer). Valid until the statement steps again.
struct SQLiteRowReader: SQLRowReading {
    let statement: SQLiteStatement

    func int64(_ column: Int) throws -> Int64 {
        guard sqlite3_column_type(statement, Int32(column)) == SQLITE_INTEGER else { throw mismatch(column, "integer") }
        return sqlite3_column_int64(statement, Int32(column))
    }

    func text(_ column: Int) throws -> String {
        guard sqlite3_column_type(statement, Int32(column)) == SQLITE_TEXT,
              let characters = sqlite3_column_text(statement, Int32(column)) else { throw mismatch(column, "text") }
        let count = Int(sqlite3_column_bytes(statement, Int32(column)))
        return String(decoding: UnsafeBufferPointer(start: characters, count: count), as: UTF8.self)
    }

    func withBlob<T>(_ column: Int, _ body: (UnsafeRawBufferPointer) throws -> T) throws -> T {
        switch sqlite3_column_type(statement, Int32(column)) {
        case SQLITE_NULL:
            return try body(UnsafeRawBufferPointer(start: nil, count: 0))
        case SQLITE_BLOB:
            let bytes = sqlite3_column_blob(statement, Int32(column))
            let count = Int(sqlite3_column_bytes(statement, Int32(column)))
            return try body(UnsafeRawBufferPointer(start: count > 0 ? bytes : nil, count: count))
        default:
            throw mismatch(column, "blob")
        }
    }

    private func mismatch(_ column: Int, _ expected: String) -> HistoryError {
        HistoryError(.internalFailure, subject: "history store",
                     detail: "column \(column) holds SQLite type \(sqlite3_column_type(statement, Int32(column))), expected \(expected)")
    }
}
