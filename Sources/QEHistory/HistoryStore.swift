/// A history store (DESIGN §8): every results file recorded on a branch, with its raw samples,
/// queryable by benchmark over time. Two backends implement it, with the same schema and
/// migrations: SQLite (embedded, the default) and PostgreSQL (a team's shared server); open one
/// with ``HistoryStores/open(_:creating:)``.
///
/// Every change is one transaction: a process killed in the middle of one leaves the store as it
/// was. Every query binds its values; nothing from a name or a file is ever spliced into SQL.
/// Errors are ``HistoryError``s whose messages never show a password.
public protocol HistoryStore: AnyObject, Sendable {
    /// Where the store is (``StoreLocation/description`` hides any password).
    var location: StoreLocation { get }

    /// Records each file in its own transaction, in order. A file whose content is already
    /// recorded (same digest) changes nothing and comes back as
    /// ``HistoryAddOutcome/alreadyRecorded(_:source:)``.
    ///
    /// - Parameter beforeCommit: called inside each file's transaction once everything is
    ///   written and before it commits (a progress display, or a test that kills the process
    ///   there).
    /// - Throws: ``HistoryError``; the files before the failing one stay recorded.
    /// - Complexity: O(samples) per file, in a few statements per file.
    func add(_ recordings: [HistoryRecording], beforeCommit: (@Sendable (HistoryRecording) -> Void)?) async throws(HistoryError) -> [HistoryAddOutcome]

    /// The series `filter` takes, with their points from `filter.since` on, in series order;
    /// series with no such point are left out. Series are ordered by suite, name, variant,
    /// branch and machine.
    /// - Complexity: one query for the series and one per series taken, reading run summaries
    ///   only (never raw samples).
    func series(matching filter: SeriesFilter) async throws(HistoryError) -> [HistorySeries]

    /// The raw samples of one series, from `since` on.
    /// - Throws: ``HistoryError`` (bad data) when `since` names a commit the store does not
    ///   hold; an unknown series has no points.
    func samples(of key: HistorySeriesKey, since: HistorySince?) async throws(HistoryError) -> SeriesSamples

    /// The raw samples of every series `filter` takes, from `filter.since` on, in the order of
    /// ``series(matching:)``; series with no such point are left out.
    /// - Complexity: one read transaction: one query for the series, two per series taken;
    ///   each run's samples decoded once, where the backend holds them.
    func samples(matching filter: SeriesFilter) async throws(HistoryError) -> [SeriesSamples]

    /// The recorded files that hold a series `filter` takes, oldest first, rebuilt from the
    /// store: whole files when the filter names no benchmark, variant, branch, machine or suite
    /// (so that export and import lose nothing), otherwise only the benchmarks it takes.
    func recordedResults(matching filter: SeriesFilter) async throws(HistoryError) -> [RecordedResults]

    /// Removes every file `selection` picks, with its runs and samples, and the series and
    /// machines left empty, in one transaction.
    /// - Throws: ``HistoryError`` (bad data) when a commit prefix names more than one commit.
    func forget(_ selection: ForgetSelection) async throws(HistoryError) -> ForgetReport

    /// How much the store holds and the space it takes.
    func inventory() async throws(HistoryError) -> HistoryInventory

    /// Closes the store; no call may follow.
    func close() async
}

extension HistoryStore {
    /// Records each file in its own transaction; see ``add(_:beforeCommit:)``.
    public func add(_ recordings: [HistoryRecording]) async throws(HistoryError) -> [HistoryAddOutcome] {
        try await add(recordings, beforeCommit: nil)
    }
}
