import QEStatistics

/// What `history list` shows (`qe-validate/history@1`): the series a filter took, each with its
/// points in series order, and for each point the median of its pooled iterations with an
/// order-statistic interval.
///
/// Times are nanoseconds (the store keeps every file's samples in nanoseconds). A point's
/// interval is the exact binomial interval for the median of all its iterations taken together
/// (``MedianInterval``, at ``confidence``); it treats the iterations of several runs as one
/// sample, so when runs differ from each other it is narrower than the run-to-run spread (the
/// change-point judge, not this listing, treats runs as the independent units). Below 6
/// iterations no such interval reaches 95% and `low` and `high` are null.
public struct HistoryListing: Sendable, Codable, Equatable {
    /// The JSON schema name.
    public static let schemaName = "qe-validate/history@1"
    /// The confidence of every point's interval.
    public static let confidence = 0.95

    /// One series: a benchmark on one machine and branch.
    public struct Series: Sendable, Codable, Equatable {
        public var suite: String
        public var name: String
        public var variant: String
        /// The machine's identifier in the store.
        public var machine: String
        public var branch: String
        /// The points, oldest first.
        public var points: [Point]

        public init(suite: String, name: String, variant: String, machine: String, branch: String, points: [Point]) {
            self.suite = suite
            self.name = name
            self.variant = variant
            self.machine = machine
            self.branch = branch
            self.points = points
        }
    }

    /// One commit of a series.
    public struct Point: Sendable, Codable, Equatable {
        /// The commit.
        public var commit: String
        /// The commit's time, ISO 8601 in UTC as the store gives it.
        public var time: String
        /// The number of runs (from every file recorded for the commit).
        public var runs: Int
        /// The number of timed iterations over all runs.
        public var iterations: Int
        /// The median of all iterations, in nanoseconds.
        public var median: Double
        /// The interval for that median, or null when there are too few iterations.
        @ExplicitNull public var low: Double?
        @ExplicitNull public var high: Double?

        public init(commit: String, time: String, runs: Int, iterations: Int, median: Double, low: Double?, high: Double?) {
            self.commit = commit
            self.time = time
            self.runs = runs
            self.iterations = iterations
            self.median = median
            self.low = low
            self.high = high
        }

        /// The point of a commit with the iteration times `runs` (nanoseconds, not all empty).
        /// - Throws: `StatisticsError` when there is no iteration or a time is not finite.
        /// - Complexity: O(N log N) over the commit's N iterations.
        public init(commit: String, time: String, runs: [[Double]]) throws(StatisticsError) {
            let pooled = runs.flatMap { $0 }
            let interval = try MedianInterval(pooled, confidence: HistoryListing.confidence)
            var low: Double?
            var high: Double?
            if case let .interval(lower, upper, _, _, _) = interval.outcome {
                low = lower
                high = upper
            }
            self.init(commit: commit, time: time, runs: runs.count, iterations: pooled.count,
                      median: interval.median, low: low, high: high)
        }
    }

    /// `qe-validate/history@1`.
    public var schema: String
    /// The series, ordered by suite, name, variant, branch and machine.
    public var series: [Series]

    public init(series: [Series]) {
        self.schema = Self.schemaName
        self.series = series
    }
}
