import Foundation
import QEStatistics

/// The decisions of a bisection (DESIGN §8): is bad slower than good by more than the
/// threshold, and is a commit nearer good or nearer bad?
///
/// Both work on rounds — good, bad and the candidate measured one after the other — through
/// per-round log differences, so that a shift of the machine's speed between rounds cancels,
/// and through the Wilcoxon signed-rank interval (``SignedRankInterval``; R:
/// `wilcox.test(x, conf.int = TRUE)`), so that a few rounds made wild by a burst of other work
/// count as a few ranks rather than widening everything, as they would a t interval:
///
/// - **Premise.** eᵣ = log badᵣ − log goodᵣ. The interval for the centre of the eᵣ gives
///   bad ÷ good; confirmed when its lower end is above 1 + threshold, refused when its upper
///   end is below.
/// - **Commit.** xᵣ = log candidateᵣ − (log goodᵣ + log badᵣ)/2: its centre is the log of the
///   candidate's time ratio against good over the geometric midpoint √(bad ÷ good), with the
///   midpoint's own uncertainty inside (it is measured in the same rounds). `good` when the
///   interval on the xᵣ lies below 0, `bad` when above, `undecided` when the run limit comes
///   first. The reported ratio is the interval on log candidateᵣ − log goodᵣ.
///
/// Every interval is at ``BisectErrorBudget/intervalConfidence`` and is looked at only at the
/// budget's run counts, which keeps the error rate of the whole bisection at α.
///
/// Assumes the per-round differences are independent between rounds and symmetric about their
/// centre (a round's disturbance as likely to favour one build as another); runs of one build
/// that differ wildly (a cold first run) should be warmed up before the rounds.
public struct BisectJudge: Sendable {
    public let options: BisectOptions
    public let budget: BisectErrorBudget

    /// A log difference this small (one part in a billion) is rounding, not time: noiseless
    /// times exactly at the midpoint are not pushed to either side by it.
    static let negligible = 1e-9

    /// - Parameter candidates: n, the commits that could be the first bad one.
    /// - Throws: ``BisectError/invalidOption(_:)``.
    public init(candidates: Int, options: BisectOptions) throws(BisectError) {
        try options.validate()
        self.options = options
        budget = try BisectErrorBudget(candidates: candidates, options: options)
    }

    /// The premise after `rounds` (each with good and bad).
    /// - Parameter final: decide now if `rounds` is at a look, as at the last one (the time
    ///   budget is spent): not confirmed unless the interval is above the threshold already.
    /// - Throws: ``BisectError/invalidTime(what:value:)`` for a time that is not positive.
    /// - Complexity: O(r) for r rounds.
    public func premise(_ rounds: [BisectRound], final: Bool = false) throws(BisectError) -> BisectLook<BisectPremise> {
        if let next = nextLook(after: rounds.count) { return .measure(untilRuns: next) }
        var differences: [Double] = []
        for round in rounds {
            differences.append(try Self.log(round.bad, "the bad build") - Self.log(round.good, "the good build"))
        }
        let interval = Self.interval(differences, confidence: budget.intervalConfidence)
        guard interval.reaches || isLastLook(rounds.count) else {
            return .measure(untilRuns: nextLook(after: rounds.count + 1) ?? options.maxRuns)
        }
        let limit = Foundation.log1p(options.threshold)
        let ratio = BisectRatio(estimate: exp(interval.estimate), low: exp(interval.low), high: exp(interval.high))
        if interval.reaches && interval.low > limit { return .decided(BisectPremise(ratio: ratio, confirmed: true, runs: rounds.count)) }
        if interval.high < limit || final || isLastLook(rounds.count) {
            return .decided(BisectPremise(ratio: ratio, confirmed: false, runs: rounds.count))
        }
        return .measure(untilRuns: nextLook(after: rounds.count + 1) ?? options.maxRuns)
    }

    /// The verdict on a candidate after `rounds` (each with good, bad and the candidate).
    /// - Parameter final: decide now if `rounds` is at a look, as at the last one (the time
    ///   budget is spent): `undecided` unless the interval is on one side already.
    /// - Throws: ``BisectError/invalidTime(what:value:)`` for a time that is not positive or a
    ///   round without the candidate.
    /// - Complexity: O(r) for r rounds.
    public func step(_ rounds: [BisectRound], final: Bool = false) throws(BisectError) -> BisectLook<BisectStepJudgement> {
        if let next = nextLook(after: rounds.count) { return .measure(untilRuns: next) }
        var againstMidpoint: [Double] = []
        var againstGood: [Double] = []
        var badAgainstGood: [Double] = []
        for round in rounds {
            let good = try Self.log(round.good, "the good build")
            let bad = try Self.log(round.bad, "the bad build")
            let candidate = try Self.log(round.candidate ?? .nan, "the candidate")
            againstMidpoint.append(candidate - (good + bad) / 2)
            againstGood.append(candidate - good)
            badAgainstGood.append(bad - good)
        }
        // Differences within rounding of the midpoint are no evidence either way.
        let decision = Self.interval(againstMidpoint.map { abs($0) < Self.negligible ? 0 : $0 }, confidence: budget.intervalConfidence)
        let classification: BisectClassification
        if decision.reaches && decision.high < 0 {
            classification = .good
        } else if decision.reaches && decision.low > 0 {
            classification = .bad
        } else if final || isLastLook(rounds.count) {
            classification = .undecided
        } else {
            return .measure(untilRuns: nextLook(after: rounds.count + 1) ?? options.maxRuns)
        }
        let ratio = Self.interval(againstGood, confidence: budget.intervalConfidence)
        let midpoint = exp(Self.interval(badAgainstGood, confidence: budget.intervalConfidence).estimate / 2)
        return .decided(BisectStepJudgement(
            classification: classification,
            ratio: BisectRatio(estimate: exp(ratio.estimate), low: exp(ratio.low), high: exp(ratio.high)),
            midpoint: midpoint, runs: rounds.count))
    }

    /// The first look at or after `runs` rounds, when `runs` is not itself a look (nil when it
    /// is one, or is past the last).
    private func nextLook(after runs: Int) -> Int? {
        guard let look = budget.looks.first(where: { $0 >= runs }) else { return nil }
        return look == runs ? nil : look
    }

    private func isLastLook(_ runs: Int) -> Bool {
        runs >= (budget.looks.last ?? options.maxRuns)
    }

    private static func log(_ time: Double, _ what: String) throws(BisectError) -> Double {
        guard time.isFinite, time > 0 else { throw .invalidTime(what: what, value: time) }
        return Foundation.log(time)
    }

    /// The pseudomedian of `values` with its two-sided signed-rank interval, and whether the
    /// interval reaches `confidence`; the point 0 when every value is 0 (noiseless, equal
    /// times: no spread, and no difference).
    static func interval(_ values: [Double], confidence: Double) -> (estimate: Double, low: Double, high: Double, reaches: Bool) {
        do {
            let interval = try SignedRankInterval(values, confidence: confidence)
            return (interval.estimate, interval.low, interval.high, interval.reachesConfidence)
        } catch {
            return (0, 0, 0, true)
        }
    }
}
