/// The top of a pyperf JSON file (format version 1.0).
struct PyperfFile: Decodable {
    var metadata: PyperfMetadata?
    var benchmarks: [PyperfBenchmark]
}

struct PyperfBenchmark: Decodable {
    var metadata: PyperfMetadata?
    var runs: [PyperfRun]
}

/// One worker process of a benchmark: warm-ups as `[loops, value]` pairs, then values.
struct PyperfRun: Decodable {
    var metadata: PyperfMetadata?
    var warmups: [PyperfWarmup]?
    var values: [PositiveTime]?
}

/// A warm-up, written `[loops, value]`.
struct PyperfWarmup: Decodable {
    var loops: Int
    var value: Double

    init(from decoder: any Decoder) throws {
        var pair = try decoder.unkeyedContainer()
        loops = try pair.decode(Int.self)
        value = try pair.decode(PositiveTime.self).value
        guard pair.isAtEnd else {
            throw ForeignDataError(.invalidValue, at: decoder.codingPath, "expected a [loops, value] pair, found \(pair.count ?? 0) elements")
        }
    }
}
