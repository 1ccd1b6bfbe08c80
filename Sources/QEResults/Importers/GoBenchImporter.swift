/// Reads the text that `go test -bench . -count N` prints (the format benchstat reads).
///
/// **One sample** is one result line's `ns/op`: the mean time per iteration over that line's
/// b.N iterations (a **batch mean**), in **nanoseconds**. Each line is a separate measurement of
/// the whole benchmark, so **each line is its own run** with one sample: `-count 10` gives 10
/// runs. Other metrics on the line (`MB/s`, `B/op`, `allocs/op`, custom ones) are not used.
///
/// Configuration lines (`goos: linux`, `cpu: ...`, `pkg: ...`) fill in the environment. A
/// failure reported by `go test` (`--- FAIL`, `FAIL`) is refused, as is a file cut off in the
/// middle of a result line; other lines (`PASS`, `ok`, test logs) are skipped.
///
/// **Default naming** (as benchstat): the name without `Benchmark` and without the `-N`
/// GOMAXPROCS suffix (recorded as parameter `gomaxprocs`; kept in the name when the file has
/// several, as `-cpu 1,2,4` gives). Sub-benchmark parts written
/// `key=value` are parameters; a `variant=X` part is the variant and is left out of the name
/// (`BenchmarkSort/variant=quick/n=1000-8` → name `Sort/n=1000`, variant `quick`); otherwise the
/// variant is `default`. `--name-pattern` is searched in the name as printed
/// (`BenchmarkSort/variant=quick/n=1000-8`).
enum GoBenchImporter {
    static func read(_ bytes: [UInt8], source: String) throws(ResultsError) -> ImportedResults {
        func fail(_ problem: ResultsError.Problem, _ line: Int, _ message: String) -> ResultsError {
            ResultsError(file: source, problem: problem, detail: "line \(line): \(message)")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ResultsError(file: source, problem: .malformedText, detail: "not UTF-8 text (expected the output of go test -bench)")
        }
        let lines = text.lines
        let endsWithLineBreak = text.endsWithLineBreak
        let lastContentLine = lines.lastIndex { !String($0).trimmingSpaces.isEmpty }

        var results = ImportedResults(format: .goBench, unit: .nanoseconds, benchmarks: [])
        var index: [String: Int] = [:]
        for (offset, rawLine) in lines.enumerated() {
            let number = offset + 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let isLast = offset == lastContentLine
            if line.hasPrefix("--- FAIL") || line == "FAIL" || line.hasPrefix("FAIL\t") || line.hasPrefix("FAIL ") {
                throw fail(.invalidValue, number, "go test reported a failure (\(String(line).trimmingSpaces)); the timings of a failing run are not judged")
            }
            if let (key, value) = configuration(line) {
                switch key {
                case "goos": results.environment.os = value
                case "cpu": results.environment.cpu = value
                default: break
                }
                continue
            }
            guard isResultLine(line) else { continue }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if fields.count == 1 {
                // go test prints the name before running the benchmark, then the figures; a name
                // alone at the end is a file cut off mid-line.
                if isLast { throw fail(.malformedText, number, "\(fields[0]) has no figures: the file looks cut off") }
                continue
            }
            if isLast && !endsWithLineBreak {
                throw fail(.malformedText, number, "the last line has no line break: the file looks cut off (go test ends every line)")
            }
            guard let iterations = Int(fields[1]), iterations >= 1 else {  // b.N; not needed beyond this check
                throw fail(.malformedText, number, "expected the iteration count after \(fields[0]), found \(JSONStringEscaper.quoted(fields[1]))")
            }
            let figures = fields.dropFirst(2)
            guard figures.count % 2 == 0 else {
                throw fail(.malformedText, number, "expected value-unit pairs after the iteration count (\(fields[0])): the line looks cut off")
            }
            var nanoseconds: Double?
            var position = figures.startIndex
            while position < figures.endIndex {
                let value = figures[position]
                let unit = figures[position + 1]
                if unit == "ns/op" {
                    nanoseconds = try DecimalText.time(value, what: "ns/op value", fail: { fail($0, number, $1) })
                } else if DecimalText.number(value) == nil {
                    throw fail(.malformedText, number, "\(JSONStringEscaper.quoted(value)) before \(unit) is not a number")
                }
                position += 2
            }
            guard let nanoseconds else {
                throw fail(.malformedText, number, "\(fields[0]) has no ns/op value")
            }
            let toolName = fields[0]
            results.append(run: BenchmarkRun(samples: [nanoseconds]), to: toolName,
                           orAdd: naming(toolName, keepingProcessors: false), index: &index)
        }
        // With -cpu 1,2,4 the same benchmark appears with several suffixes: keep them apart.
        let suffixes = Set(results.benchmarks.map { $0.parameters["gomaxprocs"] })
        if suffixes.count > 1 {
            for position in results.benchmarks.indices {
                let named = naming(results.benchmarks[position].toolName, keepingProcessors: true)
                results.benchmarks[position].name = named.name
                results.benchmarks[position].qualifiedName = named.qualifiedName
            }
        }
        guard !results.benchmarks.isEmpty else {
            throw ResultsError(file: source, problem: .noBenchmarks,
                               detail: "no benchmark result lines (BenchmarkName-N <iterations> <value> ns/op), as go test -bench prints")
        }
        return results
    }

