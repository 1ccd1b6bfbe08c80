import Foundation
import QEResults

/// Gathers the rows of a ``HistoryCSV`` table back into recorded files: rows are grouped by
/// their `file`, `benchmark`, `run`, `phase` and `iteration` numbers, whatever their order, and
/// the fields a file's rows repeat must agree.
struct CSVFileBuilder {
    let source: String

    private struct Run {
        var startedAt: String?
        var samples: [Int: Double] = [:]
        var warmup: [Int: Double] = [:]
    }

    private struct BenchmarkParts {
        var cells: [CSVRows.Field]
        var benchmark: Benchmark
        var runs: [Int: Run] = [:]
    }

    private struct FileParts {
        var cells: [CSVRows.Field]
        var recorded: RecordedResults
        var benchmarks: [Int: BenchmarkParts] = [:]
    }

    private var parts: [Int: FileParts] = [:]
    private static let index = Dictionary(uniqueKeysWithValues: HistoryCSV.columns.enumerated().map { ($1, $0) })
    /// The columns that describe the file (`file` … `command`) and the benchmark (… `peakAllocatedBytes`).
    private static let fileColumns = 0..<(index["benchmark"] ?? 0)
    private static let benchmarkColumns = (index["benchmark"] ?? 0)..<(index["run"] ?? 0)

    init(source: String) {
        self.source = source
    }

    mutating func add(_ row: [CSVRows.Field], line: Int) throws(HistoryError) {
        let reader = CSVRowReader(row: row, line: line, source: source)
        let fileNumber = try reader.int("file")
        let fileCells = Array(row[Self.fileColumns])
        if let existing = parts[fileNumber] {
            guard existing.cells == fileCells else { throw reader.fail("file \(fileNumber)'s fields differ from its first row") }
        } else {
            parts[fileNumber] = FileParts(cells: fileCells, recorded: try reader.recordedFile())
        }
        let benchmarkNumber = try reader.int("benchmark")
        let benchmarkCells = Array(row[Self.benchmarkColumns])
        if let existing = parts[fileNumber]?.benchmarks[benchmarkNumber] {
            guard existing.cells == benchmarkCells else {
                throw reader.fail("benchmark \(benchmarkNumber) of file \(fileNumber) differs from its first row")
            }
        } else {
            parts[fileNumber]?.benchmarks[benchmarkNumber] = BenchmarkParts(cells: benchmarkCells, benchmark: try reader.benchmark())
        }
        let runNumber = try reader.int("run")
        let startedAt = try reader.optionalText("startedAt")
        var run = parts[fileNumber]?.benchmarks[benchmarkNumber]?.runs[runNumber] ?? Run(startedAt: startedAt)
        guard run.startedAt == startedAt else { throw reader.fail("run \(runNumber) has two start times") }
        let iteration = try reader.int("iteration")
        let value = try reader.double("value")
        switch try reader.text("phase") {
        case "sample": run.samples[iteration] = value
        case "warmup": run.warmup[iteration] = value
        case let other: throw reader.fail("phase \"\(other)\" is neither sample nor warmup")
        }
        parts[fileNumber]?.benchmarks[benchmarkNumber]?.runs[runNumber] = run
    }

    /// The files, in `file` order.
    func files() throws(HistoryError) -> [RecordedResults] {
        var out: [RecordedResults] = []
        for fileNumber in parts.keys.sorted() {
            guard var file = parts[fileNumber] else { continue }
            var benchmarks: [Benchmark] = []
            for benchmarkNumber in file.benchmarks.keys.sorted() {
                guard var benchmark = file.benchmarks[benchmarkNumber] else { continue }
                var runs: [BenchmarkRun] = []
                for runNumber in benchmark.runs.keys.sorted() {
                    guard let run = benchmark.runs[runNumber] else { continue }
                    let context = "file \(fileNumber), benchmark \(benchmarkNumber), run \(runNumber)"
                    runs.append(BenchmarkRun(samples: try ordered(run.samples, context + " samples"),
                                             warmup: try ordered(run.warmup, context + " warm-up"), startedAt: run.startedAt))
                }
                benchmark.benchmark.runs = runs
                benchmarks.append(benchmark.benchmark)
            }
            file.recorded.results.benchmarks = benchmarks
            out.append(file.recorded)
        }
        return out
    }

    /// The values of iterations 1, 2, …, n.
    private func ordered(_ values: [Int: Double], _ context: String) throws(HistoryError) -> [Double] {
        let keys = values.keys.sorted()
        guard keys.isEmpty || keys == Array(1...keys.count) else {
            throw HistoryError(.badData, subject: source, detail: "\(context): iterations are not numbered 1 to \(keys.count)")
        }
        return keys.compactMap { values[$0] }
    }
}

