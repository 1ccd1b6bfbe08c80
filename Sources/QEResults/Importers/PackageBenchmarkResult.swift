/// One metric of one benchmark in a baseline: the metric's name, the benchmark's tags and
/// scaling factor, and the histogram of its measurements.
struct PackageBenchmarkResult: Decodable {
    /// `wallClock`, `throughput`, ... (package-benchmark encodes the metric enum as an object
    /// with one key).
    var metric: String
    var tags: [String: String]
    var scalingFactor: Int
    var histogram: HDRHistogramCounts

    private enum CodingKeys: String, CodingKey {
        case metric, tags, scalingFactor, statistics
    }

    private enum StatisticsKeys: String, CodingKey {
        case histogram
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let metricKeys = try container.nestedContainer(keyedBy: MemberKey.self, forKey: .metric).allKeys
        guard let metric = metricKeys.first?.stringValue, metricKeys.count == 1 else {
            throw ForeignDataError(.invalidValue, at: decoder.codingPath + [CodingKeys.metric],
                                   "expected an object with one key naming the metric, found \(metricKeys.count) keys")
        }
        self.metric = metric
        tags = try container.decodeIfPresent([String: String].self, forKey: .tags) ?? [:]
        scalingFactor = try container.decodeIfPresent(Int.self, forKey: .scalingFactor) ?? 1
        guard scalingFactor >= 1 else {
            throw ForeignDataError(.invalidValue, at: decoder.codingPath + [CodingKeys.scalingFactor],
                                   "expected a whole number ≥ 1, found \(scalingFactor)")
        }
        histogram = try container.nestedContainer(keyedBy: StatisticsKeys.self, forKey: .statistics)
            .decode(HDRHistogramCounts.self, forKey: .histogram)
    }
}
