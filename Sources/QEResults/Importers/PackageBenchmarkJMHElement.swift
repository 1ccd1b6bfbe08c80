/// One element of package-benchmark's JMH export, reduced to its wall-clock measurements.
struct PackageBenchmarkJMHElement: Decodable {
    /// `package.benchmark.TARGET.NAME`, spaces in NAME written `_`.
    var benchmark: String
    var wallClock: (scoreUnit: String, samples: [Double])?

    private struct Metric: Decodable {
        var scoreUnit: String
        var rawData: [[PositiveTime]]
    }

    private enum CodingKeys: String, CodingKey {
        case benchmark, secondaryMetrics
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        benchmark = try container.decode(String.self, forKey: .benchmark)
        if container.contains(.secondaryMetrics) {
            let metrics = try container.nestedContainer(keyedBy: MemberKey.self, forKey: .secondaryMetrics)
            if let metric = try metrics.decodeIfPresent(Metric.self, forKey: MemberKey("Time (wall clock)")) {
                wallClock = (metric.scoreUnit, metric.rawData.flatMap { $0.map(\.value) })
            }
        }
    }

    /// The benchmark's name without `package.benchmark.TARGET.`.
    var shortName: String {
        let parts = benchmark.split(separator: ".", maxSplits: 3, omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "package" && parts[1] == "benchmark" ? String(parts[3]) : benchmark
    }
}
