import Foundation

/// The one entry point through which every judging command reads its timings: a qe-validate
/// results file, or another tool's output (hyperfine, Google Benchmark, pytest-benchmark,
/// Criterion.rs, Go, CSV, pyperf, asv, package-benchmark, XCTest) imported on the fly. Bad input is an error naming the file; nothing is
/// repaired or dropped.
///
/// ```swift
/// // A command's input, with the user's --input-format, --name-pattern and --variant:
/// let results = try ResultsInput.load(path: "bench.json", options: ImportOptions())
/// warnings += ResultsInput.warnings(for: results, path: "bench.json")
///
/// // pytest-benchmark run in five processes: five files, one run each, merged.
/// let merged = try ResultsInput.load(paths: ["1.json", "2.json", "3.json", "4.json", "5.json"],
///                                    options: ImportOptions(format: .pytestBenchmark))
/// ```
///
/// What one sample is in each format, and how benchmarks are named, is documented on
/// ``ImportFormat`` (``ImportFormat/sampleDescription``, ``ImportFormat/defaultNaming``) and
/// on each importer.
public enum ResultsInput {
    /// Reads the file (or Criterion folder) at `path` as a results file.
    ///
    /// With ``ImportFormat/auto`` the format is decided from the content; with a named format,
    /// a file that is recognisably another format is refused (rather than misread). Options
    /// that name benchmarks apply to other tools' files only. The result is validated like any
    /// results file.
    ///
    /// - Throws: ``ResultsError``: exit 66 when the file is missing or unreadable, 65 when it
    ///   is malformed, truncated, of an unknown format, holds only aggregates, or its
    ///   benchmarks cannot be named apart; the message starts with the file's path.
    /// - Complexity: O(n) in the size of the file.
    public static func load(path: String, options: ImportOptions = ImportOptions()) throws(ResultsError) -> ResultsFile {
        try read(path: path, options: options).file
    }

    /// Reads several files of the same tool and merges them as runs of the same benchmarks:
    /// each file's runs of a benchmark (same name and variant) are appended, in the order the
    /// paths are given (five pytest-benchmark files from five processes give five runs).
    ///
    /// The files must all be of one format; the merged file has the first file's unit, suite,
    /// creation time and environment (``ImportOptions/suite`` overrides the suite).
    /// - Throws: ``ResultsError`` as ``load(path:options:)``, also when the files are of
    ///   different formats, or one benchmark's samples are single iterations in one file and
    ///   batch means in another. With no paths: `.noBenchmarks`.
    public static func load(paths: [String], options: ImportOptions = ImportOptions()) throws(ResultsError) -> ResultsFile {
        var files: [(file: ResultsFile, path: String)] = []
        var firstFormat: (format: ImportFormat, path: String)?
        for path in paths {
            let (file, format) = try read(path: path, options: options)
            if let firstFormat, firstFormat.format != format {
                throw ResultsError(file: path, problem: .unrecognizedFormat,
                                   detail: "is \(format) but \(firstFormat.path) is \(firstFormat.format); files merged as runs must come from the same tool")
            }
            firstFormat = firstFormat ?? (format, path)
            files.append((file, path))
        }
        guard var merged = try ResultsMerger.merge(files) else {
            throw ResultsError(file: "(no files)", problem: .noBenchmarks, detail: "no input files were given")
        }
        if let suite = options.suite { merged.suite = suite }
        try merged.validate(source: paths.joined(separator: ", "))
        return merged
    }

    /// The format ``ImportFormat/auto`` would read the file (or folder) at `path` as.
    /// - Throws: ``ResultsError``: unreadable, malformed JSON, unknown or summary-only formats.
    public static func detectFormat(path: String) throws(ResultsError) -> ImportFormat {
        if isDirectory(path) { return .criterion }
        let bytes = try contentBytes(at: path)
        if let document = try parsedJSON(bytes, source: path) {
            guard let format = ImportFormatDetector.format(of: document) else {
                throw ImportFormatDetector.unrecognized(path, json: true)
            }
            return format
        }
        guard let format = try ImportFormatDetector.format(ofText: bytes, source: path) else {
            throw ImportFormatDetector.unrecognized(path, json: false)
        }
        return format
    }

    /// The warnings a judging command should print (and put in its verdict) about `file`, read
    /// from `path`: one line when some benchmarks' samples are batch means rather than single
    /// iterations, since intervals and tests then describe batch means, which vary less than
    /// single iterations do; one line when some samples were rounded to an HDR histogram's
    /// precision, since ties are then common, smaller differences cannot be seen and the time
    /// order within a run is lost. Empty when every sample is one iteration as it was measured.
    public static func warnings(for file: ResultsFile, path: String) -> [String] {
        var warnings: [String] = []
        if let which = describe(file.benchmarks.filter(\.sampleKind.isBatchMean), of: file,
                                every: "every sample is the mean of a batch of iterations, not one iteration",
                                some: "are means of batches of iterations, not single iterations") {
            warnings.append("\(path): \(which) (as the tool reports them); "
                            + "intervals and tests describe batch means, which vary less than single iterations")
        }
        if let which = describe(file.benchmarks.filter(\.sampleKind.isRoundedToHistogram), of: file,
                                every: "every sample was rounded to an HDR histogram's precision",
                                some: "were rounded to an HDR histogram's precision") {
            warnings.append("\(path): \(which) (the tool keeps no other record: about 3 significant digits); "
                            + "equal values are common, differences smaller than a histogram bucket cannot be seen, and the samples' time order is lost (drift within a run cannot be judged)")
        }
        return warnings
    }

