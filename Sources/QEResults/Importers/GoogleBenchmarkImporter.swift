/// Reads Google Benchmark's JSON output (`--benchmark_out=FILE --benchmark_out_format=json`, or
/// `--benchmark_format=json` on standard output).
///
/// **One sample** is one repetition's `real_time`: the wall time per iteration averaged over
/// that repetition's `iterations` (a **batch mean**), in the row's `time_unit` (samples of rows
/// with different units are converted to the first row's). Every repetition is a separate
/// measurement of the whole benchmark, so **each repetition is its own run** with one sample:
/// `--benchmark_repetitions=10` gives 10 runs. (All repetitions come from one process; use
/// several files from several processes for process-to-process variation.) `cpu_time` is not
/// used: the design judges wall time.
///
/// Aggregate rows (`run_type: "aggregate"`: mean, median, stddev, cv, BigO) are skipped; a
/// benchmark that has only aggregates (`--benchmark_report_aggregates_only=true`) is refused,
/// since raw timings are needed. A row with `error_occurred` is refused.
///
/// **Default naming**: name = `run_name` (`BM_Sum/16384`), variant = `default`.
enum GoogleBenchmarkImporter {
    static func read(_ document: JSONDocument, source: String) throws(ResultsError) -> ImportedResults {
        let decoder = ForeignJSONDecoder(source: source, formatName: "Google Benchmark JSON", document: document)
        let file = try decoder.decode(GoogleBenchmarkFile.self)
        var results = ImportedResults(format: .googleBenchmark, unit: .nanoseconds, benchmarks: [])
        // What the tool says about the machine is informative only: odd values are left out
        // rather than refusing the timings.
        results.createdAt = file.context?["date"]?.string
        results.environment.host = file.context?["host_name"]?.string
        results.environment.cores = file.context?["num_cpus"]?.value.positiveCount

        var index: [String: Int] = [:]
        var repetitionIndices: [[Int?]] = []
        var aggregatesOnly: [String] = []
        var unit: TimeUnit?
        for (rowIndex, row) in file.benchmarks.enumerated() {
            let path = "benchmarks[\(rowIndex)]"
            let runName = row.runName ?? row.name
            if row.errorOccurred == true {
                throw ResultsError(file: source, problem: .invalidValue,
                                   detail: "\(path) (\(row.name)): Google Benchmark reported an error: \(row.errorMessage ?? "no message"); its times are not judged")
            }
            if row.isAggregate {
                if !aggregatesOnly.contains(runName) { aggregatesOnly.append(runName) }
                continue
            }
            let unitText = row.timeUnit ?? "ns"
            guard let rowUnit = TimeUnit(rawValue: unitText) else {
                throw ResultsError(file: source, problem: .unknownUnit,
                                   detail: "\(path).time_unit: unknown unit \(JSONStringEscaper.quoted(unitText)); Google Benchmark's units are ns, us, ms, s")
            }
            let fileUnit = unit ?? rowUnit
            unit = fileUnit
            guard let realTimeValue = row.realTime else {
                throw ResultsError(file: source, problem: .missingKey, detail: "\(path): missing \"real_time\" (Google Benchmark JSON)")
            }
            let realTime: Double
            do {
                realTime = try realTimeValue.decode(PositiveTime.self).value
            } catch {
                throw decoder.resultsError(for: error)
            }
            let run = BenchmarkRun(samples: [rowUnit.convert(realTime, to: fileUnit)], startedAt: results.createdAt)
            let before = results.benchmarks.count
            results.append(run: run, to: runName, orAdd: ImportedBenchmark(
                toolName: runName, name: runName, variant: nil, qualifiedName: runName,
                runs: [], sampleKind: .batchMean), index: &index)
            if results.benchmarks.count > before { repetitionIndices.append([]) }
            repetitionIndices[index[runName] ?? 0].append(row.repetitionIndex)
        }
        if let which = aggregatesOnly.filter({ index[$0] == nil }).namedBriefly {
            throw ResultsError(file: source, problem: .aggregatesOnly,
                               detail: "only aggregates (mean, median, stddev) for \(which); raw timings are needed: rerun with "
                                   + "--benchmark_repetitions=N --benchmark_report_aggregates_only=false so that every repetition is written")
        }
        guard !results.benchmarks.isEmpty else {
            throw ResultsError(file: source, problem: .noBenchmarks, detail: "no benchmarks: \"benchmarks\" is empty")
        }
        // Repetitions in repetition order (the file keeps it; interleaving does not change it).
        for (position, repetitions) in repetitionIndices.enumerated() {
            let order = repetitions.compactMap { $0 }
            guard order.count == repetitions.count else { continue }
            let sorted = zip(order, results.benchmarks[position].runs).sorted { $0.0 < $1.0 }
            results.benchmarks[position].runs = sorted.map(\.1)
        }
        results.unit = unit ?? .nanoseconds
        return results
    }
}
