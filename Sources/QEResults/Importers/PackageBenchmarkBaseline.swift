/// A package-benchmark baseline (`.benchmarkBaselines/TARGET/NAME/results.json`): the machine,
/// and each benchmark's results, one per metric.
///
/// package-benchmark encodes its results dictionary, keyed by `{target, name}`, the way
/// Foundation's `JSONEncoder` encodes a dictionary whose keys are not strings: one array of
/// alternating keys and values.
struct PackageBenchmarkBaseline: Decodable {
    struct Entry {
        var target: String
        var name: String
        var results: [PackageBenchmarkResult]
    }

    var results: [Entry] = []
    var environment = EnvironmentInfo()

    private struct Identifier: Decodable {
        var target: String
        var name: String
    }

    private struct Machine: Decodable {
        var hostname: String?
        var processors: Int?
        var processorType: String?
        var kernelVersion: String?
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: MemberKey.self)
        _ = try container.decode(String.self, forKey: MemberKey("baselineName"))
        var pairs = try container.nestedUnkeyedContainer(forKey: MemberKey("results"))
        while !pairs.isAtEnd {
            let identifier = try pairs.decode(Identifier.self)
            let metrics = try pairs.decode([PackageBenchmarkResult].self)
            results.append(Entry(target: identifier.target, name: identifier.name, results: metrics))
        }
        // The machine is informative: a member of another type is not used.
        if let machine = try? container.decodeIfPresent(Machine.self, forKey: MemberKey("machine")) {
            environment.host = machine.hostname
            environment.cores = machine.processors.flatMap { $0 >= 1 ? $0 : nil }
            environment.cpu = machine.processorType
            environment.kernel = machine.kernelVersion
        }
    }
}

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
