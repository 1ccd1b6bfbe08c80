/// The raw samples of a series, point by point and run by run, in nanoseconds.
public struct SeriesSamples: Hashable, Sendable {
    /// The samples of one commit.
    public struct Point: Hashable, Sendable {
        /// The commit.
        public var commit: String
        /// The commit's time.
        public var time: HistoryTimestamp
        /// Each run's samples, in recording order, in nanoseconds.
        public var runs: [[Double]]

        /// Creates a point's samples.
        public init(commit: String, time: HistoryTimestamp, runs: [[Double]]) {
            self.commit = commit
            self.time = time
            self.runs = runs
        }
    }

    /// The series.
    public var key: HistorySeriesKey
    /// The points, oldest first, as in ``HistorySeries/points``.
    public var points: [Point]

    /// Creates a series' samples.
    public init(key: HistorySeriesKey, points: [Point]) {
        self.key = key
        self.points = points
    }
}
