import QEResults

/// The `qe-validate/verdict@1` document of a claim: every judged workload, the overall verdict
/// and its reason in one sentence.
public struct ClaimDocument: Sendable, Codable, Equatable {
    public static let schemaName = "qe-validate/verdict@1"

    /// One input file.
    public struct Input: Sendable, Codable, Equatable {
        public var path: String
        public var suite: String
        public var outputsVerified: Bool?
    }

    /// For `--until-decided`: how the data grew and how the error rate was kept.
    public struct Sequential: Sendable, Codable, Equatable {
        /// Looks at the data so far (1 = the first judgement).
        public var look: Int
        /// The family error rate spent at this look: α·6/(π²·look²) (summing to α over all looks).
        public var alphaAtLook: Double
        public var stoppedBecause: String

        public init(look: Int, alphaAtLook: Double, stoppedBecause: String) {
            self.look = look
            self.alphaAtLook = alphaAtLook
            self.stoppedBecause = stoppedBecause
        }
    }

    public var schema: String = ClaimDocument.schemaName
    public var command: String = "claim"
    public var verdict: OverallVerdict
    /// The verdict and its reason, in one sentence.
    public var reason: String
    /// Confidence of the family of intervals.
    public var confidence: Double
    /// Confidence of each interval: 1 − (1 − confidence)/k for k judged workloads (Bonferroni).
    public var intervalConfidence: Double
    public var correction: FamilyCorrection = .bonferroni
    /// The claim for every workload without its own (nil when only named workloads are judged).
    public var claim: ClaimedRange?
    /// The method asked for; each benchmark says which it used.
    public var method: ComparisonMethod
    public var seed: UInt64
    public var bootstrapReplicates: Int
    public var unit: TimeUnit
    public var inputs: [Input]
    public var benchmarks: [ClaimedBenchmark]
    /// Workloads in the data that were not judged, and why.
    public var notJudged: [String]
    /// The memory claim's verdict over every workload, when one was made.
    public var memoryVerdict: OverallVerdict?
    public var sequential: Sequential?
    public var warnings: [String]
}
