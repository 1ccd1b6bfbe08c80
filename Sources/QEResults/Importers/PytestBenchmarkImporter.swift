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
        results.createdAt = try json.optionalString(top, "datetime", at: .root)
        results.environment = try environment(top, json: json)

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

    /// What pytest-benchmark recorded about the machine (`machine_info`, `commit_info`).
    private static func environment(_ top: JSONObject, json: ForeignJSON) throws(ResultsError) -> EnvironmentInfo {
        var environment = EnvironmentInfo()
        let machinePath = JSONPath.root.appending("machine_info")
        if let machineValue = top["machine_info"], machineValue != .null {
            let machine = try json.object(machineValue, at: machinePath)
            environment.host = try json.optionalString(machine, "node", at: machinePath)
            environment.os = try json.optionalString(machine, "system", at: machinePath)
            environment.kernel = try json.optionalString(machine, "release", at: machinePath)
            let implementation = try json.optionalString(machine, "python_implementation", at: machinePath)
            let version = try json.optionalString(machine, "python_version", at: machinePath)
            if implementation != nil || version != nil {
                environment.toolchain = [implementation ?? "Python", version].compactMap { $0 }.joined(separator: " ")
            }
            if let cpuValue = machine["cpu"], case let .object(cpu) = cpuValue {
                let cpuPath = machinePath.appending("cpu")
                environment.cpu = try json.optionalString(cpu, "brand_raw", at: cpuPath)
                if let count = cpu["count"], count != .null {
                    environment.cores = try json.wholeNumber(count, at: cpuPath.appending("count"), minimum: 1)
                }
            }
        }
        let commitPath = JSONPath.root.appending("commit_info")
        if let commitValue = top["commit_info"], case let .object(commit) = commitValue,
           let id = try json.optionalString(commit, "id", at: commitPath), id != "unknown", !id.isEmpty {
            environment.gitCommit = id
        }
        return environment
    }
}
