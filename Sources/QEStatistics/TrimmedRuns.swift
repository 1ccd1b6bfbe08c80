import Foundation

/// A benchmark's runs with their outlying iterations (``OutlyingIterations``) left out: the data
/// behind the robust figures, which a few preempted iterations cannot blow up.
///
/// Why leave them out rather than cap them (winsorise) at the fence: a preempted iteration
/// measures the other process, not the code. Capped at the fence (about ×1.5 the median at a CV
/// of 8%), 4 such iterations among 150 of 5 runs still double the within-run variance and move
/// each affected run's mean by about 1.6%, as much as runs typically differ; left out, they
/// change nothing. On clean runs the
/// rule flags about one iteration in 10,000 (``OutlyingIterationRule``), so leaving them out
/// biases nothing measurable. Every kept time lies below its run's fence, which depends only on
/// the run's median and MAD: however slow the outlying iterations, the figures stay bounded.
/// Each run keeps more than half of its iterations (only times above the median can be outlying).
public struct TrimmedRuns: Sendable, Equatable {
    /// What was left out, and why.
    public let outlyingIterations: OutlyingIterations
    /// The iterations of each run that are not outlying, in their original order.
    public let runs: [[Double]]
    /// The arithmetic mean of each run's kept iterations.
    public let runMeans: [Double]

    /// log of each run mean: one value per run for run-level comparisons (the between-files
    /// ANOVA on log run values; a paired speedup is the difference of two variants' values).
    public var logRunMeans: [Double] { runMeans.map { log($0) } }

    /// The typical time: exp(mean of the log run means), the geometric mean of the trimmed run
    /// means (the robust counterpart of the geometric mean of the run means).
    public var typicalTime: Double { exp(logRunMeans.reduce(0, +) / Double(runMeans.count)) }

    /// Detects the outlying iterations of `runs` with `rule` and leaves them out.
    /// - Throws: as ``OutlyingIterations/init(runs:rule:)``.
    /// - Complexity: O(N log N) over all N iterations.
    public init(runs: [[Double]], rule: OutlyingIterationRule = .standard) throws(StatisticsError) {
        let outlying = try OutlyingIterations(runs: runs, rule: rule)
        let kept = outlying.removing(from: runs)
        outlyingIterations = outlying
        self.runs = kept
        runMeans = kept.map { GSL.mean($0) }
    }
}
