/// What one worker process times: every listed workload, its variants interleaved, for one run.
/// Sent to the worker on its command line as JSON.
public struct KernelWorkerPlan: Codable, Sendable, Equatable {
    public var suite: String
    public var workloads: [String]
    /// The variants, in the order given; the first is the reference the others must agree with.
    public var variants: [String]
    public var iterations: Int
    public var warmup: Int
    /// Seed of the inputs; each workload's inputs are the same in every run.
    public var seed: UInt64
    /// 1-based index of the run.
    public var run: Int
    /// Shapes to time instead of the suite's workloads (a sweep's points); nil: `workloads`.
    public var shapes: [KernelShape]?

    public init(
        suite: String, workloads: [String], variants: [String], iterations: Int, warmup: Int, seed: UInt64, run: Int,
        shapes: [KernelShape]? = nil
    ) {
        self.shapes = shapes
        self.suite = suite
        self.workloads = workloads
        self.variants = variants
        self.iterations = iterations
        self.warmup = warmup
        self.seed = seed
        self.run = run
    }
}
