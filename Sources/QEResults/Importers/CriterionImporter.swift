import Foundation

/// Reads Criterion.rs output: the `sample.json` of a benchmark with the `benchmark.json` beside
/// it (both in `target/criterion/<group>/<function>/new/`), a folder holding such files, or a
/// `raw.csv`.
///
/// **One sample** is one Criterion sample's time divided by its iteration count,
/// `times[i] / iters[i]` (a **batch mean**; with linear sampling sample i runs i·d iterations),
/// in **nanoseconds** (Criterion's wall-time measurement). **One `sample.json` is one run**
/// (one `cargo bench`); several copies from several invocations are several runs.
/// `estimates.json` holds only Criterion's estimates and is refused.
///
/// Given a folder, every `new/sample.json` below it is read (the latest run of each benchmark;
/// saved baselines in other folders are not), or the folder's own `sample.json` if it has one.
///
/// **Default naming**: name = the group id, plus `/value` for a benchmark with an input value
/// (`BenchmarkId::new("f", 1024)`); variant = the function id (`default` when there is none, as
/// for `c.bench_function`). `--name-pattern` is searched in `full_id` (`sum/baseline`).
enum CriterionImporter {
    /// Reads every `new/sample.json` below `directory` (or its own `sample.json`).
    ///
    /// Each benchmark must occur once: two trees in one folder holding the same benchmark (two
    /// copies of `target/criterion`) are an error naming both files, not a silent pooling — give
    /// them as separate inputs to use them as runs. A `new/benchmark.json` without its
    /// `sample.json` (an interrupted run) is an error too.
    static func read(directory: String) throws(ResultsError) -> ImportedResults {
        let found = sampleFiles(in: directory)
        if let orphan = found.benchmarksWithoutSamples.first {
            let samplePath = sibling(of: orphan, named: "sample.json")
            throw ResultsError(file: samplePath, problem: .noSuchFile,
                               detail: "no such file; Criterion writes sample.json and benchmark.json side by side, and \(orphan) has no sample.json beside it (was the run interrupted?)")
        }
        guard !found.samples.isEmpty else {
            throw ResultsError(file: directory, problem: .unrecognizedFormat,
                               detail: "no Criterion.rs sample.json below \(directory) (expected <group>/<function>/new/sample.json, as under target/criterion)")
        }
        var results = ImportedResults(format: .criterion, unit: .nanoseconds, benchmarks: [])
        var index: [String: Int] = [:]
        var pathOfBenchmark: [String: String] = [:]
        for path in found.samples {
            let document = try ForeignJSON.parse(try LocalFile.readBytes(at: path), source: path)
            let benchmark = try read(sampleDocument: document, samplePath: path)
            if let first = pathOfBenchmark[benchmark.toolName] {
                throw ResultsError(file: directory, problem: .duplicateBenchmark,
                                   detail: "benchmark \(benchmark.toolName) is in both \(first) and \(path); one folder holds each benchmark once (give two result folders as two inputs to use them as runs)")
            }
            pathOfBenchmark[benchmark.toolName] = path
            results.append(run: benchmark.runs[0], to: benchmark.toolName, orAdd: benchmark, index: &index)
        }
        return results
    }

    /// Reads a `sample.json` or `benchmark.json` (already parsed), with the other file of the
    /// pair from the same folder.
    static func read(document: JSONDocument, path: String) throws(ResultsError) -> ImportedResults {
        guard case let .object(top) = document.root else {
            throw ResultsError(file: path, problem: .wrongType,
                               detail: "expected a Criterion sample.json (an object with \"iters\" and \"times\"), found \(document.root.typeDescription)")
        }
        let benchmark: ImportedBenchmark
        if top["iters"] != nil || top["times"] != nil || top["sampling_mode"] != nil {
            benchmark = try read(sampleDocument: document, samplePath: path)
        } else if top["group_id"] != nil || top["full_id"] != nil {
            let samplePath = sibling(of: path, named: "sample.json")
            let sample = try ForeignJSON.parse(try readSibling(samplePath, of: path), source: samplePath)
            benchmark = try read(sampleDocument: sample, samplePath: samplePath, benchmarkDocument: document, benchmarkPath: path)
        } else if isEstimates(top) {
            throw refuseEstimates(path)
        } else {
            throw ResultsError(file: path, problem: .missingKey,
                               detail: "missing \"iters\" and \"times\": not a Criterion sample.json")
        }
        return ImportedResults(format: .criterion, unit: .nanoseconds, benchmarks: [benchmark])
    }

