import Foundation
import QEResults

/// Recorded files as one CSV table (RFC 4180, UTF-8), one row per sample or warm-up time, for
/// spreadsheets, R and pandas, and read back without loss by ``decode(_:source:)``.
///
/// Columns: ``columns``. Each row repeats its file's fields; `file` numbers the files (1, 2, …),
/// `benchmark` and `run` count from 1 within their file and benchmark, `phase` is `sample` or
/// `warmup`, `iteration` counts from 1 within the phase and `value` is the time in the file's
/// `unit`, in Swift's shortest round-tripping form. A text field that is absent is an empty,
/// unquoted cell; a present text is always quoted (so `""` is the empty text). `parameters` and
/// `cpuFeatures` are JSON arrays: `[["seqLen","number","512.0"],["dtype","string","f32"]]` and
/// `["avx","avx2"]`. A run without samples cannot exist; a benchmark's runs each have at least one
/// sample row, so every run appears.
enum HistoryCSV {
    static let columns = [
        "file", "commit", "time", "branch", "suite", "unit", "createdAt", "outputsVerified",
        "host", "os", "kernel", "cpu", "cpuVendor", "cpuFamily", "cpuModel", "cpuStepping", "cpuFeatures",
        "cores", "toolchain", "build", "gitCommit", "command",
        "benchmark", "name", "variant", "sampleKind", "parameters", "workingSetBytes", "peakAllocatedBytes",
        "run", "startedAt", "phase", "iteration", "value",
    ]

    /// The table of `files`.
    static func encode(_ files: [RecordedResults]) throws(HistoryError) -> [UInt8] {
        var out = columns.joined(separator: ",") + "\r\n"
        for (fileIndex, recorded) in files.enumerated() {
            let results = recorded.results
            let environment = results.environment
            var features: String?
            if let list = environment.cpuFeatures { features = try json(list) }
            let fileCells: [String] = [
                "\(fileIndex + 1)", quoted(recorded.commit), quoted(recorded.time.description), quoted(recorded.branch),
                quoted(results.suite), results.unit.rawValue, optional(results.createdAt),
                results.outputsVerified.map { $0 ? "true" : "false" } ?? "",
                optional(environment.host), optional(environment.os), optional(environment.kernel), optional(environment.cpu),
                optional(environment.cpuVendor), number(environment.cpuFamily), number(environment.cpuModel),
                number(environment.cpuStepping), optional(features),
                number(environment.cores), optional(environment.toolchain), optional(environment.build),
                optional(environment.gitCommit), optional(environment.command),
            ]
            let filePrefix = fileCells.joined(separator: ",")
            for (benchmarkIndex, benchmark) in results.benchmarks.enumerated() {
                let parameters = try json(benchmark.parameters.keys.sorted().compactMap { key -> [String]? in
                    switch benchmark.parameters[key] {
                    case let .number(value)?: return [key, "number", "\(value)"]
                    case let .string(value)?: return [key, "string", value]
                    case let .bool(value)?: return [key, "bool", value ? "true" : "false"]
                    case nil: return nil
                    }
                })
                let benchmarkPrefix = [
                    "\(benchmarkIndex + 1)", quoted(benchmark.name), quoted(benchmark.variant), benchmark.sampleKind.rawValue,
                    quoted(parameters), number(benchmark.memory?.workingSetBytes), number(benchmark.memory?.peakAllocatedBytes),
                ].joined(separator: ",")
                for (runIndex, run) in benchmark.runs.enumerated() {
                    let runPrefix = "\(filePrefix),\(benchmarkPrefix),\(runIndex + 1),\(optional(run.startedAt))"
                    for (phase, values) in [("sample", run.samples), ("warmup", run.warmup)] {
                        for (iteration, value) in values.enumerated() {
                            out += "\(runPrefix),\(phase),\(iteration + 1),\(value)\r\n"
                        }
                    }
                }
            }
        }
        return Array(out.utf8)
    }

    /// The files of a table that ``encode(_:)`` wrote.
    /// - Throws: ``HistoryError`` (bad data) naming the line and the problem.
    static func decode(_ bytes: [UInt8], source: String) throws(HistoryError) -> [RecordedResults] {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw HistoryError(.badData, subject: source, detail: "not UTF-8 text")
        }
        let rows = try CSVRows.parse(text, source: source)
        guard let header = rows.first, header.map(\.text) == columns else {
            throw HistoryError(.badData, subject: source, detail: "not a history export: the header must be \(columns.joined(separator: ","))")
        }
        var builder = CSVFileBuilder(source: source)
        for (index, row) in rows.dropFirst().enumerated() {
            guard row.count == columns.count else {
                if row.count == 1 && row[0].text.isEmpty && !row[0].quoted { continue }  // a blank line
                throw HistoryError(.badData, subject: source, detail: "line \(index + 2): \(row.count) fields, expected \(columns.count)")
            }
            try builder.add(row, line: index + 2)
        }
        return try builder.files()
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func optional(_ text: String?) -> String {
        text.map(quoted) ?? ""
    }

    private static func number(_ value: Int?) -> String {
        value.map(String.init) ?? ""
    }

    private static func json(_ value: Any) throws(HistoryError) -> String {
        do {
            let data = try JSONSerialization.data(withJSONObject: value, options: [.withoutEscapingSlashes])
            return String(decoding: data, as: UTF8.self)
        } catch {
            throw HistoryError(.internalFailure, subject: "export", detail: "cannot encode \(value) as JSON")
        }
    }
}
