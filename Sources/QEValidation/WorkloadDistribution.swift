import QEResults

/// One judged workload's data as a report draws it: the distribution of each variant, pooled
/// and run by run, and the speedup of each pair of runs. Part of `qe-validate/report@1`.
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

            public init(file: Int, run: Int, box: BoxSummary) {
                self.file = file
                self.run = run
                self.box = box
            }
        }

        public var variant: String
        /// Every iteration of every run pooled.
        public var pooled: BoxSummary
        public var runs: [Run]
        /// Kruskal–Wallis p of "all runs alike" and the share of the variance between runs
        /// (Kalibera & Jones), from the judgement; nil with fewer than 2 runs.
        public var runVariation: BenchmarkComparison.RunVariation?

        public init(variant: String, pooled: BoxSummary, runs: [Run], runVariation: BenchmarkComparison.RunVariation?) {
            self.variant = variant
            self.pooled = pooled
            self.runs = runs
            self.runVariation = runVariation
        }
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

    public init(
        name: String, unit: TimeUnit, parameters: [String: String], baseline: Variant, candidate: Variant, runSpeedups: [Double]?
    ) {
        self.name = name
        self.unit = unit
        self.parameters = parameters
        self.baseline = baseline
        self.candidate = candidate
        self.runSpeedups = runSpeedups
    }
}