    /// Reads Criterion's `raw.csv` (columns group, function, value, throughput_num,
    /// throughput_type, sample_measured_value, unit, iteration_count): each benchmark's rows are
    /// one run, each row one sample `sample_measured_value / iteration_count`.
    static func read(rawCSV table: CSVTable, source: String) throws(ResultsError) -> ImportedResults {
        func column(_ name: String) throws(ResultsError) -> Int {
            guard let index = table.column(name) else {
                throw ResultsError(file: source, problem: .missingKey, detail: "no \(JSONStringEscaper.quoted(name)) column (Criterion raw.csv)")
            }
            return index
        }
        let group = try column("group")
        let function = try column("function")
        let value = try column("value")
        let measured = try column("sample_measured_value")
        let unitColumn = try column("unit")
        let count = try column("iteration_count")
        var results = ImportedResults(format: .criterion, unit: .nanoseconds, benchmarks: [])
        var index: [String: Int] = [:]
        var fileUnit: TimeUnit?
        for row in table.rows {
            func fail(_ problem: ResultsError.Problem, _ message: String) -> ResultsError {
                ResultsError(file: source, problem: problem, detail: "line \(row.line): \(message)")
            }
            let unitText = row.fields[unitColumn]
            guard let unit = TimeUnit(rawValue: unitText) else {
                throw fail(.unknownUnit, "unknown unit \(JSONStringEscaper.quoted(unitText)) (a custom Criterion measurement?); accepted units: ns, us, ms, s")
            }
            let total = try DecimalText.time(row.fields[measured], what: "sample_measured_value", fail: fail)
            guard let iterations = Int(row.fields[count]), iterations >= 1 else {
                throw fail(.invalidValue, "iteration_count \(JSONStringEscaper.quoted(row.fields[count])) is not a whole number ≥ 1")
            }
            let target = fileUnit ?? unit
            fileUnit = target
            let sample = unit.convert(total / Double(iterations), to: target)
            let ids = Identifiers(group: row.fields[group], function: row.fields[function].nonEmpty, value: row.fields[value].nonEmpty, fullID: nil)
            let benchmark = ids.benchmark(runs: [])
            if let existing = index[benchmark.toolName] {
                results.benchmarks[existing].runs[0].samples.append(sample)
            } else {
                results.append(run: BenchmarkRun(samples: [sample]), to: benchmark.toolName, orAdd: benchmark, index: &index)
            }
        }
        guard !results.benchmarks.isEmpty else {
            throw ResultsError(file: source, problem: .noBenchmarks, detail: "no samples: the file has only its header")
        }
        results.unit = fileUnit ?? .nanoseconds
        return results
    }

    /// Whether `object` is Criterion's `estimates.json` (mean, median, slope... each with a
    /// `point_estimate`).
    static func isEstimates(_ object: JSONObject) -> Bool {
        guard case let .object(mean)? = object["mean"] else { return false }
        return mean["point_estimate"] != nil
    }

    static func refuseEstimates(_ path: String) -> ResultsError {
        ResultsError(file: path, problem: .aggregatesOnly,
                     detail: "Criterion's estimates.json holds only estimates (mean, median, slope); raw timings are needed: "
                         + "give the sample.json beside it (or the folder, such as target/criterion)")
    }

    // MARK: - sample.json and benchmark.json

