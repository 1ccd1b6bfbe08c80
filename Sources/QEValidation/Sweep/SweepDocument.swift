import QEResults
import QEStatistics

/// The `qe-validate/sweep@1` document: per point of a sweep the speedup interval and the claim's
/// verdict; how each variant's time and memory grow with each numeric parameter; and the
/// crossover — the smallest value of the swept parameter from which the claim holds at every
/// larger measured value.
///
/// Fields that may have no value (a point's speedup with one variant, its verdict without a
/// claim, the crossover when the claim never holds from a point on) are written as `null`, so
/// every entry has the same keys.
public struct SweepDocument: Sendable, Codable, Equatable {
    public static let schemaName = "qe-validate/sweep@1"

    public var schema: String = SweepDocument.schemaName
    public var command: String = "sweep"
    /// The parameters and their values.
    public var parameters: [SweepGrid.Axis]
    /// The parameter the crossovers are found along (nil when no numeric parameter varies or
    /// there is nothing to compare).
    @ExplicitNull public var along: String?
    public var baselineVariant: String
    /// nil when the file has one variant (a single command timed at each point).
    @ExplicitNull public var candidateVariant: String?
    @ExplicitNull public var claim: ClaimedRange?
    /// What the crossover looks for: the claim holding (or exceeded), or without a claim the
    /// candidate being faster.
    public var criterion: SweepCriterion
    /// Confidence of the family of crossovers.
    public var confidence: Double
    /// Confidence of each point's interval: 1 − (1 − confidence)/s for s slices (Bonferroni).
    public var intervalConfidence: Double
    /// The method asked for (each point's interval names the one used).
    public var method: ComparisonMethod
    public var seed: UInt64
    /// Bootstrap replicates of the speedup intervals that use a bootstrap.
    public var replicates: Int
    /// The unit of the times (and of the time fits' intercepts and coefficients).
    public var unit: TimeUnit
    public var points: [SweepPointResult]
    public var scaling: [ScalingEntry]
    /// Over every slice of the other parameters: the smallest value of `along` from which the
    /// criterion holds at every larger measured value in every slice, with the interval that
    /// decides it (the binding slice's at that value); nil when some slice has no such value.
    @ExplicitNull public var crossover: Crossover?
    /// The crossover of each slice (one when only `along` varies).
    public var crossovers: [SliceCrossover]
    public var warnings: [String]

}

/// What a sweep's crossover looks for at each point.
public enum SweepCriterion: String, Sendable, Codable, CaseIterable {
    /// The claim's verdict is `holds` or `exceeds` (the interval's lower end reaches the claimed
    /// minimum).
    case claimHolds = "claim-holds"
    /// No claim: the candidate is faster (the interval's lower end is above 1).
    case faster
}

/// A speedup interval.
public struct SpeedupInterval: Sendable, Codable, Equatable {
    public var estimate: Double
    public var low: Double
    public var high: Double
    /// The method actually used.
    public var method: IntervalMethod

    public init(estimate: Double, low: Double, high: Double, method: IntervalMethod) {
        self.estimate = estimate
        self.low = low
        self.high = high
        self.method = method
    }
}
