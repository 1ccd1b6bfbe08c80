/// One benchmark of a results file: a workload (`name`) measured in one implementation
/// (`variant`), over one or more runs.
public struct Benchmark: Hashable, Sendable {
    /// The workload, e.g. `"test-similarity"`.
    public var name: String
    /// The implementation measured, e.g. `"baseline"` or `"flash"`.
    public var variant: String
    /// The workload's parameters, e.g. `["seqLen": 512, "dim": 768]`.
    public var parameters: [String: ParameterValue]
    /// The runs, in the order they were made. A valid benchmark has at least one run.
    public var runs: [BenchmarkRun]
    /// Memory measured for this benchmark, if any.
    public var memory: MemoryFigures?
    /// What one sample is: one iteration (the default), or the mean of a batch of iterations
    /// (what some other tools report; see ``SampleKind``).
    public var sampleKind: SampleKind

    /// Creates a benchmark.
    public init(
        name: String, variant: String, parameters: [String: ParameterValue] = [:],
        runs: [BenchmarkRun], memory: MemoryFigures? = nil, sampleKind: SampleKind = .iteration
    ) {
        self.name = name
        self.variant = variant
        self.parameters = parameters
        self.runs = runs
        self.memory = memory
        self.sampleKind = sampleKind
    }

    /// `(name, variant)`, which identifies the benchmark within its file.
    public var key: BenchmarkKey { BenchmarkKey(name: name, variant: variant) }

    /// The number of samples over all runs.
    public var sampleCount: Int { runs.reduce(0) { $0 + $1.samples.count } }

    /// Every sample of every run, in run order, converted from `fileUnit` (the unit of the file
    /// the benchmark belongs to) to `unit`.
    ///
    /// Pooling ignores which run a sample came from; use ``runSamples(in:from:)`` for methods
    /// that treat runs as the independent units.
    /// - Complexity: O(n) in the number of samples.
    public func pooledSamples(in unit: TimeUnit, from fileUnit: TimeUnit) -> [Double] {
        var pooled: [Double] = []
        pooled.reserveCapacity(sampleCount)
        for run in runs { pooled.append(contentsOf: run.samples) }
        return fileUnit.convert(pooled, to: unit)
    }

    /// The samples of each run, converted from `fileUnit` to `unit`; element k is run k + 1.
    /// - Complexity: O(n) in the number of samples; no copy when the units are the same.
    public func runSamples(in unit: TimeUnit, from fileUnit: TimeUnit) -> [[Double]] {
        runs.map { fileUnit.convert($0.samples, to: unit) }
    }
}
