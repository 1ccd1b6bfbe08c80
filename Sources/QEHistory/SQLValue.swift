/// A value bound to a statement's `?` or read from a result column: the types both backends
/// share (SQLite's storage classes; PostgreSQL's `bigint`, `double precision`, `text`, `bytea`).
enum SQLValue: Hashable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    /// `.integer` of `value`.
    static func int(_ value: Int) -> SQLValue { .integer(Int64(value)) }

    /// `.text` of `value`, or `.null`.
    static func optional(_ value: String?) -> SQLValue { value.map(SQLValue.text) ?? .null }

    /// `.integer` of `value`, or `.null`.
    static func optional(_ value: Int?) -> SQLValue { value.map(SQLValue.int) ?? .null }
}

/// One result row, with typed access that fails (as an internal error) when a column does not
/// hold what the schema says it holds.
struct SQLRow: Sendable, SQLRowReading {
    var values: [SQLValue]

    func text(_ column: Int) throws -> String {
        guard case let .text(value) = values[column] else { throw mismatch(column, "text") }
        return value
    }

    func optionalText(_ column: Int) throws -> String? {
        if case .null = values[column] { return nil }
        return try text(column)
    }

    func int(_ column: Int) throws -> Int {
        Int(try int64(column))
    }

    func int64(_ column: Int) throws -> Int64 {
        guard case let .integer(value) = values[column] else { throw mismatch(column, "integer") }
        return value
    }

    func optionalInt(_ column: Int) throws -> Int? {
        if case .null = values[column] { return nil }
        return try int(column)
    }

    func double(_ column: Int) throws -> Double {
        switch values[column] {
        case let .real(value): return value
        case let .integer(value): return Double(value)  // SQLite stores integral reals as integers
        default: throw mismatch(column, "real")
        }
    }

    func optionalDouble(_ column: Int) throws -> Double? {
        if case .null = values[column] { return nil }
        return try double(column)
    }

    func blob(_ column: Int) throws -> [UInt8] {
        switch values[column] {
        case let .blob(value): return value
        case .null: return []  // SQLite reads an empty blob back as NULL
        default: throw mismatch(column, "blob")
        }
    }

    func withBlob<T>(_ column: Int, _ body: (UnsafeRawBufferPointer) throws -> T) throws -> T {
        try blob(column).withUnsafeBytes(body)
    }

    private func mismatch(_ column: Int, _ expected: String) -> HistoryError {
        HistoryError(.internalFailure, subject: "history store",
                     detail: "column \(column) holds \(values[column]), expected \(expected)")
    }
}
