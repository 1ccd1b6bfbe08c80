/// One series: a benchmark on one machine and branch, with its points in series order (by commit
/// time, then commit id).
public struct HistorySeries: Hashable, Sendable {
    /// What the series is of.
    public var key: HistorySeriesKey
    /// The machine's one-line summary (``StoredMachine/summary``).
    public var machineSummary: String
    /// The points, oldest first.
    public var points: [HistoryPoint]

    /// Creates a series.
    public init(key: HistorySeriesKey, machineSummary: String, points: [HistoryPoint]) {
        self.key = key
        self.machineSummary = machineSummary
        self.points = points
    }
}