/// Typed access to one row of a ``HistoryCSV`` table, with errors that name the line.
private struct CSVRowReader {
    let row: [CSVRows.Field]
    let line: Int
    let source: String
    private static let index = Dictionary(uniqueKeysWithValues: HistoryCSV.columns.enumerated().map { ($1, $0) })

    func fail(_ detail: String) -> HistoryError {
        HistoryError(.badData, subject: source, detail: "line \(line): \(detail)")
    }

    func field(_ column: String) -> CSVRows.Field {
        row[Self.index[column] ?? 0]
    }

    func optionalText(_ column: String) throws(HistoryError) -> String? {
        let cell = field(column)
        return cell.quoted || !cell.text.isEmpty ? cell.text : nil
    }

    func text(_ column: String) throws(HistoryError) -> String {
        guard let text = try optionalText(column) else { throw fail("\(column) is empty") }
        return text
    }

    func optionalInt(_ column: String) throws(HistoryError) -> Int? {
        guard let text = try optionalText(column) else { return nil }
        guard let value = Int(text) else { throw fail("\(column) \"\(text)\" is not a whole number") }
        return value
    }

    func int(_ column: String) throws(HistoryError) -> Int {
        guard let value = try optionalInt(column) else { throw fail("\(column) is empty") }
        return value
    }

    func double(_ column: String) throws(HistoryError) -> Double {
        let text = try self.text(column)
        guard let value = Double(text) else { throw fail("\(column) \"\(text)\" is not a number") }
        return value
    }

    func recordedFile() throws(HistoryError) -> RecordedResults {
        let unitText = try text("unit")
        guard let unit = TimeUnit(rawValue: unitText) else { throw fail("unknown unit \"\(unitText)\"") }
        let timeText = try text("time")
        guard let time = HistoryTimestamp(iso8601: timeText) else { throw fail("time \"\(timeText)\" is not ISO 8601") }
        var verified: Bool?
        switch try optionalText("outputsVerified") {
        case nil: verified = nil
        case "true": verified = true
        case "false": verified = false
        case let other?: throw fail("outputsVerified \"\(other)\" is neither true nor false")
        }
        var features: [String]?
        if let text = try optionalText("cpuFeatures") {
            guard let list = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String] else {
                throw fail("cpuFeatures is not a JSON array of strings")
            }
            features = list
        }
        let environment = EnvironmentInfo(
            host: try optionalText("host"), os: try optionalText("os"), kernel: try optionalText("kernel"), cpu: try optionalText("cpu"),
            cpuVendor: try optionalText("cpuVendor"), cpuFamily: try optionalInt("cpuFamily"), cpuModel: try optionalInt("cpuModel"),
            cpuStepping: try optionalInt("cpuStepping"), cpuFeatures: features, cores: try optionalInt("cores"),
            toolchain: try optionalText("toolchain"), build: try optionalText("build"), gitCommit: try optionalText("gitCommit"),
            command: try optionalText("command"))
        let results = ResultsFile(suite: try text("suite"), unit: unit, createdAt: try optionalText("createdAt"),
                                  environment: environment, outputsVerified: verified, benchmarks: [])
        return RecordedResults(results: results, commit: try text("commit"), time: time, branch: try text("branch"))
    }

    func benchmark() throws(HistoryError) -> Benchmark {
        let kindText = try text("sampleKind")
        guard let kind = SampleKind(rawValue: kindText) else { throw fail("unknown sampleKind \"\(kindText)\"") }
        let parametersText = try text("parameters")
        guard let list = (try? JSONSerialization.jsonObject(with: Data(parametersText.utf8))) as? [[String]] else {
            throw fail("parameters is not a JSON array of [key, type, value]")
        }
        var parameters: [String: ParameterValue] = [:]
        for entry in list {
            guard entry.count == 3 else { throw fail("a parameter is not [key, type, value]") }
            switch entry[1] {
            case "number":
                guard let number = Double(entry[2]) else { throw fail("parameter \(entry[0]): \"\(entry[2])\" is not a number") }
                parameters[entry[0]] = .number(number)
            case "string": parameters[entry[0]] = .string(entry[2])
            case "bool": parameters[entry[0]] = .bool(entry[2] == "true")
            default: throw fail("parameter \(entry[0]) has unknown type \"\(entry[1])\"")
            }
        }
        let workingSet = try optionalInt("workingSetBytes")
        let peak = try optionalInt("peakAllocatedBytes")
        let memory = workingSet == nil && peak == nil ? nil : MemoryFigures(workingSetBytes: workingSet, peakAllocatedBytes: peak)
        return Benchmark(name: try text("name"), variant: try text("variant"), parameters: parameters, runs: [], memory: memory, sampleKind: kind)
    }
}