    /// Whether the line is a benchmark line: `Benchmark` followed by the end of the word or a
    /// character that is not a lower-case letter (`BenchmarkFoo`, `Benchmark/x`, not
    /// `Benchmarking...`).
    private static func isResultLine(_ line: Substring) -> Bool {
        guard line.hasPrefix("Benchmark") else { return false }
        let rest = line.dropFirst("Benchmark".count)
        guard let next = rest.first else { return true }
        return !next.isLowercase
    }

    /// A configuration line `key: value` (lower-case key without spaces), as go test prints
    /// `goos`, `goarch`, `pkg` and `cpu`.
    private static func configuration(_ line: Substring) -> (String, String)? {
        guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else { return nil }
        let key = line[..<colon]
        guard key.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_" }),
              key.first?.isLowercase == true else { return nil }
        let value = line[line.index(after: colon)...]
        guard value.isEmpty || value.first == " " || value.first == "\t" else { return nil }
        return (String(key), String(value).trimmingSpaces)
    }

    private static func naming(_ toolName: String, keepingProcessors: Bool) -> ImportedBenchmark {
        var name = Substring(toolName)
        var parameters: [String: ParameterValue] = [:]
        var suffix = ""
        if let dash = name.lastIndex(of: "-"), let procs = Int(name[name.index(after: dash)...]),
           !name[..<dash].hasSuffix("=") {
            parameters["gomaxprocs"] = .number(Double(procs))
            suffix = String(name[dash...])
            name = name[..<dash]
        }
        let full = name.hasPrefix("Benchmark") && name.count > "Benchmark".count
            ? String(name.dropFirst("Benchmark".count)) : String(name)
        var parts: [String] = []
        var variant: String?
        for (position, part) in full.split(separator: "/", omittingEmptySubsequences: false).enumerated() {
            if position > 0, let equals = part.firstIndex(of: "=") {
                let key = String(part[..<equals])
                let value = String(part[part.index(after: equals)...])
                if key == "variant" {
                    variant = value
                    continue
                }
                parameters[key] = .string(value)
            }
            parts.append(String(part))
        }
        var shortName = parts.joined(separator: "/")
        if shortName.hasPrefix("/") { shortName.removeFirst() }
        if shortName.isEmpty { shortName = full }
        if keepingProcessors {
            shortName += suffix
        }
        return ImportedBenchmark(toolName: toolName, name: shortName, variant: variant,
                                 qualifiedName: keepingProcessors ? full + suffix : full,
                                 parameters: parameters, runs: [], sampleKind: .batchMean)
    }
}
