import QEResults

/// A recorded results file read back from the store, with where it belongs in history: what an
/// export writes and an import reads.
public struct RecordedResults: Hashable, Sendable {
    /// The measurements, as they were added (or only the benchmarks an export's filter took).
    public var results: ResultsFile
    /// The commit measured.
    public var commit: String
    /// The commit's time.
    public var time: HistoryTimestamp
    /// The branch.
    public var branch: String

    /// Creates a recorded file.
    public init(results: ResultsFile, commit: String, time: HistoryTimestamp, branch: String) {
        self.results = results
        self.commit = commit
        self.time = time
        self.branch = branch
    }

    /// The recording that adds this file back to a store.
    /// - Throws: ``HistoryError`` (``HistoryError/Category/badData``), as
    ///   ``HistoryRecording/init(results:source:commit:time:branch:)``.
    public func recording(source: String) throws(HistoryError) -> HistoryRecording {
        try HistoryRecording(results: results, source: source, commit: commit, time: time, branch: branch)
    }
}
