/// Gives the benchmarks an importer read their (name, variant), by `--name-pattern`,
/// `--variant` or the format's default naming, and makes the ``ResultsFile``.
///
/// - With a pattern: it is searched in each benchmark's tool name (a benchmark it does not
///   occur in is an error); the `name` group is the name (without one: the tool name with the
///   variant's text cut out); the `variant` group is the variant (without one: `--variant`, else
///   the tool's recorded variant, else `default`).
/// - With `--variant LABEL` alone: every variant is LABEL, and each name is the tool's full
///   name, so benchmarks that differed only by their recorded variant stay apart.
/// - Otherwise: the format's default naming (see ``ImportFormat/defaultNaming``).
///
/// Two benchmarks that end up with the same (name, variant) are an error that names both: a
/// pattern or option must tell them apart. Nothing is merged or dropped silently.
enum BenchmarkNaming {
    static func results(from imported: ImportedResults, options: ImportOptions, source: String) throws(ResultsError) -> ResultsFile {
        func fail(_ problem: ResultsError.Problem, _ detail: String) -> ResultsError {
            ResultsError(file: source, problem: problem, detail: detail)
        }
        var benchmarks: [Benchmark] = []
        var toolNameOfKey: [BenchmarkKey: String] = [:]
        for item in imported.benchmarks {
            let name: String
            let variant: String
            if let pattern = options.namePattern {
                guard let match = pattern.match(item.toolName) else {
                    throw fail(.invalidValue, "benchmark \(JSONStringEscaper.quoted(item.toolName)) does not match --name-pattern '\(pattern)'")
                }
                name = match.name ?? match.nameWithoutVariant
                variant = match.variant ?? options.variant ?? item.variant ?? ImportOptions.defaultVariant
            } else if let label = options.variant {
                name = item.qualifiedName
                variant = label
            } else {
                name = item.name
                variant = item.variant ?? ImportOptions.defaultVariant
            }
            guard !name.isEmpty else {
                throw fail(.invalidValue, "benchmark \(JSONStringEscaper.quoted(item.toolName)): the name would be empty (check --name-pattern's name group)")
            }
            guard !variant.isEmpty else {
                throw fail(.invalidValue, "benchmark \(JSONStringEscaper.quoted(item.toolName)): the variant would be empty (check --name-pattern's variant group)")
            }
            let key = BenchmarkKey(name: name, variant: variant)
            if let other = toolNameOfKey[key] {
                let hint = options.namePattern == nil
                    ? "tell them apart with --name-pattern (groups name and variant)"
                    : "--name-pattern '\(options.namePattern?.pattern ?? "")' does not tell them apart"
                throw fail(.duplicateBenchmark,
                           "benchmarks \(JSONStringEscaper.quoted(other)) and \(JSONStringEscaper.quoted(item.toolName)) both become \(key); \(hint)")
            }
            toolNameOfKey[key] = item.toolName
            benchmarks.append(Benchmark(name: name, variant: variant, parameters: item.parameters, runs: item.runs,
                                        sampleKind: item.sampleKind))
        }
        return ResultsFile(suite: options.suite ?? imported.format.rawValue, unit: imported.unit,
                           createdAt: imported.createdAt, environment: imported.environment, benchmarks: benchmarks)
    }
}
