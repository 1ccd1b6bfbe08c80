import QEResults
import QEStatistics

/// What `qe-validate baseline show` prints: per benchmark (name, variant) the runs, the median
/// with its interval and the two noise levels the gate's precision depends on, then where the
/// baseline came from.
public struct BaselineSummary: Sendable, Codable, Equatable {
    /// One benchmark of the baseline.
    public struct Entry: Sendable, Codable, Equatable {
        public var name: String
        public var variant: String
        public var description: SampleDescription
        /// Within-run and run-to-run standard deviations of log times (nil with one run).
        public var noise: BenchmarkNoise?
    }

    public var schema = "qe-validate/baseline-summary@1"
    public var path: String
    public var suite: String
    public var unit: TimeUnit
    public var createdAt: String?
    public var environment: GateDocument.Environment
    public var provenance: GateDocument.Provenance?
    public var confidence: Double
    public var benchmarks: [Entry]

    /// Summarises `baseline` (read from `path`).
    /// - Throws: `StatisticsError` if a benchmark cannot be described (a valid file always can).
    public init(baseline: BaselineFile, path: String, confidence: Double = 0.95) throws(StatisticsError) {
        let results = baseline.results
        self.path = path
        suite = results.suite
        unit = results.unit
        createdAt = results.createdAt
        environment = .init(results.environment)
        provenance = baseline.provenance.map(GateDocument.Provenance.init)
        self.confidence = confidence
        var entries: [Entry] = []
        for benchmark in results.benchmarks {
            let runs = benchmark.runSamples(in: results.unit, from: results.unit)
            entries.append(Entry(
                name: benchmark.name, variant: benchmark.variant,
                description: try SampleDescription(runs: runs, confidence: confidence),
                noise: BenchmarkNoise.estimate(runs: runs)))
        }
        benchmarks = entries
    }
}
