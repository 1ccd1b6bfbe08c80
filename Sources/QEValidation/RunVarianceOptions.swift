import QEStatistics

/// What a run-to-run variance analysis computes and how strict its rules are.
public struct RunVarianceOptions: Sendable, Equatable {
    /// Confidence of the intervals and tests (α = 1 − confidence).
    public var confidence: Double
    /// The relative width (high − low) ÷ mean of the interval the plan aims at: 0.02 is ±1%.
    public var targetWidth: Double
    /// The time to start a run beyond its warm-up (process start, input set-up), in seconds;
    /// it is added to the recorded warm-up time to make the cost of a new run.
    public var runOverheadSeconds: Double
    /// Differences smaller than this (relative) are not called out: a run must differ from the
    /// others, and drift or a slow start must change times, by at least this much.
    public var minimumEffect: Double
    /// The cut-off of the robust distance of a run's median from the others'; nil for the
    /// cut-off calibrated for the number of runs at `confidence`
    /// (``OutlyingRuns/criticalDistance(runCount:confidence:)``).
    public var standOutThreshold: Double?
    /// The variant in the numerator of the speedup compared between files.
    public var baselineVariant: String
    /// The variant in the denominator; nil chooses as `compare` does (`flash`, or the only other
    /// variant).
    public var candidateVariant: String?

    /// The defaults: 95%, a 2% target width, no extra run overhead, 1% minimum effect, calibrated cut-off.
    public init(
        confidence: Double = 0.95, targetWidth: Double = 0.02, runOverheadSeconds: Double = 0,
        minimumEffect: Double = OutlyingRuns.defaultMinimumRelativeDifference,
        standOutThreshold: Double? = nil,
        baselineVariant: String = "baseline", candidateVariant: String? = nil
    ) {
        self.confidence = confidence
        self.targetWidth = targetWidth
        self.runOverheadSeconds = runOverheadSeconds
        self.minimumEffect = minimumEffect
        self.standOutThreshold = standOutThreshold
        self.baselineVariant = baselineVariant
        self.candidateVariant = candidateVariant
    }

    /// α = 1 − confidence.
    public var alpha: Double { 1 - confidence }
}
