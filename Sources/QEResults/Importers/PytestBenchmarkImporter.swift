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
        let json = ForeignJSON(source: source, formatName: "pytest-benchmark JSON", document: document)
        let top = try json.root()
        let benchmarksPath = JSONPath.root.appending("benchmarks")
        let elements = try json.array(try json.required(top, "benchmarks", at: .root), at: benchmarksPath)
        guard !elements.isEmpty else {
            throw json.fail(.noBenchmarks, "no benchmarks: \"benchmarks\" is empty")
        }
        var results = ImportedResults(format: .pytestBenchmark, unit: .seconds, benchmarks: [])
        results.createdAt = top["datetime"]?.stringValue
        results.environment = environment(top)

        for (index, element) in elements.enumerated() {
            let path = benchmarksPath.appending(index: index)
            let benchmark = try json.object(element, at: path)
            let name = try json.string(try json.required(benchmark, "name", at: path), at: path.appending("name"))
            let statsPath = path.appending("stats")
            let stats = try json.object(try json.required(benchmark, "stats", at: path), at: statsPath)
            guard let dataValue = stats["data"], dataValue != .null else {
                throw json.fail(.aggregatesOnly,
                                "\(statsPath) (\(name)): no \"data\", only summary statistics; raw timings are needed: "
                                + "rerun pytest with --benchmark-save-data (with --benchmark-json=FILE or --benchmark-autosave)")
            }
            let samples = try json.times(dataValue, at: statsPath.appending("data"))
            let iterations = try json.wholeNumber(try json.required(stats, "iterations", at: statsPath),
                                                  at: statsPath.appending("iterations"), minimum: 1)
            if let roundsValue = stats["rounds"], roundsValue != .null {
                let rounds = try json.wholeNumber(roundsValue, at: statsPath.appending("rounds"), minimum: 1)
                guard rounds == samples.count else {
                    throw json.fail(.invalidValue,
                                    "\(statsPath) (\(name)): \"data\" has \(samples.count) values but \"rounds\" is \(rounds); the file is inconsistent")
                }
            }

            var parameters: [(key: String, value: ParameterValue)] = []
            if let paramsValue = benchmark["params"], paramsValue != .null {
                let paramsPath = path.appending("params")
                let params = try json.object(paramsValue, at: paramsPath)
                for key in params.keys {
                    guard let value = params[key] else { continue }
                    parameters.append((key, try json.parameter(value, at: paramsPath.appending(key))))
                }
            }
            let recordedVariant = parameters.first { $0.key == "variant" }?.value.description
            let others = parameters.filter { $0.key != "variant" }
            var defaultName = name
            if recordedVariant != nil {
                let function = name.firstIndex(of: "[").map { String(name[..<$0]) } ?? name
                defaultName = others.isEmpty ? function : function + "[" + others.map(\.value.description).joined(separator: "-") + "]"
            }
            var dictionary: [String: ParameterValue] = [:]
            for (key, value) in others { dictionary[key] = value }
            results.benchmarks.append(ImportedBenchmark(
                toolName: name, name: defaultName, variant: recordedVariant, qualifiedName: name,
                parameters: dictionary, runs: [BenchmarkRun(samples: samples, startedAt: results.createdAt)],
                sampleKind: iterations == 1 ? .iteration : .batchMean))
        }
        return results
    }

    /// What pytest-benchmark recorded about the machine (`machine_info`, `commit_info`). It is
    /// informative only: values of an unexpected type are left out rather than refusing the
    /// timings.
    private static func environment(_ top: JSONObject) -> EnvironmentInfo {
        var environment = EnvironmentInfo()
        if case let .object(machine)? = top["machine_info"] {
            environment.host = machine["node"]?.stringValue
            environment.os = machine["system"]?.stringValue
            environment.kernel = machine["release"]?.stringValue
            let implementation = machine["python_implementation"]?.stringValue
            let version = machine["python_version"]?.stringValue
            if implementation != nil || version != nil {
                environment.toolchain = [implementation ?? "Python", version].compactMap { $0 }.joined(separator: " ")
            }
            if case let .object(cpu)? = machine["cpu"] {
                environment.cpu = cpu["brand_raw"]?.stringValue
                environment.cores = cpu["count"]?.positiveCount
            }
        }
        if case let .object(commit)? = top["commit_info"], let id = commit["id"]?.stringValue, id != "unknown", !id.isEmpty {
            environment.gitCommit = id
        }
        return environment
    }
}
