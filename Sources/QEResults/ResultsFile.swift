/// A results file (`qe-validate/results@1`): raw per-iteration timings of one or more benchmarks,
/// with the environment they were measured in. The one format every qe-validate command reads.
///
/// Raw samples are always kept, so every statistic can be recomputed. See DESIGN §2 for the
/// format. ``read(from:)`` reads and validates a file; ``write(to:)`` writes one atomically; a
/// written file reads back equal to the value that wrote it.
///
/// ```swift
/// let results = try ResultsFile.read(from: "results.json")
/// let flash = results.pooledSamples(name: "test-similarity", variant: "flash", in: .milliseconds)
/// ```
public struct ResultsFile: Hashable, Sendable {
    /// The schema identifier this version of the model reads and writes.
    public static let currentSchema = "qe-validate/results@1"

    /// The file's schema, always ``currentSchema``: a file with any other schema is rejected.
    public var schema: String { Self.currentSchema }
    /// The suite the benchmarks belong to, e.g. `"flash-attention"`.
    public var suite: String
    /// The unit of every sample and warm-up time in the file.
    public var unit: TimeUnit
    /// When the file was made (ISO 8601, as written by the tool; not interpreted).
    public var createdAt: String?
    /// Where and how the samples were measured.
    public var environment: EnvironmentInfo
    /// Whether the variants' outputs were checked to agree before timing (`qe-validate run` does;
    /// files from other tools do not say). Absent means unknown.
    public var outputsVerified: Bool?
    /// The benchmarks, in file order. A valid file has at least one, and no two share
    /// (`name`, `variant`).
    public var benchmarks: [Benchmark]

    /// Creates a results file. Nothing is validated until ``validate(source:)``, ``write(to:)``
    /// or a read.
    public init(
        suite: String, unit: TimeUnit, createdAt: String? = nil,
        environment: EnvironmentInfo = EnvironmentInfo(), outputsVerified: Bool? = nil, benchmarks: [Benchmark]
    ) {
        self.outputsVerified = outputsVerified
        self.suite = suite
        self.unit = unit
        self.createdAt = createdAt
        self.environment = environment
        self.benchmarks = benchmarks
    }

    /// The benchmark identified by `key`, if the file has it.
    /// - Complexity: O(k) in the number of benchmarks.
    public func benchmark(_ key: BenchmarkKey) -> Benchmark? {
        benchmarks.first { $0.name == key.name && $0.variant == key.variant }
    }

    /// The benchmark identified by (`name`, `variant`), if the file has it.
    public func benchmark(name: String, variant: String) -> Benchmark? {
        benchmark(BenchmarkKey(name: name, variant: variant))
    }

    /// The samples of every run of benchmark (`name`, `variant`) pooled into one array and
    /// converted to `unit`, or nil if the file has no such benchmark.
    public func pooledSamples(name: String, variant: String, in unit: TimeUnit) -> [Double]? {
        benchmark(name: name, variant: variant)?.pooledSamples(in: unit, from: self.unit)
    }

    /// The samples of each run of benchmark (`name`, `variant`) converted to `unit` (element k
    /// is run k + 1), or nil if the file has no such benchmark.
    public func runSamples(name: String, variant: String, in unit: TimeUnit) -> [[Double]]? {
        benchmark(name: name, variant: variant)?.runSamples(in: unit, from: self.unit)
    }
}
