/// One commit of a series: every run recorded for it, from one or more results files (several
/// files of one commit are pooled as more runs).
///
/// A point carries per-run summaries, not a median with an interval: that is a statistic, and
/// statistics live in QEStatistics, which this target does not import (DESIGN §1). The layer
/// that imports both computes it: from ``HistoryStore/samples(of:since:)`` for the median of the
/// pooled iterations and its order-statistic interval, or from ``runs`` when runs are the unit.
public struct HistoryPoint: Hashable, Sendable {
    /// The commit.
    public var commit: String
    /// The commit's time (the earliest of its files' times).
    public var time: HistoryTimestamp
    /// How many results files were recorded for the commit in this series.
    public var files: Int
    /// The runs, in the order they were recorded (file by file, run by run).
    public var runs: [RunSummary]

    /// Creates a point.
    public init(commit: String, time: HistoryTimestamp, files: Int, runs: [RunSummary]) {
        self.commit = commit
        self.time = time
        self.files = files
        self.runs = runs
    }

    /// The number of timed iterations over all runs.
    public var iterations: Int { runs.reduce(0) { $0 + $1.iterations } }
}
