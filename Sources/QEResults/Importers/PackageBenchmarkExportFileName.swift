/// The parts of an export's file name, `BASELINE.TARGET.BENCHMARK.METRIC.histogram.json`.
struct PackageBenchmarkExportFileName {
    var benchmark: String

    /// - Throws: ``ResultsError`` when the name does not say the metric, or the metric is not
    ///   the wall clock.
    init(_ path: String, suffix: String) throws(ResultsError) {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let parts = file.hasSuffix(suffix) ? file.dropLast(suffix.count).components(separatedBy: ".") : []
        guard parts.count >= 4, let metric = parts.last else {
            throw ResultsError(file: path, problem: .unrecognizedFormat,
                               detail: "cannot tell the benchmark and metric from the file's name; package-benchmark names it BASELINE.TARGET.BENCHMARK.wallClock\(suffix)")
        }
        guard metric == "wallClock" else {
            throw ResultsError(file: path, problem: .invalidValue,
                               detail: "the \(metric) metric is not a time; qe-validate judges wall time: give the ….wallClock\(suffix) file")
        }
        benchmark = parts[2..<(parts.count - 1)].joined(separator: ".")
    }
}
