import Foundation

/// Reads the output of Swift's package-benchmark (ordo-one/benchmark) that keeps every
/// measurement:
///
/// - a baseline's `results.json` (`swift package benchmark baseline update NAME` writes
///   `.benchmarkBaselines/TARGET/NAME/results.json`): every benchmark of the target;
/// - the `jmh` export (`--format jmh`): every benchmark, its wall-clock `rawData`;
/// - the `histogramEncoded` export (`TARGET.NAME.wallClock.histogram.json`): one benchmark;
/// - the `histogramSamples` export (`….wallClock.histogram.samples.tsv`) of a benchmark whose
///   times are in nanoseconds (`timeUnits: .nanoseconds`); in other units it rounds every value
///   to a whole unit and is refused, as are the exports that hold only percentiles or summaries
///   (`histogram`, `histogramPercentiles`, `influx`, `jsonSmallerIsBetter`).
///
/// package-benchmark keeps no list of measurements: it records each one in an HDR histogram
/// (3 significant digits by default) and every export is made from it. **One sample** is one
/// wall-clock measurement as the histogram kept it — the highest value of its bucket, in
/// **nanoseconds** (the `jmh` export: microseconds) — in ascending order (the histogram does
/// not keep the time order). A measurement covers one iteration, or `scalingFactor` iterations
/// for a benchmark that sets one: `results.json` records the factor, and those samples are the
/// batch time divided by it (`histogram-batch-mean`); the exports do not record it, so a
/// benchmark with a scaling factor reads from them as batch totals — use `results.json` for
/// such benchmarks. Every sample kind from here is marked as rounded to the histogram, and
/// every verdict says so. **One file is one run** (one benchmark process); several files are
/// several runs. Only the `wallClock` metric is read; a benchmark without it is refused.
///
/// **Default naming**: name = the benchmark's name; a `variant` tag is the variant
/// (`Benchmark("sum", configuration: .init(tags: ["variant": "baseline"]))`), and other tags
/// stay in the name as package-benchmark shows them (`sum (size: 1024)`); without a `variant`
/// tag the variant is `default`. The exports replace spaces with `_` (`sum_(variant:_baseline)`)
/// and keep that spelling. `--name-pattern` is searched in the name as the file writes it.
enum PackageBenchmarkImporter {
    /// Reads a baseline's `results.json`, a `jmh` export or a `histogram.json` export.
    static func read(_ document: JSONDocument, source: String) throws(ResultsError) -> ImportedResults {
        let decoder = ForeignJSONDecoder(source: source, formatName: "package-benchmark JSON", document: document)
        if isJMH(document.root) {
            return try readJMH(try decoder.decode([PackageBenchmarkJMHElement].self), source: source)
        }
        if case let .object(top) = document.root, isHistogram(top) {
            let histogram = try decoder.decode(HDRHistogramCounts.self)
            let file = try PackageBenchmarkExportFileName(source, suffix: ".histogram.json")
            let benchmark = PackageBenchmarkName(exportedName: file.benchmark).benchmark(samples: histogram.values(), kind: .histogramIteration)
            return ImportedResults(format: .packageBenchmark, unit: .nanoseconds, benchmarks: [benchmark])
        }
        if isSummaryJSON(document.root) {
            throw refuseSummary(source, export: "jsonSmallerIsBetter (or jsonBiggerIsBetter) export, which holds one percentile per benchmark")
        }
        let baseline = try decoder.decode(PackageBenchmarkBaseline.self)
        var results = ImportedResults(format: .packageBenchmark, unit: .nanoseconds, benchmarks: [])
        results.environment = baseline.environment
        for entry in baseline.results {
            guard let wallClock = entry.results.first(where: { $0.metric == "wallClock" }) else {
                throw ResultsError(file: source, problem: .missingKey,
                                   detail: "benchmark \(JSONStringEscaper.quoted(entry.name)) of \(entry.target) has no wallClock metric (it measured \(entry.results.map(\.metric).joined(separator: ", "))); add .wallClock to its configuration's metrics")
            }
            let factor = Double(wallClock.scalingFactor)
            let samples = wallClock.histogram.values().map { factor > 1 ? $0 / factor : $0 }
            let naming = PackageBenchmarkName(displayName: entry.name, tags: wallClock.tags)
            results.benchmarks.append(naming.benchmark(samples: samples, kind: factor > 1 ? .histogramBatchMean : .histogramIteration))
        }
        guard !results.benchmarks.isEmpty else {
            throw ResultsError(file: source, problem: .noBenchmarks, detail: "no benchmarks: \"results\" is empty")
        }
        return results
    }

