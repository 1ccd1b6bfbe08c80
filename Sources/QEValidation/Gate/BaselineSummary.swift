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
    public var unit: String
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
        unit = results.unit.rawValue
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

    /// A table for a terminal, then the provenance.
    public func text() -> String {
        var rows: [[String]] = [["benchmark", "variant", "runs", "n", "median [\(Percent.format(confidence)) CI]", "within-run sd", "run-to-run sd"]]
        let timeUnit = TimeUnit(rawValue: unit) ?? .nanoseconds
        for entry in benchmarks {
            let text = DurationText(reference: entry.description.median, sourceUnit: timeUnit)
            rows.append([
                entry.name, entry.variant, "\(entry.description.runs)", "\(entry.description.n)",
                ComparisonTextRenderer.median(entry.description, text),
                entry.noise.map { Percent.format(Self.rounded($0.withinRunSigma)) } ?? "–",
                entry.noise.map { Percent.format(Self.rounded($0.betweenRunSigma)) } ?? "–",
            ])
        }
        var output = ComparisonTextRenderer.table(rows, rightAligned: [2, 3, 5, 6])
        output += "\nsd: robust (MAD) standard deviations of log times (≈ relative spread): within runs (median over runs), and between the runs' medians.\n"
        output += provenanceLines().map { "\($0)\n" }.joined()
        return output
    }

    /// The same as Markdown.
    public func markdown() -> String {
        let timeUnit = TimeUnit(rawValue: unit) ?? .nanoseconds
        var output = "### Baseline `\(path)`\n\n"
        output += "| benchmark | variant | runs | n | median | \(Percent.format(confidence)) interval | within-run sd | run-to-run sd |\n"
        output += "|---|---|---:|---:|---:|---|---:|---:|\n"
        for entry in benchmarks {
            let text = DurationText(reference: entry.description.median, sourceUnit: timeUnit)
            let interval = entry.description.medianLow.flatMap { low in entry.description.medianHigh.map { "[\(text.number(low)), \(text.number($0))]" } } ?? "too few"
            output += "| \(GateMarkdownRenderer.escape(entry.name)) | \(GateMarkdownRenderer.escape(entry.variant)) | \(entry.description.runs) | \(entry.description.n) | "
            output += "\(text.format(entry.description.median)) | \(interval) | \(entry.noise.map { Percent.format(Self.rounded($0.withinRunSigma)) } ?? "–") | "
            output += "\(entry.noise.map { Percent.format(Self.rounded($0.betweenRunSigma)) } ?? "–") |\n"
        }
        output += "\n" + provenanceLines().map { "- \(GateMarkdownRenderer.escape($0))\n" }.joined()
        return output
    }

    func provenanceLines() -> [String] {
        var lines: [String] = []
        if let provenance {
            lines.append("Recorded: \(provenance.recordedAt)" + (provenance.source.map { " from \($0)" } ?? ""))
            lines.append("Signed off by: \(provenance.signedOffBy ?? "nobody")")
            if let commit = provenance.gitCommit { lines.append("Git commit: \(commit)") }
        } else {
            lines.append("Provenance: none (a plain results file; 'qe-validate baseline update' records one)")
        }
        if let createdAt { lines.append("Measured: \(createdAt)") }
        lines.append("Machine: \(GateLegend.machine(environment))" + (environment.host.map { ", host \($0)" } ?? ""))
        return lines
    }

    private static func rounded(_ value: Double) -> Double {
        (value * 1000).rounded() / 1000
    }
}
