/// What a bisection is asked for: the smallest slowdown worth bisecting, the confidence of the
/// whole bisection, and how many runs one commit may take.
public struct BisectOptions: Sendable, Equatable {
    /// Bad must be slower than good by more than this fraction (0.05 for 5%), with the asked
    /// confidence, before anything is bisected.
    public var threshold: Double
    /// 1 − α: the chance that the premise is confirmed wrongly or any commit is classified on
    /// the wrong side is at most α (``BisectErrorBudget``).
    public var confidence: Double
    /// The most rounds one commit is measured for before it is `undecided`; the premise, or an
    /// undecided commit measured again with its rounds kept, goes on to twice this
    /// (``BisectErrorBudget/extendedLooks``).
    public var maxRuns: Int

    public static let defaultThreshold = 0.05
    public static let defaultConfidence = 0.95
    public static let defaultMaxRuns = 20
    /// The largest `maxRuns`: the signed-rank distribution of more rounds is costly to build,
    /// and a commit that 200 rounds cannot place is better left undecided.
    public static let largestMaxRuns = 200

    public init(
        threshold: Double = BisectOptions.defaultThreshold, confidence: Double = BisectOptions.defaultConfidence,
        maxRuns: Int = BisectOptions.defaultMaxRuns
    ) {
        self.threshold = threshold
        self.confidence = confidence
        self.maxRuns = maxRuns
    }

    /// - Throws: ``BisectError/invalidOption(_:)`` for a threshold that is not positive and
    ///   finite, a confidence outside (0.5, 1), or a run limit outside 1…``largestMaxRuns``
    ///   (``BisectErrorBudget`` then refuses one below the first look).
    public func validate() throws(BisectError) {
        guard threshold.isFinite, threshold > 0 else {
            throw .invalidOption("the threshold must be a positive fraction, got \(threshold)")
        }
        guard confidence > 0.5, confidence < 1 else {
            throw .invalidOption("the confidence must be strictly between 0.5 and 1, got \(confidence)")
        }
        guard maxRuns >= 1, maxRuns <= Self.largestMaxRuns else {
            throw .invalidOption("the run limit must be between 1 and \(Self.largestMaxRuns), got \(maxRuns)")
        }
    }
}
