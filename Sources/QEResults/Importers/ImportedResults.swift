/// What an importer read from another tool's file: its benchmarks with their runs, and what the
/// tool recorded about the machine. ``BenchmarkNaming`` turns it into a ``ResultsFile``.
struct ImportedResults: Sendable {
    var format: ImportFormat
    /// The unit of every sample of every benchmark.
    var unit: TimeUnit
    var createdAt: String? = nil
    var environment = EnvironmentInfo()
    /// In the tool's order.
    var benchmarks: [ImportedBenchmark]

    /// Adds `run` to the benchmark whose tool name is `toolName`, or adds `benchmark` (with
    /// `run` as its only run) when there is none yet: for tools that write each run of a
    /// benchmark as its own record (Google Benchmark repetitions, Go `-count` lines).
    mutating func append(run: BenchmarkRun, to toolName: String, orAdd benchmark: @autoclosure () -> ImportedBenchmark,
                         index: inout [String: Int]) {
        if let existing = index[toolName] {
            benchmarks[existing].runs.append(run)
        } else {
            var new = benchmark()
            new.runs = [run]
            index[toolName] = benchmarks.count
            benchmarks.append(new)
        }
    }
}
