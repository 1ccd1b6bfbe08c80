/// Decides which format a file is in from its content, the way ``ImportFormat/auto`` does.
///
/// JSON files are told apart by their keys: `schema` (qe-validate results), `result_columns`
/// with `commit_hash` (asv), `baselineName` with `machine` (a package-benchmark baseline),
/// `results` (hyperfine), `iters`/`times` or `group_id` (Criterion's sample.json and
/// benchmark.json), `counts` with `subBucketHalfCountMagnitude` (an HDR histogram exported by
/// package-benchmark), `benchmarks` whose entries have `runs` (pyperf), `context` with
/// `benchmarks` (Google Benchmark), `benchmarks` with `machine_info`, `commit_info` or `stats`
/// (pytest-benchmark); an array of `package.benchmark.…` entries is package-benchmark's JMH
/// export. Text files by their lines: a Criterion `raw.csv` header, XCTest `measured [...]`
/// lines, package-benchmark's `Time (wall clock) (ns)` header, `Benchmark... ns/op` result lines
/// or `goos:`/`pkg:` lines (Go), a CSV header with `name` and `value` columns (quoted or not), or
/// a first line of 4 or 5 fields with a number in the fourth (CSV without a header: name,
/// variant, run, value[, unit]). Files that are summaries only (hyperfine's CSV and Markdown
/// exports and console output, Criterion's estimates.json, Google Benchmark's aggregates,
/// package-benchmark's percentile, influx and one-number JSON exports) are recognised so they
/// can be refused with a useful message, and so is UTF-16 text.
enum ImportFormatDetector {
    /// Whether the content (after a byte order mark and white space) starts like JSON.
    static func isJSON(_ bytes: [UInt8]) -> Bool {
        var index = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { index = 3 }
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        return index < bytes.count && (bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "["))
    }

    /// The format of a parsed JSON file, or nil when its keys match none.
    static func format(of document: JSONDocument) -> ImportFormat? {
        if PackageBenchmarkImporter.isJMH(document.root) || PackageBenchmarkImporter.isSummaryJSON(document.root) {
            return .packageBenchmark
        }
        guard case let .object(top) = document.root else { return nil }
        if top["schema"] != nil { return .results }
        if AsvImporter.isAsvResults(top) { return .asv }
        if PackageBenchmarkImporter.isBaseline(top) { return .packageBenchmark }
        if case .array? = top["results"] { return .hyperfine }
        if top["iters"] != nil || top["sampling_mode"] != nil || top["group_id"] != nil || top["full_id"] != nil
            || CriterionImporter.isEstimates(top) {
            return .criterion
        }
        if PackageBenchmarkImporter.isHistogram(top) { return .packageBenchmark }
        if PyperfImporter.isPyperf(top) { return .pyperf }
        guard let benchmarks = top["benchmarks"] else { return nil }
        if case .object? = top["context"] { return .googleBenchmark }
        if top["machine_info"] != nil || top["commit_info"] != nil { return .pytestBenchmark }
        if case let .array(elements) = benchmarks, case let .object(first)? = elements.first {
            if first["stats"] != nil { return .pytestBenchmark }
            if first["real_time"] != nil || first["run_type"] != nil { return .googleBenchmark }
        }
        return nil
    }

    /// The format of a text file, or nil when its lines match none.
    /// - Throws: ``ResultsError`` `.aggregatesOnly` for a tool's summary-only output.
    static func format(ofText bytes: [UInt8], source: String) throws(ResultsError) -> ImportFormat? {
        let firstLine = CSVTable.firstLine(of: bytes)
        // Quotes around a header field (`"name","value"`) do not change the column's name.
        let header = firstLine.split(separator: ",").map { field in
            var name = String(field).trimmingSpaces
            if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") { name = String(name.dropFirst().dropLast()) }
            return name.lowercased()
        }
        if header.starts(with: ["group", "function", "value"]) && header.contains("sample_measured_value") {
            return .criterion
        }
        if header.starts(with: ["command", "mean", "stddev"]) {
            throw refuseHyperfineSummary(source, what: "hyperfine's CSV export")
        }
        if firstLine.hasPrefix("| Command") {
            throw refuseHyperfineSummary(source, what: "hyperfine's Markdown export")
        }
        if header.starts(with: ["name", "iterations", "real_time"]) {
            throw ResultsError(file: source, problem: .unrecognizedFormat,
                               detail: "Google Benchmark's CSV output is not read; write JSON with --benchmark_out=FILE --benchmark_out_format=json")
        }
        let text = String(decoding: bytes.prefix(1 << 20), as: UTF8.self)
        if text.contains("Time (mean ± σ):") {
            throw refuseHyperfineSummary(source, what: "hyperfine's terminal output")
        }
        if XCTestLogImporter.isXCTestLog(text) { return .xctest }
        if let refusal = PackageBenchmarkImporter.refusalOfTextExport(firstLine: firstLine, source: source) { throw refusal }
        if PackageBenchmarkImporter.isSamplesExport(firstLine: firstLine) { return .packageBenchmark }
        for line in text.lines.prefix(10_000) {
            if line.hasPrefix("goos:") || line.hasPrefix("goarch:") || line.hasPrefix("pkg:") { return .goBench }
            if line.hasPrefix("Benchmark") && line.contains("ns/op") { return .goBench }
        }
        if header.contains("name") && header.contains(where: { $0 == "value" || $0.hasPrefix("value_") || $0.hasPrefix("value (") }) {
            return .csv
        }
        // A CSV without a header, in the documented order name,variant,run,value[,unit].
        if (4...5).contains(header.count), DecimalText.number(header[3]) != nil, !header.contains("name") {
            return .csv
        }
        return nil
    }

    /// Refuses UTF-16 text (with a byte order mark, or ASCII with every other byte zero), which
    /// Windows tools write and which would otherwise be "not a format qe-validate reads".
    /// - Throws: ``ResultsError`` `.malformedText` (exit 65) saying how to convert it.
    static func refuseUTF16(_ bytes: [UInt8], source: String) throws(ResultsError) {
        guard bytes.count >= 2 else { return }
        let order: String?
        if bytes[0] == 0xFF && bytes[1] == 0xFE { order = "little-endian, with a byte order mark" }
        else if bytes[0] == 0xFE && bytes[1] == 0xFF { order = "big-endian, with a byte order mark" }
        else if bytes.count >= 4 && bytes[0] != 0 && bytes[1] == 0 && bytes[2] != 0 && bytes[3] == 0 { order = "little-endian" }
        else if bytes.count >= 4 && bytes[0] == 0 && bytes[1] != 0 && bytes[2] == 0 && bytes[3] != 0 { order = "big-endian" }
        else { order = nil }
        guard let order else { return }
        throw ResultsError(file: source, problem: .malformedText,
                           detail: "UTF-16 text (\(order)); qe-validate reads UTF-8: convert it first, e.g. iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8")
    }

    /// The message for a file whose format could not be recognised.
    static func unrecognized(_ source: String, json: Bool) -> ResultsError {
        let known = json
            ? "a qe-validate results file, hyperfine --export-json, Google Benchmark JSON, pytest-benchmark JSON, a Criterion sample.json, pyperf JSON, an asv results file or package-benchmark JSON (a baseline's results.json, jmh, histogramEncoded)"
            : "go test -bench output, swift test output with XCTest measurements, package-benchmark's histogramSamples export, or CSV with a header naming the columns name and value (and optionally variant, run, unit)"
        return ResultsError(file: source, problem: .unrecognizedFormat,
                            detail: "not a format qe-validate reads: expected \(known); if it is one of them, name the format (--input-format, or import FORMAT) to see what is wrong")
    }

    private static func refuseHyperfineSummary(_ source: String, what: String) -> ResultsError {
        ResultsError(file: source, problem: .aggregatesOnly,
                     detail: "\(what) holds only summary statistics; raw timings are needed: export with hyperfine --export-json FILE, which keeps every execution's time")
    }
}
