import QEResults
import QEStatistics

/// The comparison of one benchmark's baseline and candidate, as it appears in the
/// `qe-validate/verdict@1` document.
public struct BenchmarkComparison: Sendable, Codable, Equatable {
    /// An interval for the speedup (baseline ÷ candidate time).
    public struct Speedup: Sendable, Codable, Equatable {
        public var estimate: Double
        public var low: Double
        public var high: Double
        /// The interval used.
        public var method: IntervalMethod
        /// The confidence asked for.
        public var confidence: Double
        /// The confidence reached: lower than asked only for tiny samples (Hodges–Lehmann).
        public var achievedConfidence: Double
        /// For Hodges–Lehmann: the branch of the rank-sum interval (exact or normal).
        public var intervalBranch: RankSumMethod?
        /// For the bootstrap: replicates and seed.
        public var replicates: Int?
        public var seed: UInt64?
    }

    /// The time ratio (candidate ÷ baseline), the reciprocal of the speedup interval.
    public struct TimeRatio: Sendable, Codable, Equatable {
        public var estimate: Double
        public var low: Double
        public var high: Double
    }

    /// The two-sided Mann–Whitney U test of the pooled iterations.
    public struct MannWhitney: Sendable, Codable, Equatable {
        public var u: Double
        public var p: Double
        /// Exact null distribution or normal approximation.
        public var method: RankSumMethod
        /// The p-value adjusted by Holm's method over all benchmarks of the comparison.
        public var pHolm: Double?
    }

    /// Welch's t test on log times: the parametric cross-check, as a ratio of geometric means.
    public struct Welch: Sendable, Codable, Equatable {
        public var speedup: Double
        public var low: Double
        public var high: Double
        public var p: Double
        public var degreesOfFreedom: Double
    }

    /// How much the runs of one side differ from each other.
    public struct RunVariation: Sendable, Codable, Equatable {
        /// Kruskal–Wallis test of "all runs alike".
        public var kruskalWallisP: Double
        /// Share of the variance that lies between runs (intra-class correlation).
        public var betweenRunShare: Double
    }

    public var name: String
    public var baselineVariant: String
    public var candidateVariant: String
    public var unit: TimeUnit
    public var baseline: SampleDescription
    public var candidate: SampleDescription
    public var speedup: Speedup
    public var timeRatio: TimeRatio
    public var mannWhitney: MannWhitney
    public var welch: Welch?
    public var baselineRuns: RunVariation?
    public var candidateRuns: RunVariation?
    /// From the speedup interval: wholly above 1, wholly below, or neither.
    public var verdict: ComparisonVerdict
    public var warnings: [String]
}
