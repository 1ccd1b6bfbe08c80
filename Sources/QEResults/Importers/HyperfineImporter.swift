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
        let export = try ForeignJSONDecoder(source: source, formatName: "hyperfine --export-json", document: document)
            .decode(HyperfineExport.self)
        guard !export.results.isEmpty else {
            throw ResultsError(file: source, problem: .noBenchmarks, detail: "no benchmarks: \"results\" is empty")
        }
        var benchmarks: [ImportedBenchmark] = []
        for (index, result) in export.results.enumerated() {
            let path = "results[\(index)]"
            guard let times = result.times else {
                throw ResultsError(file: source, problem: .aggregatesOnly,
                                   detail: "\(path) (\(result.command)): no \"times\", only summary statistics; raw timings are needed: "
                                       + "export with hyperfine --export-json FILE, which lists every execution's time in \"times\"")
            }
            guard !times.isEmpty else {
                throw ResultsError(file: source, problem: .noSamples, detail: "\(path).times: no times (the array is empty)")
            }
            // A command that failed (non-zero code; null: killed by a signal) was timed with
            // --ignore-failure: those are not times of the command doing its work.
            let failures = (result.exitCodes ?? []).filter { $0 != 0 }.count
            guard failures == 0 else {
                throw ResultsError(file: source, problem: .invalidValue,
                                   detail: "\(path) (\(result.command)): the command failed in \(failures) of \(result.exitCodes?.count ?? 0) executions "
                                       + "(non-zero exit_codes, timed with --ignore-failure); times of failing executions are not judged")
            }
            benchmarks.append(naming(command: result.command, parameters: result.parameters, times: times.map(\.value)))
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
}
