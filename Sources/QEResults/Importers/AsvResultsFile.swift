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
