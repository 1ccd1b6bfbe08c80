import Foundation

/// The one entry point through which every judging command reads its timings: a qe-validate
/// results file, or another tool's output (hyperfine, Google Benchmark, pytest-benchmark,
/// Criterion.rs, Go, CSV) imported on the fly. Bad input is an error naming the file; nothing is
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
        let bytes = try LocalFile.readBytes(at: path)
        if ImportFormatDetector.isJSON(bytes) {
            let document = try ForeignJSON.parse(bytes, source: path)
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
    /// single iterations do. Empty when every sample is one iteration.
    public static func warnings(for file: ResultsFile, path: String) -> [String] {
        let batched = file.benchmarks.filter { $0.sampleKind == .batchMean }.map(\.key.description)
        guard let first = batched.first else { return [] }
        let what = batched.count == file.benchmarks.count
            ? "every sample is the mean of a batch of iterations, not one iteration"
            : "the samples of " + (batched.count == 1 ? first : "\(first) and \(batched.count - 1) more")
                + " are means of batches of iterations, not single iterations"
        return ["\(path): \(what) (as the tool reports them); "
                + "intervals and tests describe batch means, which vary less than single iterations"]
    }

    // MARK: - Reading one file

    private static func read(path: String, options: ImportOptions) throws(ResultsError) -> (file: ResultsFile, format: ImportFormat) {
        let requested = options.format
        if isDirectory(path), requested == .auto || requested == .criterion {
            let imported = try CriterionImporter.read(directory: path)
            return (try finish(imported, options: options, source: path), .criterion)
        }
        let bytes = try LocalFile.readBytes(at: path)
        if ImportFormatDetector.isJSON(bytes) {
            let document = try ForeignJSON.parse(bytes, source: path)
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
            case .goBench, .csv, .auto:
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
        case .results, .hyperfine, .googleBenchmark, .pytestBenchmark, .auto:
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
        }
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
