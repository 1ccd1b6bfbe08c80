import QEFormats
import QEResults
import QEStatistics

/// The outlying iterations of one benchmark (or one side of a comparison), as the
/// `qe-validate/variance@1` and `qe-validate/verdict@1` documents and reports give them:
/// `{count, of, rule, worst}`.
///
/// An iteration is outlying when it lies far in the slow tail of its own run
/// (``OutlyingIterationRule``: above the run's median + 5 · 1.4826 · MAD of its log times, and at
/// least 1.1 times the median; runs of 10 or more iterations): preempted by another process,
/// interrupted, or slowed by a frequency dip.
public struct OutlyingIterationsSummary: Sendable, Codable, Equatable {
    /// How many iterations are outlying.
    public var count: Int
    /// How many iterations there are, runs too short to judge included.
    public var of: Int
    /// The rule applied.
    public var rule: OutlyingIterationRule
    /// The outlying iteration with the largest ratio to its run's median (`run` and `index`
    /// count from 0; `time` in the document's unit); nil when there is none.
    @ExplicitNull public var worst: OutlyingIterations.Iteration?

    /// The summary of `outlying`.
    public init(_ outlying: OutlyingIterations) {
        count = outlying.count
        of = outlying.iterationCount
        rule = outlying.rule
        worst = outlying.worst
    }

    /// The outlying iterations of `runs` by the standard rule; nil when the data cannot be judged
    /// (an empty run, a time that is not finite and positive: the statistics report that).
    static func detect(runs: [[Double]]) -> OutlyingIterations? {
        try? OutlyingIterations(runs: runs)
    }

    /// The sentence that names them: "4 of 150 iterations of pattern-adaptation/baseline in
    /// b.json took 20x their run's median (4.184–4.270ms): another process likely took the CPU";
    /// nil when there are none.
    /// - Parameters:
    ///   - label: the benchmark as people name it (`name/variant`).
    ///   - file: the results file, when the sentence should name it.
    ///   - leftOutOf: what leaves them out ("the robust figures"), said at the end.
    static func sentence(
        _ outlying: OutlyingIterations, label: String, file: String?, unit: TimeUnit, leftOutOf: String? = nil
    ) -> String? {
        guard let worst = outlying.worst, let mildest = outlying.mildest else { return nil }
        let times = outlying.iterations.map(\.time)
        let fastest = times.min() ?? worst.time
        let slowest = times.max() ?? worst.time
        let durations = DurationText(reference: fastest, sourceUnit: unit)
        let when = durations.format(fastest) == durations.format(slowest)
            ? durations.format(slowest) : "\(durations.format(fastest))–\(durations.format(slowest))"
        let ratio = RatioText.ratio(worst.ratioToMedian)
        let ratios = RatioText.ratio(mildest.ratioToMedian) == ratio ? ratio : "\(RatioText.ratio(mildest.ratioToMedian).dropLast())–\(ratio)"
        let one = outlying.count == 1
        let place = file.map { " in \($0)" } ?? ""
        // Losing the CPU for a time slice costs milliseconds: several times a short iteration.
        let cause = worst.ratioToMedian >= 3
            ? "another process likely took the CPU"
            : "something else on the machine likely slowed \(one ? "it" : "them") (another process, an interrupt, a frequency dip)"
        let consequence = leftOutOf.map { "; \(one ? "it is" : "they are") left out of \($0)" } ?? ""
        return "\(outlying.count) of \(outlying.iterationCount) iterations of \(label)\(place) took \(ratios) \(one ? "its" : "their") run's median (\(when)): \(cause)\(consequence)"
    }
}
