import Foundation

/// The history store's logic, written once over an ``SQLConnection``: the same statements run on
/// SQLite and PostgreSQL. Operations on one store object run one at a time.
final class RelationalHistoryStore: HistoryStore {
    let connection: any SQLConnection
    /// Serialises operations: a connection runs one transaction at a time.
    private let lock = NSLock()

    var location: StoreLocation { connection.location }

    init(connection: any SQLConnection) {
        self.connection = connection
    }

    func add(_ recordings: [HistoryRecording], beforeCommit: (@Sendable (HistoryRecording) -> Void)?) async throws(HistoryError) -> [HistoryAddOutcome] {
        try await perform { store in
            var outcomes: [HistoryAddOutcome] = []
            for recording in recordings {
                do {
                    outcomes.append(try store.record(recording, beforeCommit: beforeCommit))
                } catch let error as HistoryError {
                    let earlier = outcomes.isEmpty ? "" : "; the \(outcomes.count) file(s) before it are recorded"
                    throw HistoryError(error.category, subject: error.subject,
                                       detail: "adding \(recording.source): \(error.detail)\(earlier)")
                }
            }
            return outcomes
        }
    }

    func series(matching filter: SeriesFilter) async throws(HistoryError) -> [HistorySeries] {
        try await perform { store in try store.connection.read { try store.series(matching: filter, in: $0) } }
    }

    func samples(of key: HistorySeriesKey, since: HistorySince?) async throws(HistoryError) -> SeriesSamples {
        try await perform { store in try store.connection.read { try store.samples(of: key, since: since, in: $0) } }
    }

    func samples(matching filter: SeriesFilter) async throws(HistoryError) -> [SeriesSamples] {
        try await perform { store in try store.connection.read { try store.samples(matching: filter, in: $0) } }
    }

    func recordedResults(matching filter: SeriesFilter) async throws(HistoryError) -> [RecordedResults] {
        try await perform { store in try store.connection.read { try store.recordedResults(matching: filter, in: $0) } }
    }

    func forget(_ selection: ForgetSelection) async throws(HistoryError) -> ForgetReport {
        try await perform { store in try store.connection.write { try store.forget(selection, in: $0) } }
    }

    func inventory() async throws(HistoryError) -> HistoryInventory {
        try await perform { store in
            var inventory = try store.connection.read { try store.counts(in: $0) }
            inventory.storageBytes = try store.connection.storageBytes()
            return inventory
        }
    }

    func close() async {
        _ = try? await perform { store in store.connection.close() }
    }

    /// Runs `work` off the cooperative pool, one operation at a time.
    private func perform<T: Sendable>(_ work: @escaping @Sendable (RelationalHistoryStore) throws -> T) async throws(HistoryError) -> T {
        try await OffPoolWork.run { [self] in
            try lock.withLock { try work(self) }
        }
    }

    /// The largest number of values bound in one statement (SQLite allows 32,766; PostgreSQL
    /// 65,535): multi-row inserts are cut into statements of at most this many.
    static let maximumBoundValues = 4_000

    /// `INSERT INTO table (columns) VALUES (?, …), (?, …) …` for `rows`, in as few statements as
    /// ``maximumBoundValues`` allows. The text is made from constant names and placeholders only.
    static func insert(into table: String, columns: [String], rows: [[SQLValue]], suffix: String = "",
                       in session: any SQLSession) throws {
        let rowsPerStatement = max(1, maximumBoundValues / columns.count)
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        var start = 0
        while start < rows.count {
            let end = min(rows.count, start + rowsPerStatement)
            let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
                + Array(repeating: tuple, count: end - start).joined(separator: ", ") + suffix
            try session.execute(sql, rows[start..<end].flatMap { $0 })
            start = end
        }
    }

    /// `?, ?, …` for `count` values, for `IN (…)` lists.
    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
