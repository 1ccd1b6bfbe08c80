/// Google Benchmark's JSON output, as far as qe-validate reads it.
struct GoogleBenchmarkFile: Decodable {
    var context: [String: ForeignJSONValue]?
    var benchmarks: [Row]

    /// One row: a repetition (`run_type` `iteration`) or an aggregate (mean, median, ...).
    struct Row: Decodable {
        var name: String
        var runName: String?
        var runType: String?
        var aggregateName: ForeignJSONValue?
        var errorOccurred: Bool?
        var errorMessage: String?
        var timeUnit: String?
        /// Absent on aggregate and error rows.
        var realTime: ForeignJSONValue?
        var repetitionIndex: Int?

        private enum CodingKeys: String, CodingKey {
            case name, runName = "run_name", runType = "run_type", aggregateName = "aggregate_name"
            case errorOccurred = "error_occurred", errorMessage = "error_message", timeUnit = "time_unit"
            case realTime = "real_time", repetitionIndex = "repetition_index"
        }

        var isAggregate: Bool { runType == "aggregate" || (runType == nil && aggregateName != nil) }
    }
}
