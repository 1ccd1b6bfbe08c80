import QEResults

/// One workload's judgement, as it appears in the `qe-validate/verdict@1` document of a claim.
public struct ClaimedBenchmark: Sendable, Codable, Equatable {
    public var name: String
    public var baselineVariant: String
    public var candidateVariant: String
    public var unit: TimeUnit
    public var claim: ClaimedRange
    public var baseline: SampleDescription
    public var candidate: SampleDescription
    /// The simultaneous interval (confidence 1 − α/k) and how it was computed.
    public var speedup: BenchmarkComparison.Speedup
    public var timeRatio: BenchmarkComparison.TimeRatio
    public var mannWhitney: BenchmarkComparison.MannWhitney
    /// One-sided p-value of "the speedup is at most the claimed minimum" (small: the minimum
    /// is met), from the same data the interval uses; `pClaimMinimumHolm` adjusts it over the
    /// judged workloads.
    public var pClaimMinimum: Double?
    public var pClaimMinimumHolm: Double?
    public var verdict: ClaimVerdict
    /// For `inconclusive`: how much more data would likely decide.
    public var moreData: MoreDataEstimate?
    public var baselineRuns: BenchmarkComparison.RunVariation?
    public var candidateRuns: BenchmarkComparison.RunVariation?
    public var memory: MemoryJudgement?
    public var warnings: [String]
    /// The variants whose runs differ, typed, for renderers that say it once for all workloads;
    /// each is among `warnings` too (``DifferingRuns/sentence``), which is what the JSON has.
    @NotEncoded public var differingRuns: [DifferingRuns] = []
}
