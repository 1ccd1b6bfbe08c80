/// Reads pytest-benchmark's JSON (`--benchmark-json=FILE`, or a file saved by
/// `--benchmark-save`/`--benchmark-autosave` with `--benchmark-save-data`).
///
/// **One sample** is one element of `stats.data`: one round's time divided by the round's
/// `stats.iterations`, in **seconds**. With one iteration per round that is one iteration;
/// otherwise it is a **batch mean** (`benchmark.pedantic(..., iterations=10)`, or the
/// calibration of ordinary `benchmark(...)` calls), and the results say so. **One file is one
/// run**: pytest ran every round of every test in that one process. Several files (pytest
/// invoked several times) are several runs.
///
/// A benchmark without `stats.data` holds only summary statistics and is refused, with how to
/// keep the data (`--benchmark-save-data`).
///
/// **Default naming**: with a `variant` parameter (`@pytest.mark.parametrize("variant", ...)`),
/// variant = its value and name = the test function, with the other parameters' values in
/// brackets (`test_sort[1000]`); otherwise name = the test's name (`test_sort[1000]`) and
/// variant = `default`.
enum PytestBenchmarkImporter {
    static func read(_ document: JSONDocument, source: String) throws(ResultsError) -> ImportedResults {
        let file = try ForeignJSONDecoder(source: source, formatName: "pytest-benchmark JSON", document: document)
            .decode(PytestBenchmarkFile.self)
        guard !file.benchmarks.isEmpty else {
            throw ResultsError(file: source, problem: .noBenchmarks, detail: "no benchmarks: \"benchmarks\" is empty")
        }
        var results = ImportedResults(format: .pytestBenchmark, unit: .seconds, benchmarks: [])
        results.createdAt = file.datetime
        results.environment = environment(file)
        for (index, benchmark) in file.benchmarks.enumerated() {
            let statsPath = "benchmarks[\(index)].stats"
            let name = benchmark.name
            guard let data = benchmark.stats.data else {
                throw ResultsError(file: source, problem: .aggregatesOnly,
                                   detail: "\(statsPath) (\(name)): no \"data\", only summary statistics; raw timings are needed: "
                                       + "rerun pytest with --benchmark-save-data (with --benchmark-json=FILE or --benchmark-autosave)")
            }
            guard !data.isEmpty else {
                throw ResultsError(file: source, problem: .noSamples, detail: "\(statsPath).data: no times (the array is empty)")
            }
            if let rounds = benchmark.stats.rounds, rounds != data.count {
                throw ResultsError(file: source, problem: .invalidValue,
                                   detail: "\(statsPath) (\(name)): \"data\" has \(data.count) values but \"rounds\" is \(rounds); the file is inconsistent")
            }
            let recordedVariant = benchmark.parameters.first { $0.key == "variant" }?.value.description
            let others = benchmark.parameters.filter { $0.key != "variant" }
            var defaultName = name
            if recordedVariant != nil {
                let function = name.firstIndex(of: "[").map { String(name[..<$0]) } ?? name
                defaultName = others.isEmpty ? function : function + "[" + others.map(\.value.description).joined(separator: "-") + "]"
            }
            var dictionary: [String: ParameterValue] = [:]
            for (key, value) in others { dictionary[key] = value }
            results.benchmarks.append(ImportedBenchmark(
                toolName: name, name: defaultName, variant: recordedVariant, qualifiedName: name,
                parameters: dictionary, runs: [BenchmarkRun(samples: data.map(\.value), startedAt: results.createdAt)],
                sampleKind: benchmark.stats.iterations == 1 ? .iteration : .batchMean))
        }
        return results
    }

    /// What pytest-benchmark recorded about the machine (`machine_info`, `commit_info`). It is
    /// informative only: values of an unexpected type are left out rather than refusing the
    /// timings.
    private static func environment(_ file: PytestBenchmarkFile) -> EnvironmentInfo {
        var environment = EnvironmentInfo()
        if let machine = file.machineInfo {
            environment.host = machine["node"]?.string
            environment.os = machine["system"]?.string
            environment.kernel = machine["release"]?.string
            let implementation = machine["python_implementation"]?.string
            let version = machine["python_version"]?.string
            if implementation != nil || version != nil {
                environment.toolchain = [implementation ?? "Python", version].compactMap { $0 }.joined(separator: " ")
            }
            if case let .object(cpu)? = machine["cpu"]?.value {
                environment.cpu = cpu["brand_raw"]?.stringValue
                environment.cores = cpu["count"]?.positiveCount
            }
        }
        if let id = file.commitInfo?["id"]?.string, id != "unknown", !id.isEmpty {
            environment.gitCommit = id
        }
        return environment
    }
}
