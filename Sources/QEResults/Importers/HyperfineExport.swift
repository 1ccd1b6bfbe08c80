/// hyperfine's `--export-json` file, as far as qe-validate reads it.
struct HyperfineExport: Decodable {
    var results: [Result]

    struct Result: Decodable {
        var command: String
        /// Every execution's time; nil when the export has only summaries.
        var times: [PositiveTime]?
        /// Each execution's exit code; null where a signal killed the command.
        var exitCodes: [Int?]?
        /// The parameters of a `-P`/`-L` scan, in the file's order.
        var parameters: [(key: String, value: ParameterValue)] = []

        private enum CodingKeys: String, CodingKey {
            case command, times, exitCodes = "exit_codes", parameters
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            command = try container.decode(String.self, forKey: .command)
            times = try container.decodeIfPresent([PositiveTime].self, forKey: .times)
            exitCodes = try container.decodeIfPresent([Int?].self, forKey: .exitCodes)
            if let values = try container.decodeIfPresent([String: ForeignJSONValue].self, forKey: .parameters) {
                let order = try container.nestedContainer(keyedBy: MemberKey.self, forKey: .parameters).allKeys.map(\.stringValue)
                for key in order {
                    if let value = values[key] { parameters.append((key, try value.parameter())) }
                }
            }
        }
    }
}