    /// Reads the `histogramSamples` export: a header naming the metric and its unit, then one
    /// whole number per line.
    static func read(samplesExport bytes: [UInt8], source: String) throws(ResultsError) -> ImportedResults {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ResultsError(file: source, problem: .malformedText, detail: "not UTF-8 text (expected package-benchmark's histogramSamples export)")
        }
        let lines = text.lines
        let header = String(lines.first ?? "").trimmingSpaces
        guard header.hasPrefix("Time (wall clock) (") else {
            throw ResultsError(file: source, problem: .invalidValue,
                               detail: "line 1: \(JSONStringEscaper.quoted(header)) is not the wall-clock metric; qe-validate judges wall time: give the ….wallClock.histogram.samples.tsv file")
        }
        guard header == "Time (wall clock) (ns)" else {
            throw ResultsError(file: source, problem: .invalidValue,
                               detail: "line 1: the values are whole \(header.dropFirst("Time (wall clock) (".count).dropLast()), rounded by the export; read the baseline's results.json (or the jmh or histogramEncoded export) instead, or set timeUnits: .nanoseconds in the benchmark's configuration")
        }
        guard text.endsWithLineBreak else {
            throw ResultsError(file: source, problem: .malformedText,
                               detail: "line \(lines.count): the last line has no line break: the file looks cut off")
        }
        var samples: [Double] = []
        for (offset, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            guard let value = UInt64(line), value <= 1 << 53 else {
                throw ResultsError(file: source, problem: .malformedText,
                                   detail: "line \(offset + 1): \(JSONStringEscaper.quoted(String(line))) is not a whole number of nanoseconds")
            }
            samples.append(Double(value))
        }
        guard !samples.isEmpty else {
            throw ResultsError(file: source, problem: .noSamples, detail: "no values after the header")
        }
        let file = try PackageBenchmarkExportFileName(source, suffix: ".histogram.samples.tsv")
        let benchmark = PackageBenchmarkName(exportedName: file.benchmark).benchmark(samples: samples, kind: .histogramIteration)
        return ImportedResults(format: .packageBenchmark, unit: .nanoseconds, benchmarks: [benchmark])
    }

    private static func readJMH(_ elements: [PackageBenchmarkJMHElement], source: String) throws(ResultsError) -> ImportedResults {
        guard !elements.isEmpty else {
            throw ResultsError(file: source, problem: .noBenchmarks, detail: "no benchmarks: the JMH array is empty")
        }
        var results = ImportedResults(format: .packageBenchmark, unit: .microseconds, benchmarks: [])
        for (index, element) in elements.enumerated() {
            guard let wallClock = element.wallClock else {
                throw ResultsError(file: source, problem: .missingKey,
                                   detail: "[\(index)] (\(element.benchmark)): no \"Time (wall clock)\" among the secondary metrics; add .wallClock to the benchmark's metrics")
            }
            guard wallClock.scoreUnit == "μs" else {
                throw ResultsError(file: source, problem: .unknownUnit,
                                   detail: "[\(index)] (\(element.benchmark)): wall-clock unit \(JSONStringEscaper.quoted(wallClock.scoreUnit)); package-benchmark writes μs")
            }
            results.benchmarks.append(PackageBenchmarkName(exportedName: element.shortName).benchmark(samples: wallClock.samples, kind: .histogramIteration))
        }
        return results
    }

    // MARK: - Recognising the files

    /// Whether a parsed object is a package-benchmark baseline (`results.json`).
    static func isBaseline(_ top: JSONObject) -> Bool {
        top["baselineName"] != nil && top["results"] != nil && top["machine"] != nil
    }

    /// Whether a parsed object is an HDR histogram (`histogramEncoded` export).
    static func isHistogram(_ top: JSONObject) -> Bool {
        top["counts"] != nil && top["subBucketHalfCountMagnitude"] != nil
    }

    /// Whether a parsed value is package-benchmark's JMH export.
    static func isJMH(_ root: JSONValue) -> Bool {
        guard case let .array(elements) = root, case let .object(first)? = elements.first,
              case let .string(name)? = first["benchmark"] else { return false }
        return name.hasPrefix("package.benchmark.") && first["primaryMetric"] != nil
    }

    /// Whether a parsed value is the `jsonSmallerIsBetter`/`jsonBiggerIsBetter` export.
    static func isSummaryJSON(_ root: JSONValue) -> Bool {
        guard case let .array(elements) = root, case let .object(first)? = elements.first else { return false }
        return first["name"] != nil && first["unit"] != nil && first["value"] != nil && first.keys.count <= 5
    }

    /// Whether the first line is the header of the `histogramSamples` export (`Time (wall
    /// clock) (ns)`, `Throughput (# / s) (K)`, ...): a metric and its unit in parentheses.
    static func isSamplesExport(firstLine: String) -> Bool {
        knownMetricHeaders.contains { firstLine.hasPrefix($0 + " (") } && firstLine.hasSuffix(")")
    }

    /// The refusal of a text export that holds only percentiles or summaries, or nil.
    static func refusalOfTextExport(firstLine: String, source: String) -> ResultsError? {
        if firstLine.hasPrefix("Percentile\t") {
            return refuseSummary(source, export: "histogramPercentiles export, which holds percentiles")
        }
        if firstLine.hasPrefix("Value") && firstLine.contains("Percentile") && firstLine.contains("TotalCount") {
            return refuseSummary(source, export: "histogram export (HDR percentile distribution text), which holds percentiles")
        }
        if firstLine.hasPrefix("#datatype tag,tag") {
            return refuseSummary(source, export: "influx export, which holds percentiles")
        }
        return nil
    }

    private static let knownMetricHeaders = ["Time (wall clock)", "Time (total CPU)", "Time (user CPU)", "Time (system CPU)", "Throughput (# / s)"]

    private static func refuseSummary(_ source: String, export: String) -> ResultsError {
        ResultsError(file: source, problem: .aggregatesOnly,
                     detail: "package-benchmark's \(export); raw timings are needed: give a baseline's results.json "
                         + "(swift package benchmark baseline update NAME, then .benchmarkBaselines/TARGET/NAME/results.json) or export with --format jmh or histogramEncoded")
    }
}
