/// What a worker process measured in one run; written to its standard output as JSON.
public struct KernelWorkerReport: Codable, Sendable, Equatable {
    /// The timings of one variant of one workload.
    public struct Series: Codable, Sendable, Equatable {
        public var workload: String
        public var variant: String
        /// Per-iteration wall times in nanoseconds.
        public var samples: [Double]
        public var warmup: [Double]
        public var workingSetBytes: Int
        public var peakAllocatedBytes: Int
        /// When the variant's first timed iteration started (ISO 8601).
        public var startedAt: String
    }

    public var run: Int
    public var series: [Series]
    /// Per workload, the largest difference of any variant's output from the reference's.
    public var maxOutputDifference: [String: Float]
}
