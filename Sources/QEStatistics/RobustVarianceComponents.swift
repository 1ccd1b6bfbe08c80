/// Variance components that preempted iterations cannot blow up: ``VarianceComponents`` of the
/// runs with their outlying iterations left out (``TrimmedRuns``).
///
/// Method: ``OutlyingIterationRule`` flags the iterations far in the slow tail of each run
/// (beyond median + 5 robust standard deviations of the run's log times, and at least 1.1 times
/// the median); the one-way random-effects estimates (ANOVA, with Kalibera & Jones' T₁² and T₂²)
/// are then computed on the times that remain, in the input's unit, so they read beside the
/// classical ones. The planning figures are ``components``' own: `runsNeeded`,
/// `expectedRelativeWidth` and `optimalIterationsPerRun` of these components plan runs whose
/// interval is computed on the iterations that are not outlying. (They count every planned
/// iteration as kept; on clean runs the rule leaves out about one in 10,000.)
///
/// On clean runs these equal the classical components in almost every benchmark (nothing is
/// flagged). Assumes what ``VarianceComponents`` assumes, of the iterations that are not outlying.
/// - Complexity: O(N log N) over all N iterations.
public struct RobustVarianceComponents: Sendable, Equatable {
    /// The runs without their outlying iterations, and which iterations those were.
    public let trimmedRuns: TrimmedRuns
    /// The variance components of ``trimmedRuns``.
    public let components: VarianceComponents

    /// The iterations left out.
    public var outlyingIterations: OutlyingIterations { trimmedRuns.outlyingIterations }

    /// Estimates robust variance components of `runs` (one array of iterations per run).
    /// - Throws: `StatisticsError.tooFewObservations` with fewer than 2 runs, an empty run, or no
    ///   run with 2 iterations left; `.nonFinite` or `.nonPositive` for a time that is not finite
    ///   and positive.
    public init(runs: [[Double]], rule: OutlyingIterationRule = .standard) throws(StatisticsError) {
        guard runs.count >= 2 else {
            throw .tooFewObservations(needed: 2, got: runs.count, what: "variance components (runs)")
        }
        let trimmed = try TrimmedRuns(runs: runs, rule: rule)
        trimmedRuns = trimmed
        components = try VarianceComponents(runs: trimmed.runs)
    }
}
