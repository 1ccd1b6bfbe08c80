/// Merges results files read from several files of the same tool: a benchmark (same name and
/// variant) in several files gets the runs of each, in file order.
///
/// The merged file has the first file's unit (other files' samples are converted exactly),
/// suite, creation time and environment. A benchmark whose samples are single iterations in one
/// file and batch means in another is refused: they are not the same measurement.
enum ResultsMerger {
    static func merge(_ files: [(file: ResultsFile, path: String)]) throws(ResultsError) -> ResultsFile? {
        guard var merged = files.first?.file, let firstPath = files.first?.path else { return nil }
        var position: [BenchmarkKey: Int] = [:]
        for (index, benchmark) in merged.benchmarks.enumerated() { position[benchmark.key] = index }
        var originOfKey: [BenchmarkKey: String] = position.mapValues { _ in firstPath }
        for (file, path) in files.dropFirst() {
            for var benchmark in file.benchmarks {
                benchmark.runs = benchmark.runs.map { run in
                    BenchmarkRun(samples: file.unit.convert(run.samples, to: merged.unit),
                                 warmup: file.unit.convert(run.warmup, to: merged.unit), startedAt: run.startedAt)
                }
                if let existing = position[benchmark.key] {
                    let kind = merged.benchmarks[existing].sampleKind
                    guard kind == benchmark.sampleKind else {
                        throw ResultsError(file: path, problem: .invalidValue,
                                           detail: "benchmark \(benchmark.key): samples are \(benchmark.sampleKind) here but \(kind) in \(originOfKey[benchmark.key] ?? firstPath); runs of different kinds of sample cannot be merged")
                    }
                    merged.benchmarks[existing].runs.append(contentsOf: benchmark.runs)
                } else {
                    position[benchmark.key] = merged.benchmarks.count
                    originOfKey[benchmark.key] = path
                    merged.benchmarks.append(benchmark)
                }
            }
        }
        return merged
    }
}
