/// Reads hyperfine's `--export-json` file.
///
/// **One sample** is one execution of a command: its wall-clock time in **seconds**, as
/// hyperfine measured it (through the shell, with its estimate of the shell's start-up time
/// subtracted), from `results[].times`. All executions of one export are **one run** (hyperfine
/// runs them one after another in one invocation); several exports are several runs.
///
/// **Default naming** uses what hyperfine records. hyperfine compares commands, so the commands
/// are the variants and the parameters (`-P`, `-L`) the workload:
/// - with a `variant` parameter (`-L variant a,b`): variant = that value, name = the other
///   parameters as `size=1000,threads=2` (or `command` when there are none);
/// - with other parameters only (`-P size ...`): name = the parameters, variant = the command
///   with each parameter's value replaced by `{parameter}` (`./sum baseline {size} 50`);
/// - without parameters: name = `command`, variant = the command or its `-n` name.
///
/// The export's summary fields (`mean`, `median`, ...) are not used. A result without `times`
/// (hyperfine's CSV and Markdown exports never have them) is refused: raw times are needed. A
/// command that failed in some executions (`--ignore-failure`) is refused too: its times are
/// not times of the command doing its work.
enum HyperfineImporter {
    static func read(_ document: JSONDocument, source: String) throws(ResultsError) -> ImportedResults {
        let json = ForeignJSON(source: source, formatName: "hyperfine --export-json", document: document)
        let top = try json.root()
        let resultsPath = JSONPath.root.appending("results")
        let elements = try json.array(try json.required(top, "results", at: .root), at: resultsPath)
        guard !elements.isEmpty else {
            throw json.fail(.noBenchmarks, "no benchmarks: \"results\" is empty")
        }
        var benchmarks: [ImportedBenchmark] = []
        for (index, element) in elements.enumerated() {
            let path = resultsPath.appending(index: index)
            let result = try json.object(element, at: path)
            let command = try json.string(try json.required(result, "command", at: path), at: path.appending("command"))
            guard let timesValue = result["times"], timesValue != .null else {
                throw json.fail(.aggregatesOnly,
                                "\(path) (\(command)): no \"times\", only summary statistics; raw timings are needed: "
                                + "export with hyperfine --export-json FILE, which lists every execution's time in \"times\"")
            }
            let times = try json.times(timesValue, at: path.appending("times"))
            try checkExitCodes(result, command: command, count: times.count, at: path, json: json)

            var parameters: [(key: String, value: ParameterValue)] = []
            if let parametersValue = result["parameters"], parametersValue != .null {
                let parametersPath = path.appending("parameters")
                let object = try json.object(parametersValue, at: parametersPath)
                for key in object.keys {
                    guard let value = object[key] else { continue }
                    parameters.append((key, try json.parameter(value, at: parametersPath.appending(key))))
                }
            }
            benchmarks.append(naming(command: command, parameters: parameters, times: times))
        }
        return ImportedResults(format: .hyperfine, unit: .seconds, benchmarks: benchmarks)
    }

    private static func naming(command: String, parameters: [(key: String, value: ParameterValue)], times: [Double]) -> ImportedBenchmark {
        let recordedVariant = parameters.first { $0.key == "variant" }?.value.description
        let others = parameters.filter { $0.key != "variant" }
        let workload = others.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        let name: String
        let variant: String
        if let recordedVariant {
            name = workload.isEmpty ? "command" : workload
            variant = recordedVariant
        } else if !others.isEmpty {
            name = workload
            variant = CommandTemplate.template(of: command, parameters: others.map { ($0.key, $0.value.description) })
        } else {
            name = "command"
            variant = command
        }
        var dictionary: [String: ParameterValue] = [:]
        for (key, value) in others { dictionary[key] = value }
        return ImportedBenchmark(
            toolName: command, name: name, variant: variant, qualifiedName: command,
            parameters: dictionary, runs: [BenchmarkRun(samples: times)], sampleKind: .iteration)
    }

    /// Refuses a result whose command failed in some executions (`exit_codes` not all 0; a
    /// null code means the command was killed by a signal).
    private static func checkExitCodes(_ result: JSONObject, command: String, count: Int, at path: JSONPath,
                                       json: ForeignJSON) throws(ResultsError) {
        guard let value = result["exit_codes"], value != .null else { return }
        let codes = try json.array(value, at: path.appending("exit_codes"))
        let failures = codes.filter { $0 != .number(0) }.count
        guard failures == 0 else {
            throw json.fail(.invalidValue,
                            "\(path) (\(command)): the command failed in \(failures) of \(codes.count) executions "
                            + "(non-zero exit_codes, timed with --ignore-failure); times of failing executions are not judged")
        }
    }
}
