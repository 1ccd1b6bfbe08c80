import Foundation

/// Reads pyperf's JSON: a suite (`-o FILE` of a `pyperf.Runner` script with several
/// benchmarks) or a single benchmark (`python -m pyperf timeit … -o FILE`, `pyperf command`),
/// plain or gzip-compressed (`FILE.json.gz`, which pyperf writes when the name ends in `.gz`).
///
/// **One sample** is one element of a run's `values`: the time of one batch of `loops`
/// iterations (times `inner_loops`, for `timeit` statements repeated inside one loop) divided
/// by the iterations, in **seconds**. With `loops` and `inner_loops` both 1 (`pyperf command`,
/// `--loops 1`) that is one iteration; otherwise it is a **batch mean**, and the results say
/// so. **Each run is one run**: pyperf runs every benchmark in several worker processes
/// (`--processes`, 20 by default), and each process's values are one run, with its warm-ups as
/// the run's warm-up. Runs with warm-ups but no values are pyperf's calibration runs (they find
/// `loops`) and are left out. Files that `--append` added runs to hold those runs too.
///
/// Metadata are inherited as pyperf does it (a run's over its benchmark's over the file's): the
/// name, the unit (only `second` is a time; `byte` and `integer` benchmarks are refused), the
/// loops, and for the environment the host name, CPU model and count, platform, Python
/// implementation and version, and the command (`pyperf command`); each run's `date` is its
/// start.
///
/// **Default naming**: name = the benchmark's name, variant = `default`. `--name-pattern` is
/// searched in the name (`'(?<name>.+)-(?<variant>baseline|candidate)'` splits
/// `sum-baseline`).
enum PyperfImporter {
    static func read(_ document: JSONDocument, source: String) throws(ResultsError) -> ImportedResults {
        let decoder = ForeignJSONDecoder(source: source, formatName: "pyperf JSON", document: document)
        let file = try decoder.decode(PyperfFile.self)
        guard !file.benchmarks.isEmpty else {
            throw ResultsError(file: source, problem: .noBenchmarks, detail: "no benchmarks: \"benchmarks\" is empty")
        }
        var results = ImportedResults(format: .pyperf, unit: .seconds, benchmarks: [])
        let common = file.metadata ?? PyperfMetadata()
        results.environment = common.environment
        for (index, benchmark) in file.benchmarks.enumerated() {
            let location = "benchmarks[\(index)]"
            let metadata = (benchmark.metadata ?? PyperfMetadata()).inheriting(common)
            guard let name = metadata.name else {
                throw ResultsError(file: source, problem: .missingKey,
                                   detail: "\(location): no \"name\" in its metadata or the file's (pyperf names every benchmark)")
            }
            let unit = metadata.unit ?? "second"
            guard unit == "second" else {
                throw ResultsError(file: source, problem: .unknownUnit,
                                   detail: "\(location) (\(name)): unit \(JSONStringEscaper.quoted(unit)) is not a time; qe-validate judges times (pyperf unit \"second\")")
            }
            var runs: [BenchmarkRun] = []
            var batched = false
            for run in benchmark.runs {
                guard let values = run.values, !values.isEmpty else { continue }  // a calibration run
                let runMetadata = (run.metadata ?? PyperfMetadata()).inheriting(metadata)
                if (runMetadata.loops ?? 1) * (runMetadata.innerLoops ?? 1) > 1 { batched = true }
                runs.append(BenchmarkRun(samples: values.map(\.value), warmup: (run.warmups ?? []).map(\.value),
                                         startedAt: runMetadata.date))
            }
            guard !runs.isEmpty else {
                throw ResultsError(file: source, problem: .noRuns,
                                   detail: "\(location) (\(name)): no run has values (only calibration runs, which hold warm-ups)")
            }
            results.createdAt = results.createdAt ?? runs.first?.startedAt
            results.benchmarks.append(ImportedBenchmark(
                toolName: name, name: name, variant: nil, qualifiedName: name, runs: runs,
                sampleKind: batched ? .batchMean : .iteration))
        }
        return results
    }

    /// Whether a parsed JSON object is a pyperf file: `benchmarks` whose first element has
    /// `runs`, and no keys of the other formats with a `benchmarks` list.
    static func isPyperf(_ top: JSONObject) -> Bool {
        guard case let .array(benchmarks)? = top["benchmarks"], case let .object(first)? = benchmarks.first else { return false }
        return first["runs"] != nil && first["stats"] == nil && top["context"] == nil
    }
}
