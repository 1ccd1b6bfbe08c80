import QEStatistics

/// How a sweep is judged.
public struct SweepOptions: Sendable {
    /// The claimed speedup each point is judged against; nil: points are only compared
    /// (faster, slower, indistinguishable) and the crossover is where the candidate is faster.
    public var claim: ClaimedRange?
    /// Confidence of the family: the per-point intervals are at 1 − (1 − confidence)/s for s
    /// slices (Bonferroni), so the crossovers of all slices hold together.
    public var confidence: Double
    public var method: ComparisonMethod
    public var seed: UInt64
    public var bootstrapReplicates: Int
    public var baselineVariant: String
    /// nil: `flash`, or the only other variant (``ComparisonPlan/defaultCandidateVariant(in:baseline:)``).
    public var candidateVariant: String?
    /// The parameter the crossover is found along; nil: the numeric parameter with the most
    /// values (the first by name on a tie).
    public var along: String?
    /// Bootstrap replicates of each scaling fit.
    public var scalingReplicates: Int

    public init(
        claim: ClaimedRange? = nil, confidence: Double = 0.95, method: ComparisonMethod = .auto,
        seed: UInt64 = ComparisonOptions.defaultSeed, bootstrapReplicates: Int = ComparisonOptions.defaultReplicates,
        baselineVariant: String = "baseline", candidateVariant: String? = nil, along: String? = nil,
        scalingReplicates: Int = Bootstrap.defaultReplicates
    ) {
        self.claim = claim
        self.confidence = confidence
        self.method = method
        self.seed = seed
        self.bootstrapReplicates = bootstrapReplicates
        self.baselineVariant = baselineVariant
        self.candidateVariant = candidateVariant
        self.along = along
        self.scalingReplicates = scalingReplicates
    }
}
