import QEStatistics

/// How the gate judges: thresholds, the inconclusive policy, the family confidence, the
/// interval method, and whether a baseline from another machine is accepted.
public struct GateOptions: Sendable {
    public var thresholds: GateThresholds
    public var onInconclusive: GateInconclusivePolicy
    /// Confidence of the whole family of intervals (Bonferroni over the gated benchmarks).
    public var confidence: Double
    public var method: GateMethod
    public var seed: UInt64
    public var bootstrapReplicates: Int
    public var allowForeignMachine: Bool

    public init(
        thresholds: GateThresholds = GateThresholds(), onInconclusive: GateInconclusivePolicy = .pass,
        confidence: Double = 0.95, method: GateMethod = .auto, seed: UInt64 = Bootstrap.defaultSeed,
        bootstrapReplicates: Int = Bootstrap.defaultReplicates, allowForeignMachine: Bool = false
    ) {
        self.thresholds = thresholds
        self.onInconclusive = onInconclusive
        self.confidence = confidence
        self.method = method
        self.seed = seed
        self.bootstrapReplicates = bootstrapReplicates
        self.allowForeignMachine = allowForeignMachine
    }

    /// Confidence of each of `count` intervals so that all hold together with ``confidence``.
    public func intervalConfidence(count: Int) -> Double {
        1 - (1 - confidence) / Double(max(count, 1))
    }
}
