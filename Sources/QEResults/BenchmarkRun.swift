/// One run of a benchmark: a separate process or invocation, with its timed iterations.
///
/// Runs are the independent units of a results file (Kalibera & Jones 2013): iterations within a
/// run share the run's machine state, runs do not.
public struct BenchmarkRun: Hashable, Sendable {
    /// The wall time of each timed iteration, in the file's unit, in the order they were taken.
    /// A valid run has at least one sample, and every sample is finite and greater than zero.
    public var samples: [Double]
    /// Warm-up iterations, timed but not part of the measurement. Validated like samples.
    public var warmup: [Double]
    /// When the run started (ISO 8601, as written by the tool; not interpreted).
    public var startedAt: String?

    /// Creates a run.
    public init(samples: [Double], warmup: [Double] = [], startedAt: String? = nil) {
        self.samples = samples
        self.warmup = warmup
        self.startedAt = startedAt
    }
}
