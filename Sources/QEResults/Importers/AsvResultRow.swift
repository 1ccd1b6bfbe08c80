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
