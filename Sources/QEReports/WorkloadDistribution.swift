import QEResults
import QEStatistics
import QEValidation

/// One judged workload's data as the report draws it: the distribution of each variant, pooled
/// and run by run, and the speedup of each pair of runs.
public struct WorkloadDistribution: Sendable, Codable, Equatable {
    /// One variant's iterations.
    public struct Variant: Sendable, Codable, Equatable {
        /// One run (a separate process): where it came from and its box.
        public struct Run: Sendable, Codable, Equatable {
            /// Index of the results file in the report's raw data (0-based).
            public var file: Int
            /// Index of the run within its file (0-based).
            public var run: Int
            public var box: BoxSummary
        }

        public var variant: String
        /// Every iteration of every run pooled.
        public var pooled: BoxSummary
        public var runs: [Run]
        /// Kruskal–Wallis p of "all runs alike" and the share of the variance between runs
        /// (Kalibera & Jones), from the judgement; nil with fewer than 2 runs.
        public var runVariation: BenchmarkComparison.RunVariation?
    }

    public var name: String
    /// The unit of every time here (the pooled data's unit).
    public var unit: TimeUnit
    /// The workload's parameters as the results file records them (`seqLen` → `512`).
    public var parameters: [String: String]
    public var baseline: Variant
    public var candidate: Variant
    /// Median baseline ÷ median candidate time of each pair of runs, when run k of both variants
    /// came from the same process (nil otherwise).
    public var runSpeedups: [Double]?
}
