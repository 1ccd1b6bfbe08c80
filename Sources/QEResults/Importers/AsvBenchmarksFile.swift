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
