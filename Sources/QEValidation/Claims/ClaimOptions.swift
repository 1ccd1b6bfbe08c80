/// How claims are judged.
public struct ClaimOptions: Sendable {
    /// Confidence of the family of intervals (each interval gets 1 − (1 − confidence)/k).
    public var confidence: Double
    public var method: ComparisonMethod
    public var seed: UInt64
    public var bootstrapReplicates: Int
    public var baselineVariant: String
    /// nil: `flash`, or the only other variant (see `ComparisonPlan.defaultCandidateVariant`).
    public var candidateVariant: String?
    /// Judge only these workloads (all when empty).
    public var workloads: [String]
    /// A claimed memory reduction, as fractions (0.5–0.75 for "50%–75% less").
    public var memoryClaim: ClaimedRange?

    public init(
        confidence: Double = 0.95, method: ComparisonMethod = .auto, seed: UInt64 = ComparisonOptions.defaultSeed,
        bootstrapReplicates: Int = ComparisonOptions.defaultReplicates, baselineVariant: String = "baseline",
        candidateVariant: String? = nil, workloads: [String] = [], memoryClaim: ClaimedRange? = nil
    ) {
        self.confidence = confidence
        self.method = method
        self.seed = seed
        self.bootstrapReplicates = bootstrapReplicates
        self.baselineVariant = baselineVariant
        self.candidateVariant = candidateVariant
        self.workloads = workloads
        self.memoryClaim = memoryClaim
    }
}
