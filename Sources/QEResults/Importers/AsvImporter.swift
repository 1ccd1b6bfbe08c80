import Foundation

/// Reads an asv (airspeed velocity) results file, `results/MACHINE/COMMIT-ENVIRONMENT.json`,
/// written with `--record-samples` (`asv run --record-samples`; `asv continuous` records
/// samples by default).
///
/// **One sample** is one element of a benchmark's `samples` for one parameter combination: the
/// time of one repeat divided by its `number` iterations, in **seconds**: one iteration when
/// `number` is 1, otherwise a **batch mean**, and the results say so. **One file is one run**:
/// asv measures each benchmark in a few processes (`rounds`, 2 by default) but the file does
/// not say which sample came from which, so they stay together; several files (asv runs) are
/// several runs. A file without samples (asv's default) holds only statistics and is refused,
/// with how to get them.
///
/// Only timing benchmarks are read: those whose function name starts with `time_` or
/// `timeraw_` (or whose `type` is `time` in `benchmarks.json`). Memory (`mem_`, `peakmem_`)
/// and tracking (`track_`) benchmarks are not times and are left out, as are parameter
/// combinations asv recorded no result for (a benchmark that failed or was skipped for them).
///
/// The commit asv measured (`commit_hash`) becomes `environment.gitCommit`; the machine
/// (`params`: `machine`, `cpu`, `num_cpu`, `os`, `python`) the rest of the environment; each
/// benchmark's `started_at` its run's start.
///
/// Parameter names are in `benchmarks.json`, which asv writes beside the machine folders
/// (`results/benchmarks.json`); it is read when it is next to the file or one folder up.
/// Without it parameters are named `param1`, `param2`, ... as asv names unnamed parameters.
///
/// **Default naming**: with a parameter named `variant`, variant = its value and name = the
/// benchmark with its other parameters (`bench.Suite.time_sum(size=1000)`); otherwise
/// name = the benchmark with all its parameters and variant = `default`. `--name-pattern` is
/// searched in the benchmark as asv shows it, with its parameter values
/// (`bench.Suite.time_sum('baseline', 1000)`).
enum AsvImporter {
    static func read(_ document: JSONDocument, source: String) throws(ResultsError) -> ImportedResults {
        let decoder = ForeignJSONDecoder(source: source, formatName: "asv results", document: document)
        let file = try decoder.decode(AsvResultsFile.self)
        guard file.version == 2 else {
            throw ResultsError(file: source, problem: .unrecognizedFormat,
                               detail: "asv results format version \(file.version); qe-validate reads version 2 (what asv 0.5 and later write)")
        }
        let descriptions = try benchmarkDescriptions(near: source)
        var results = ImportedResults(format: .asv, unit: .seconds, benchmarks: [])
        results.environment = file.environment
        var aggregatesOnly: [String] = []
        var earliestStart: Double?
        for entry in file.results {
            let description = descriptions[entry.name]
            guard isTiming(entry.name, type: description?.type) else { continue }
            let row: AsvResultRow
            do {
                row = try AsvResultRow(entry.row, columns: file.resultColumns)
            } catch {
                throw decoder.resultsError(for: error)
            }
            // asv writes a benchmark that failed for every combination with a null result.
            guard !row.result.isEmpty else { continue }
            let names = description?.parameterNames ?? (0..<row.parameters.count).map { "param\($0 + 1)" }
            guard names.count == row.parameters.count else {
                throw ResultsError(file: source, problem: .invalidValue,
                                   detail: "results[\(JSONStringEscaper.quoted(entry.name))]: \(row.parameters.count) parameter lists, but benchmarks.json names \(names.count)")
            }
            let combinations = AsvParameters.combinations(row.parameters)
            guard row.result.count == combinations.count else {
                throw ResultsError(file: source, problem: .invalidValue,
                                   detail: "results[\(JSONStringEscaper.quoted(entry.name))]: \(row.result.count) results for \(combinations.count) parameter combinations")
            }
            for (index, combination) in combinations.enumerated() where row.result[index] != nil {
                let naming = AsvParameters(benchmark: entry.name, names: names, values: combination)
                guard let samples = row.samples?[index] else {
                    aggregatesOnly.append(naming.toolName)
                    continue
                }
                let startedAt = row.startedAt.map(Self.isoDate)
                earliestStart = min(earliestStart ?? .infinity, row.startedAt ?? .infinity)
                let batched = (row.number?[index] ?? 2) > 1  // unknown counts are taken to be batches
                results.benchmarks.append(ImportedBenchmark(
                    toolName: naming.toolName, name: naming.name, variant: naming.variant, qualifiedName: naming.toolName,
                    parameters: naming.parameters, runs: [BenchmarkRun(samples: samples, startedAt: startedAt)],
                    sampleKind: batched ? .batchMean : .iteration))
            }
        }
        if let which = aggregatesOnly.namedBriefly {
            throw ResultsError(file: source, problem: .aggregatesOnly,
                               detail: "no samples for \(which), only asv's statistics; raw timings are needed: "
                                   + "run asv with --record-samples (asv run --record-samples; asv continuous records them by default)")
        }
        guard !results.benchmarks.isEmpty else {
            throw ResultsError(file: source, problem: .noBenchmarks,
                               detail: "no timing results (benchmarks named time_… or timeraw_… with a result); memory and tracking benchmarks are not times")
        }
        if let earliestStart, earliestStart.isFinite { results.createdAt = isoDate(earliestStart) }
        return results
    }

    /// Whether a parsed JSON object is an asv results file.
    static func isAsvResults(_ top: JSONObject) -> Bool {
        top["result_columns"] != nil && top["commit_hash"] != nil
    }

    /// Whether the benchmark is a timing: by its type in `benchmarks.json`, else by asv's
    /// naming rule (the function name's prefix).
    private static func isTiming(_ name: String, type: String?) -> Bool {
        if let type { return type == "time" }
        let function = name.split(separator: ".").last.map(String.init) ?? name
        return function.hasPrefix("time_") || function.hasPrefix("timeraw_")
    }

    /// `2026-12-06T08:41:29Z` for asv's JavaScript timestamps (milliseconds since 1970).
    private static func isoDate(_ milliseconds: Double) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: milliseconds / 1000))
    }

    /// The type and parameter names of each benchmark, from the `benchmarks.json` beside the file
    /// or one folder up; empty when there is none.
    private static func benchmarkDescriptions(near source: String) throws(ResultsError) -> [String: AsvBenchmarkDescription] {
        let folder = URL(fileURLWithPath: source).deletingLastPathComponent()
        for candidate in [folder, folder.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("benchmarks.json").path
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let document = try ForeignJSON.parse(try LocalFile.readBytes(at: path), source: path)
            let decoder = ForeignJSONDecoder(source: path, formatName: "asv benchmarks.json", document: document)
            return try decoder.decode(AsvBenchmarksFile.self).benchmarks
        }
        return [:]
    }
}
