/// The iterations of a benchmark that lie far in the slow tail of their own run (preempted,
/// interrupted, slowed by a frequency dip): ``OutlyingIterationRule`` applied to every run.
///
/// Gives what a report needs to name them — how many of how many, by which rule, and the worst
/// (its time and its ratio to its run's median) — and which iterations they are, so that
/// ``TrimmedRuns`` can leave them out of the robust figures.
/// - Complexity: O(N log N) over all N iterations.
public struct OutlyingIterations: Sendable, Equatable {
    /// What the rule found in one run.
    public struct Run: Sendable, Equatable {
        /// The number of iterations in the run.
        public let iterations: Int
        /// exp(median of the log times): the run's median time (for an even count, the
        /// geometric mean of the two middle times).
        public let median: Double
        /// 1.4826 · MAD of the run's log times (roughly its coefficient of variation).
        public let logSpread: Double
        /// The time above which an iteration is outlying; nil when the run has fewer iterations
        /// than the rule judges.
        public let fence: Double?
        /// The 0-based indexes of the outlying iterations, ascending.
        public let outlying: [Int]

        /// Whether the rule judged this run (it had enough iterations).
        public var judged: Bool { fence != nil }

        /// `values` (one per iteration of this run: its times, or their logs) without the
        /// outlying iterations' entries, in order.
        /// - Complexity: O(n).
        public func removingOutlying(from values: [Double]) -> [Double] {
            precondition(values.count == iterations, "one value per iteration of the run")
            guard !outlying.isEmpty else { return values }
            var kept: [Double] = []
            kept.reserveCapacity(values.count - outlying.count)
            var next = 0
            for (index, value) in values.enumerated() {
                if next < outlying.count, outlying[next] == index {
                    next += 1
                } else {
                    kept.append(value)
                }
            }
            return kept
        }
    }

    /// One outlying iteration (`Codable` as `{run, index, time, ratioToMedian}`, for the
    /// `worst` of a document's `outlyingIterations`).
    public struct Iteration: Sendable, Equatable, Codable {
        /// The 0-based index of its run.
        public let run: Int
        /// Its 0-based index within the run.
        public let index: Int
        /// Its time, in the unit of the input.
        public let time: Double
        /// Its time over its run's ``Run/median``.
        public let ratioToMedian: Double
    }

    /// The rule applied.
    public let rule: OutlyingIterationRule
    /// One entry per run, in run order.
    public let runs: [Run]
    /// Every outlying iteration, by run, then by index.
    public let iterations: [Iteration]
    /// The number of iterations judged and not judged together, N (the "of" in "4 of 150").
    public let iterationCount: Int

    /// The number of outlying iterations.
    public var count: Int { iterations.count }
    /// The outlying iteration with the largest ratio to its run's median; nil when there is none.
    public var worst: Iteration? { iterations.max { $0.ratioToMedian < $1.ratioToMedian } }
    /// The outlying iteration with the smallest ratio to its run's median (with ``worst``, the
    /// range of the outlying iterations); nil when there is none.
    public var mildest: Iteration? { iterations.min { $0.ratioToMedian < $1.ratioToMedian } }
    /// The 0-based indexes of the runs too short for the rule to judge.
    public var unjudgedRuns: [Int] { runs.indices.filter { !runs[$0].judged } }

    /// Applies `rule` to each of `runs` (the iterations of each run, times in any unit).
    /// - Throws: `StatisticsError.tooFewObservations` for no runs or an empty run, `.nonFinite`
    ///   or `.nonPositive` for a time that is not finite and positive.
    public init(runs: [[Double]], rule: OutlyingIterationRule = .standard) throws(StatisticsError) {
        guard !runs.isEmpty else { throw .tooFewObservations(needed: 1, got: 0, what: "outlying iterations (runs)") }
        var judged: [Run] = []
        var iterations: [Iteration] = []
        for (runIndex, times) in runs.enumerated() {
            let run = try rule.judge(times, what: "run \(runIndex + 1)")
            judged.append(run)
            for index in run.outlying {
                iterations.append(Iteration(run: runIndex, index: index, time: times[index], ratioToMedian: times[index] / run.median))
            }
        }
        self.rule = rule
        self.runs = judged
        self.iterations = iterations
        iterationCount = runs.reduce(0) { $0 + $1.count }
    }

    /// `runs` without their outlying iterations; `runs` must be the runs this was made from.
    func removing(from runs: [[Double]]) -> [[Double]] {
        zip(runs, self.runs).map { times, run in run.removingOutlying(from: times) }
    }
}
