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
/// budget's run counts, which keeps the error rate of the whole bisection at α. The premise
/// still open at the run limit goes on to twice the limit (``BisectErrorBudget/extendedLooks``,
/// a second decision); a commit measured again after it was `undecided` continues its rounds
/// at the extended looks.
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

    /// The run counts at which the premise looks: ``BisectErrorBudget/looks``, then, still open
    /// at the run limit, ``BisectErrorBudget/extendedLooks`` (the premise is the decision
    /// everything rests on, and a false "not confirmed" ends the bisection).
    public var premiseLooks: [Int] { budget.looks + budget.extendedLooks }

    /// Decisions a premise measured for `runs` rounds took: two once it went past the run limit.
    public func premiseDecisions(runs: Int) -> Int {
        runs == 0 ? 0 : (runs > options.maxRuns ? 2 : 1)
    }

    /// The premise after `rounds` (each with good and bad).
    /// - Parameter final: decide now if `rounds` is at a look, as at the last one (the time
    ///   budget is spent): not confirmed unless the interval is above the threshold already.
    /// - Throws: ``BisectError/invalidTime(what:value:)`` for a time that is not positive.
    /// - Complexity: O(r) for r rounds (O(r³) for the signed-rank distribution).
    public func premise(_ rounds: [BisectRound], final: Bool = false) throws(BisectError) -> BisectLook<BisectPremise> {
        let schedule = premiseLooks
        if let next = Self.nextLook(after: rounds.count, in: schedule) { return .measure(untilRuns: next) }
        var differences: [Double] = []
        for round in rounds {
            differences.append(try Self.log(round.bad, "the bad build") - Self.log(round.good, "the good build"))
        }
        let interval = Self.interval(differences, confidence: budget.intervalConfidence)
        let last = Self.isLastLook(rounds.count, in: schedule)
        guard interval.reaches || last else {
            return .measure(untilRuns: Self.nextLook(after: rounds.count + 1, in: schedule) ?? rounds.count)
        }
        let limit = Foundation.log1p(options.threshold)
        let ratio = BisectRatio(estimate: exp(interval.estimate), low: exp(interval.low), high: exp(interval.high))
        if interval.reaches && interval.low > limit { return .decided(BisectPremise(ratio: ratio, confirmed: true, runs: rounds.count)) }
        if interval.high < limit || final || last {
            return .decided(BisectPremise(ratio: ratio, confirmed: false, runs: rounds.count))
        }
        return .measure(untilRuns: Self.nextLook(after: rounds.count + 1, in: schedule) ?? rounds.count)
    }

    /// The run counts at which a commit's decision looks: ``BisectErrorBudget/looks``, or, when
    /// it continues the rounds of an earlier `undecided` decision on it,
    /// ``BisectErrorBudget/extendedLooks``.
    public func stepLooks(continuing: Bool) -> [Int] {
        continuing ? budget.extendedLooks : budget.looks
    }

    /// The verdict on a candidate after `rounds` (each with good, bad and the candidate).
    /// - Parameters:
    ///   - final: decide now if `rounds` is at a look, as at the last one (the time budget is
    ///     spent): `undecided` unless the interval is on one side already.
    ///   - continuing: the rounds begin with those of an earlier decision that left the
    ///     commit `undecided`; this decision looks at the extended looks.
    /// - Throws: ``BisectError/invalidTime(what:value:)`` for a time that is not positive or a
    ///   round without the candidate.
    /// - Complexity: O(r) for r rounds (O(r³) for the signed-rank distribution).
    public func step(_ rounds: [BisectRound], final: Bool = false, continuing: Bool = false) throws(BisectError) -> BisectLook<BisectStepJudgement> {
        let schedule = stepLooks(continuing: continuing)
        if let next = Self.nextLook(after: rounds.count, in: schedule) { return .measure(untilRuns: next) }
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
        } else if final || Self.isLastLook(rounds.count, in: schedule) {
            classification = .undecided
        } else {
            return .measure(untilRuns: Self.nextLook(after: rounds.count + 1, in: schedule) ?? rounds.count)
        }
        let ratio = Self.interval(againstGood, confidence: budget.intervalConfidence)
        let midpoint = exp(Self.interval(badAgainstGood, confidence: budget.intervalConfidence).estimate / 2)
        return .decided(BisectStepJudgement(
            classification: classification,
            ratio: BisectRatio(estimate: exp(ratio.estimate), low: exp(ratio.low), high: exp(ratio.high)),
            midpoint: midpoint, runs: rounds.count))
    }

    /// The first look of `schedule` at or after `runs` rounds, when `runs` is not itself a look
    /// (nil when it is one, or is past the last).
    private static func nextLook(after runs: Int, in schedule: [Int]) -> Int? {
        guard let look = schedule.first(where: { $0 >= runs }) else { return nil }
        return look == runs ? nil : look
    }

    private static func isLastLook(_ runs: Int, in schedule: [Int]) -> Bool {
        runs >= (schedule.last ?? runs)
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
