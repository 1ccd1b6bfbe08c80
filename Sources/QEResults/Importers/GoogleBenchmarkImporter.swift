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
        let json = ForeignJSON(source: source, formatName: "Google Benchmark JSON", document: document)
        let top = try json.root()
        let rowsPath = JSONPath.root.appending("benchmarks")
        let rows = try json.array(try json.required(top, "benchmarks", at: .root), at: rowsPath)

        var results = ImportedResults(format: .googleBenchmark, unit: .nanoseconds, benchmarks: [])
        if let contextValue = top["context"], contextValue != .null {
            let contextPath = JSONPath.root.appending("context")
            let context = try json.object(contextValue, at: contextPath)
            // What the tool says about the machine is informative only: odd values are left out
            // rather than refusing the timings.
            results.createdAt = context["date"]?.stringValue
            results.environment.host = context["host_name"]?.stringValue
            results.environment.cores = context["num_cpus"]?.positiveCount
        }

        var index: [String: Int] = [:]
        var repetitionIndices: [[Int?]] = []
        var aggregatesOnly: [String] = []
        var unit: TimeUnit?
        for (rowIndex, element) in rows.enumerated() {
            let path = rowsPath.appending(index: rowIndex)
            let row = try json.object(element, at: path)
            let name = try json.string(try json.required(row, "name", at: path), at: path.appending("name"))
            let runName = try json.optionalString(row, "run_name", at: path) ?? name
            if case .bool(true)? = row["error_occurred"] {
                let message = try json.optionalString(row, "error_message", at: path) ?? "no message"
                throw json.fail(.invalidValue, "\(path) (\(name)): Google Benchmark reported an error: \(message); its times are not judged")
            }
            let runType = try json.optionalString(row, "run_type", at: path)
            if runType == "aggregate" || (runType == nil && row["aggregate_name"] != nil) {
                if !aggregatesOnly.contains(runName) { aggregatesOnly.append(runName) }
                continue
            }
            let unitText = try json.optionalString(row, "time_unit", at: path) ?? "ns"
            guard let rowUnit = TimeUnit(rawValue: unitText) else {
                throw json.fail(.unknownUnit, "\(path).time_unit: unknown unit \(JSONStringEscaper.quoted(unitText)); Google Benchmark's units are ns, us, ms, s")
            }
            let fileUnit = unit ?? rowUnit
            unit = fileUnit
            let realTime = try json.time(try json.required(row, "real_time", at: path), at: path.appending("real_time"))
            var repetition: Int?
            if let value = row["repetition_index"], value != .null {
                repetition = try json.wholeNumber(value, at: path.appending("repetition_index"), minimum: 0)
            }
            let run = BenchmarkRun(samples: [rowUnit.convert(realTime, to: fileUnit)], startedAt: results.createdAt)
            let before = results.benchmarks.count
            results.append(run: run, to: runName, orAdd: ImportedBenchmark(
                toolName: runName, name: runName, variant: nil, qualifiedName: runName,
                runs: [], sampleKind: .batchMean), index: &index)
            if results.benchmarks.count > before { repetitionIndices.append([]) }
            repetitionIndices[index[runName] ?? 0].append(repetition)
        }
        let missing = aggregatesOnly.filter { index[$0] == nil }
        if let first = missing.first {
            let which = missing.count == 1 ? first : "\(first) and \(missing.count - 1) more"
            throw json.fail(.aggregatesOnly,
                            "only aggregates (mean, median, stddev) for \(which); raw timings are needed: rerun with "
                            + "--benchmark_repetitions=N --benchmark_report_aggregates_only=false so that every repetition is written")
        }
        guard !results.benchmarks.isEmpty else {
            throw json.fail(.noBenchmarks, "no benchmarks: \"benchmarks\" is empty")
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
