/// pytest-benchmark's JSON, as far as qe-validate reads it.
struct PytestBenchmarkFile: Decodable {
    var benchmarks: [Benchmark]
    var datetime: String?
    /// `machine_info` and `commit_info`: informative, values of another type are not used.
    var machineInfo: [String: ForeignJSONValue]?
    var commitInfo: [String: ForeignJSONValue]?

    private enum CodingKeys: String, CodingKey {
        case benchmarks, datetime, machineInfo = "machine_info", commitInfo = "commit_info"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        benchmarks = try container.decode([Benchmark].self, forKey: .benchmarks)
        datetime = try? container.decodeIfPresent(String.self, forKey: .datetime)
        machineInfo = try? container.decodeIfPresent([String: ForeignJSONValue].self, forKey: .machineInfo)
        commitInfo = try? container.decodeIfPresent([String: ForeignJSONValue].self, forKey: .commitInfo)
    }

    struct Benchmark: Decodable {
        var name: String
        var stats: Stats
        /// `params`, in the file's order.
        var parameters: [(key: String, value: ParameterValue)] = []

        private enum CodingKeys: String, CodingKey {
            case name, stats, params
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            stats = try container.decode(Stats.self, forKey: .stats)
            if let values = try container.decodeIfPresent([String: ForeignJSONValue].self, forKey: .params) {
                let order = try container.nestedContainer(keyedBy: MemberKey.self, forKey: .params).allKeys.map(\.stringValue)
                for key in order {
                    if let value = values[key] { parameters.append((key, try value.parameter())) }
                }
            }
        }
    }

    struct Stats: Decodable {
        /// One value per round; nil when saved without `--benchmark-save-data`.
        var data: [PositiveTime]?
        var iterations: Int
        var rounds: Int?

        private enum CodingKeys: String, CodingKey {
            case data, iterations, rounds
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            data = try container.decodeIfPresent([PositiveTime].self, forKey: .data)
            iterations = try container.decode(Int.self, forKey: .iterations)
            rounds = try container.decodeIfPresent(Int.self, forKey: .rounds)
            for (key, count) in [(CodingKeys.iterations, iterations), (.rounds, rounds ?? 1)] where count < 1 {
                throw ForeignDataError(.invalidValue, at: decoder.codingPath + [key], "expected a whole number ≥ 1, found \(count)")
            }
        }
    }
}
