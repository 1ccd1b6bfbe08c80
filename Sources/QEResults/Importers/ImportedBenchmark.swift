/// One benchmark as an importer read it from another tool's file, before ``BenchmarkNaming``
/// gives it its (name, variant).
struct ImportedBenchmark: Sendable {
    /// The tool's own name for it, which `--name-pattern` is searched in (hyperfine's
    /// `command`, Google Benchmark's `run_name`, ...).
    var toolName: String
    /// The name by the format's default naming.
    var name: String
    /// The variant the tool recorded (a `variant` parameter, Criterion's function id), if any.
    var variant: String?
    /// The name used when `--variant` sets every variant: the tool's full name, so that
    /// benchmarks that differed only by their recorded variant stay apart.
    var qualifiedName: String
    var parameters: [String: ParameterValue] = [:]
    /// In the unit of the ``ImportedResults`` it belongs to.
    var runs: [BenchmarkRun]
    var sampleKind: SampleKind
}
