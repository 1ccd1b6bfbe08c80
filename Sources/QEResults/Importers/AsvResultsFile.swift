/// An asv results file (format version 2): the commit, the machine, and one row per benchmark
/// whose columns `result_columns` names.
struct AsvResultsFile: Decodable {
    var version: Int
    var commitHash: String
    var resultColumns: [String]
    /// The rows in file order, each still as parsed (see ``AsvResultRow``).
    var results: [(name: String, row: [ForeignJSONValue])]
    var environment = EnvironmentInfo()

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: MemberKey.self)
        version = try container.decode(Int.self, forKey: MemberKey("version"))
        commitHash = try container.decode(String.self, forKey: MemberKey("commit_hash"))
        resultColumns = try container.decode([String].self, forKey: MemberKey("result_columns"))
        let rows = try container.nestedContainer(keyedBy: MemberKey.self, forKey: MemberKey("results"))
        results = []
        for key in rows.allKeys {
            results.append((key.stringValue, try rows.decode([ForeignJSONValue].self, forKey: key)))
        }
        environment.gitCommit = commitHash
        // The machine's description is informative: values of another type are not used.
        if let machine = try container.decodeIfPresent([String: ForeignJSONValue].self, forKey: MemberKey("params")) {
            environment.host = machine["machine"]?.string
            environment.cpu = machine["cpu"]?.string
            environment.os = machine["os"]?.string
            environment.cores = machine["num_cpu"]?.string.flatMap { Int($0) }.flatMap { $0 >= 1 ? $0 : nil }
                ?? machine["num_cpu"]?.value.positiveCount
            environment.toolchain = machine["python"]?.string.map { "Python \($0)" }
        }
    }
}

/// One benchmark's row of an asv results file, its columns picked by name.
struct AsvResultRow {
    /// The result (median time) of each parameter combination; nil where asv recorded none.
    var result: [Double?]
    /// The values of each parameter, as asv writes them (Python `repr` strings).
    var parameters: [[String]]
    /// The samples of each combination; nil when none were recorded.
    var samples: [[Double]?]?
    /// The iterations behind each sample, per combination.
    var number: [Int?]?
    /// When the benchmark started (milliseconds since 1970).
    var startedAt: Double?

    init(_ row: [ForeignJSONValue], columns: [String]) throws {
        func column(_ name: String) -> ForeignJSONValue? {
            guard let index = columns.firstIndex(of: name), index < row.count, row[index].value != .null else { return nil }
            return row[index]
        }
        // A result is a number, or null (or NaN in older files) where the benchmark failed.
        result = try column("result")?.decode([ForeignJSONValue].self).map { value in
            guard case let .number(number) = value.value, number.isFinite else { return nil }
            return number
        } ?? []
        parameters = try column("params")?.decode([[String]].self) ?? []
        samples = try column("samples")?.decode([[PositiveTime]?].self).map { $0?.map(\.value) }
        number = try column("stats_number")?.decode([Int?].self)
        startedAt = try column("started_at")?.decode(Double.self)
        if let samples, samples.count != result.count, let column = column("samples") {
            throw column.fail(.invalidValue, "\(samples.count) sample lists for \(result.count) results")
        }
    }
}

/// asv's `benchmarks.json`: each benchmark's type and parameter names.
struct AsvBenchmarksFile: Decodable {
    var benchmarks: [String: AsvBenchmarkDescription] = [:]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: MemberKey.self)
        for key in container.allKeys where key.stringValue != "version" {
            benchmarks[key.stringValue] = try container.decode(AsvBenchmarkDescription.self, forKey: key)
        }
    }
}

struct AsvBenchmarkDescription: Decodable {
    var type: String
    var parameterNames: [String]

    private enum CodingKeys: String, CodingKey {
        case type, parameterNames = "param_names"
    }
}