    private static func read(sampleDocument: JSONDocument, samplePath: String,
                             benchmarkDocument: JSONDocument? = nil, benchmarkPath: String? = nil) throws(ResultsError) -> ImportedBenchmark {
        if case let .object(top) = sampleDocument.root, isEstimates(top) { throw refuseEstimates(samplePath) }
        let sample = try ForeignJSONDecoder(source: samplePath, formatName: "Criterion sample.json", document: sampleDocument)
            .decode(CriterionSampleFile.self)
        guard sample.iters.count == sample.times.count else {
            throw ResultsError(file: samplePath, problem: .invalidValue,
                               detail: "\"iters\" has \(sample.iters.count) values but \"times\" has \(sample.times.count); they must pair up")
        }
        guard !sample.times.isEmpty else {
            throw ResultsError(file: samplePath, problem: .noSamples, detail: "times: no times (the array is empty)")
        }
        let samples = zip(sample.times, sample.iters).map { $0.value / $1 }

        let pairPath = benchmarkPath ?? sibling(of: samplePath, named: "benchmark.json")
        let pair: JSONDocument
        if let benchmarkDocument {
            pair = benchmarkDocument
        } else {
            pair = try ForeignJSON.parse(try readSibling(pairPath, of: samplePath), source: pairPath)
        }
        let ids = try ForeignJSONDecoder(source: pairPath, formatName: "Criterion benchmark.json", document: pair).decode(Identifiers.self)
        return ids.benchmark(runs: [BenchmarkRun(samples: samples)])
    }

    /// A benchmark's ids (`benchmark.json`: `group_id`, `function_id`, `value_str`,
    /// `full_id`), and the naming they give.
    private struct Identifiers: Decodable {
        var group: String
        var function: String?
        var value: String?
        var fullID: String?

        private enum CodingKeys: String, CodingKey {
            case group = "group_id", function = "function_id", value = "value_str", fullID = "full_id"
        }

        init(group: String, function: String?, value: String?, fullID: String?) {
            self.group = group
            self.function = function
            self.value = value
            self.fullID = fullID
        }

        func benchmark(runs: [BenchmarkRun]) -> ImportedBenchmark {
            let full = fullID ?? [group, function, value].compactMap { $0 }.joined(separator: "/")
            let name = value.map { "\(group)/\($0)" } ?? group
            var parameters: [String: ParameterValue] = [:]
            if let value { parameters["value"] = .string(value) }
            return ImportedBenchmark(toolName: full, name: name, variant: function, qualifiedName: full,
                                     parameters: parameters, runs: runs, sampleKind: .batchMean)
        }
    }

    // MARK: - Files

    private static func sibling(of path: String, named name: String) -> String {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return directory == "/" ? "/" + name : directory + "/" + name
    }

    /// The other file of a sample.json/benchmark.json pair, with a message that says why it is
    /// needed when it is missing.
    private static func readSibling(_ path: String, of original: String) throws(ResultsError) -> [UInt8] {
        do {
            return try LocalFile.readBytes(at: path)
        } catch where error.problem == .noSuchFile {
            throw ResultsError(file: path, problem: .noSuchFile,
                               detail: "no such file; Criterion writes sample.json and benchmark.json side by side, and \(original) needs both")
        }
    }

    /// `directory/sample.json` if it exists, otherwise every `…/new/sample.json` below it,
    /// sorted; and every `…/new/benchmark.json` that has no `sample.json` beside it.
    private static func sampleFiles(in directory: String) -> (samples: [String], benchmarksWithoutSamples: [String]) {
        let manager = FileManager.default
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        if manager.fileExists(atPath: base + "/sample.json") { return ([base + "/sample.json"], []) }
        guard let enumerator = manager.enumerator(atPath: base) else { return ([], []) }
        var samples: [String] = []
        var benchmarks: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative == "new/sample.json" || relative.hasSuffix("/new/sample.json") {
                samples.append(base + "/" + relative)
            } else if relative == "new/benchmark.json" || relative.hasSuffix("/new/benchmark.json") {
                benchmarks.append(base + "/" + relative)
            }
        }
        let sampleSet = Set(samples)
        let orphans = benchmarks.filter { !sampleSet.contains(sibling(of: $0, named: "sample.json")) }
        return (samples.sorted(), orphans.sorted())
    }
}
