import Foundation

/// One benchmark (name, variant) judged by the gate, as it appears in the verdict document.
public struct GateBenchmark: Sendable, Codable, Equatable {
    public var name: String
    public var variant: String
    /// The largest slowdown allowed, as a fraction (0.05 for 5%).
    public var threshold: Double
    /// The baseline file's timings and the new results' timings, in the document's unit.
    public var baseline: SampleDescription
    public var candidate: SampleDescription
    /// Candidate ÷ baseline time with its interval (above 1: slower): what the verdict judges.
    public var timeRatio: BenchmarkComparison.TimeRatio
    /// The same interval as a speedup (baseline ÷ candidate time), as in every verdict document.
    public var speedup: BenchmarkComparison.Speedup
    /// Welch–Satterthwaite degrees of freedom of the unpaired-runs interval.
    public var degreesOfFreedom: Double?
    /// For the unpaired-runs interval: the statistic of each run (`runStatistic` of the
    /// document: by default each run's fastest iteration), baseline then results.
    public var baselineRunValues: [Double]?
    public var candidateRunValues: [Double]?
    /// The two-sided Mann–Whitney U test of the pooled iterations (Holm-adjusted over the
    /// gated benchmarks in `pHolm`).
    public var mannWhitney: BenchmarkComparison.MannWhitney
    public var verdict: GateVerdict
    public var warnings: [String]

    /// The baseline's time the change is computed from: the geometric mean of the runs'
    /// statistic (run-based interval), otherwise the pooled median.
    public var baselineTime: Double { Self.centre(baselineRunValues) ?? baseline.median }
    /// The results' time the change is computed from (see ``baselineTime``).
    public var candidateTime: Double { Self.centre(candidateRunValues) ?? candidate.median }

    private static func centre(_ values: [Double]?) -> Double? {
        guard let values, !values.isEmpty, values.allSatisfy({ $0 > 0 }) else { return nil }
        return exp(values.reduce(0) { $0 + log($1) } / Double(values.count))
    }

    /// `name (variant)`.
    public var label: String { "\(name) (\(variant))" }
}