    /// "every sample …" when `benchmarks` are all of `file`'s, "the samples of X and N more …"
    /// otherwise; nil when there are none.
    private static func describe(_ benchmarks: [Benchmark], of file: ResultsFile, every: String, some: String) -> String? {
        guard let which = benchmarks.map(\.key.description).namedBriefly else { return nil }
        return benchmarks.count == file.benchmarks.count ? every : "the samples of \(which) \(some)"
    }

    // MARK: - Reading one file

    private static func read(path: String, options: ImportOptions) throws(ResultsError) -> (file: ResultsFile, format: ImportFormat) {
        let requested = options.format
        if isDirectory(path), requested == .auto || requested == .criterion {
            let imported = try CriterionImporter.read(directory: path)
            return (try finish(imported, options: options, source: path), .criterion)
        }
        let bytes = try contentBytes(at: path)
        if let document = try parsedJSON(bytes, source: path) {
            let detected = ImportFormatDetector.format(of: document)
            let format = try resolve(requested: requested, detected: detected, source: path, json: true)
            let imported: ImportedResults
            switch format {
            case .results:
                var file = try ResultsFile.decode(document, source: path)
                if let suite = options.suite { file.suite = suite }
                return (file, .results)
            case .hyperfine: imported = try HyperfineImporter.read(document, source: path)
            case .googleBenchmark: imported = try GoogleBenchmarkImporter.read(document, source: path)
            case .pytestBenchmark: imported = try PytestBenchmarkImporter.read(document, source: path)
            case .criterion: imported = try CriterionImporter.read(document: document, path: path)
            case .pyperf: imported = try PyperfImporter.read(document, source: path)
            case .asv: imported = try AsvImporter.read(document, source: path)
            case .packageBenchmark: imported = try PackageBenchmarkImporter.read(document, source: path)
            case .goBench, .csv, .xctest, .auto:
                throw ResultsError(file: path, problem: .unrecognizedFormat, detail: "is JSON, not \(describe(format))")
            }
            return (try finish(imported, options: options, source: path), format)
        }
        let detected = try ImportFormatDetector.format(ofText: bytes, source: path)
        let format = try resolve(requested: requested, detected: detected, source: path, json: false)
        let imported: ImportedResults
        switch format {
        case .goBench: imported = try GoBenchImporter.read(bytes, source: path)
        case .csv: imported = try CSVImporter.read(CSVTable(bytes, source: path), source: path, unit: options.unit)
        case .criterion: imported = try CriterionImporter.read(rawCSV: CSVTable(bytes, source: path), source: path)
        case .xctest: imported = try XCTestLogImporter.read(bytes, source: path)
        case .packageBenchmark: imported = try PackageBenchmarkImporter.read(samplesExport: bytes, source: path)
        case .results, .hyperfine, .googleBenchmark, .pytestBenchmark, .pyperf, .asv, .auto:
            throw ResultsError(file: path, problem: .unrecognizedFormat,
                               detail: "is not JSON, so not \(describe(format)) (does it start with '{'?)")
        }
        return (try finish(imported, options: options, source: path), format)
    }

    /// The format to read with: the detected one for `auto`; the requested one unless the
    /// content is recognisably another format.
    private static func resolve(requested: ImportFormat, detected: ImportFormat?, source: String, json: Bool) throws(ResultsError) -> ImportFormat {
        if requested == .auto {
            guard let detected else { throw ImportFormatDetector.unrecognized(source, json: json) }
            return detected
        }
        if let detected, detected != requested {
            throw ResultsError(file: source, problem: .unrecognizedFormat,
                               detail: "looks like \(describe(detected)), not \(describe(requested)) (use that format, or auto)")
        }
        return requested
    }

    private static func finish(_ imported: ImportedResults, options: ImportOptions, source: String) throws(ResultsError) -> ResultsFile {
        let file = try BenchmarkNaming.results(from: imported, options: options, source: source)
        try file.validate(source: source)
        return file
    }

    private static func describe(_ format: ImportFormat) -> String {
        switch format {
        case .auto: return "a known format"
        case .results: return "a qe-validate results file"
        case .hyperfine: return "hyperfine JSON"
        case .googleBenchmark: return "Google Benchmark JSON"
        case .pytestBenchmark: return "pytest-benchmark JSON"
        case .criterion: return "Criterion output"
        case .goBench: return "go test -bench output"
        case .csv: return "CSV timings"
        case .pyperf: return "pyperf JSON"
        case .asv: return "an asv results file"
        case .packageBenchmark: return "package-benchmark output"
        case .xctest: return "swift test output with XCTest measurements"
        }
    }

    /// The parsed JSON of `bytes`; nil for text. Text that starts with `[` (swift test's log
    /// starts `[0/1] Planning build`) is text when it is not JSON and the text formats
    /// recognise it; otherwise the JSON syntax error is thrown.
    private static func parsedJSON(_ bytes: [UInt8], source: String) throws(ResultsError) -> JSONDocument? {
        guard ImportFormatDetector.isJSON(bytes) else { return nil }
        do {
            return try ForeignJSON.parse(bytes, source: source)
        } catch {
            if let textFormat = try? ImportFormatDetector.format(ofText: bytes, source: source), textFormat != .csv { return nil }
            throw error
        }
    }

    /// The bytes of the file at `path`, decompressed when it is gzip (pyperf's `.json.gz`).
    /// - Throws: ``ResultsError``: unreadable (66), a corrupt or cut-off gzip file or UTF-16
    ///   text (65).
    private static func contentBytes(at path: String) throws(ResultsError) -> [UInt8] {
        var bytes = try LocalFile.readBytes(at: path)
        if GzipFile.isCompressed(bytes) { bytes = try GzipFile.decompress(bytes, source: path) }
        try ImportFormatDetector.refuseUTF16(bytes, source: path)
        return bytes
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
