import QEStatistics

/// How the gate judges: thresholds, the inconclusive policy, the family confidence, the
/// interval method, and whether a baseline from another machine is accepted.
public struct GateOptions: Sendable {
    public var thresholds: GateThresholds
    public var onInconclusive: GateInconclusivePolicy
    /// 1 − α: the regression verdicts of a gate run are together wrong with probability at most
    /// α, and so are its pass verdicts (one-sided Bonferroni over the gated benchmarks).
    public var confidence: Double
    public var method: GateMethod
    public var seed: UInt64
    public var bootstrapReplicates: Int
    public var allowForeignMachine: Bool
    /// What stands for a run in the unpaired-runs interval.
    public var runStatistic: RunStatistic

    /// The default run statistic: the fastest iteration of each run (see the README's
    /// calibration on this machine's real measurements).
    public static let defaultRunStatistic = RunStatistic.minimum

    public init(
        thresholds: GateThresholds = GateThresholds(), onInconclusive: GateInconclusivePolicy = .pass,
        confidence: Double = 0.95, method: GateMethod = .auto, seed: UInt64 = Bootstrap.defaultSeed,
        bootstrapReplicates: Int = Bootstrap.defaultReplicates, allowForeignMachine: Bool = false,
        runStatistic: RunStatistic = GateOptions.defaultRunStatistic
    ) {
        self.runStatistic = runStatistic
        self.thresholds = thresholds
        self.onInconclusive = onInconclusive
        self.confidence = confidence
        self.method = method
        self.seed = seed
        self.bootstrapReplicates = bootstrapReplicates
        self.allowForeignMachine = allowForeignMachine
    }

    /// The two-sided confidence of each of `count` intervals: 1 − 2α/k, so that each end is a
    /// one-sided bound at 1 − α/k.
    ///
    /// The verdicts are one-sided — regression reads only the lower end, pass only the upper
    /// end — so with k benchmarks, Bonferroni on the lower ends bounds the chance of any false
    /// regression by α (the worst case: every benchmark exactly at its threshold), and likewise
    /// the upper ends for false passes. 90% intervals for one benchmark at α = 5%.
    public func intervalConfidence(count: Int) -> Double {
        1 - 2 * (1 - confidence) / Double(max(count, 1))
    }
}
