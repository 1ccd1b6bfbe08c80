import Foundation

/// How the error rate of a whole bisection is kept at α = 1 − confidence.
///
/// A bisection of n possible first-bad commits takes one decision on the premise and
/// ⌈log₂ n⌉ on commits when every commit can be classified; ``spareDecisions`` more leave room
/// for extensions and `undecided` commits. Each of these D decisions gets α/D (Bonferroni), and
/// each decision looks at its data only at the run counts of ``looks`` — at most L looks, each
/// at α/(D·L) on either side — so the chance that any look of any decision classifies a commit
/// on the wrong side of the midpoint (or confirms a premise that is false) is at most α,
/// however the measuring stops. The bisection never takes more than D decisions: once they are
/// spent it reports the range it has narrowed.
///
/// **Extensions.** A decision still open at the run limit may go on with its rounds kept (the
/// premise at once; an undecided commit when it is measured again), looking again at
/// ``extendedLooks`` — the same looks past the run limit, up to twice it. The extension is a
/// decision of its own, with its own α/D: Bonferroni needs no independence between decisions,
/// so looking again at rounds an earlier decision used costs nothing more than its share.
///
/// The first look comes when the signed-rank test can first reject at α/(D·L): with r rounds
/// all on one side its p-value is 2⁻ʳ, so r ≥ log₂(D·L/α) (9 rounds for 31 commits at 95%).
/// Later looks come about 1.5 times as many rounds apart, the last at the run limit.
///
/// A commit that cannot be built or measured (`skip`) takes no decision: nothing is tested.
public struct BisectErrorBudget: Sendable, Equatable {
    /// α: the bound on the chance of any wrong classification in the whole bisection.
    public let errorBound: Double
    /// D: decisions the bisection may take (premise included).
    public let decisions: Int
    /// The run counts at which a decision looks at its data.
    public let looks: [Int]
    /// L: the looks α/D is shared among (at least `looks.count`).
    public let lookShare: Int

    /// The run counts at which an extended decision looks at its rounds (the first ones kept):
    /// each of ``looks`` plus the run limit, the last at twice the limit.
    public let extendedLooks: [Int]

    /// Decisions kept for extensions and undecided commits, beyond those a clean bisection
    /// needs. Four cost one round at the first look for 31 commits at 95% (10 rounds instead
    /// of 9), and leave room for the premise's extension, an undecided commit, the neighbour
    /// tried instead and the undecided commit's extension.
    public static let spareDecisions = 4

    /// - Parameters:
    ///   - candidates: n, the commits that could be the first bad one (the commits after good,
    ///     up to and including bad); at least 1.
    ///   - options: the confidence and the run limit (validated).
    /// - Throws: ``BisectError/invalidOption(_:)`` when the run limit is below the first look.
    public init(candidates: Int, options: BisectOptions) throws(BisectError) {
        errorBound = 1 - options.confidence
        decisions = 1 + Self.halvings(max(candidates, 1)) + Self.spareDecisions
        // More looks make each stricter and the first later, so fewer fit: take the smallest
        // share L that the looks it allows do not exceed.
        var share = 1
        var schedule: [Int] = []
        repeat {
            let first = Self.firstLook(perLook: errorBound / Double(decisions * share))
            guard first <= options.maxRuns else {
                throw .invalidOption(
                    "a decision over \(max(candidates, 1)) commits at \(options.confidence) confidence needs at least \(first) runs; the run limit is \(options.maxRuns)")
            }
            schedule = Self.looks(first: first, maxRuns: options.maxRuns)
            if schedule.count <= share { break }
            share += 1
        } while true
        looks = schedule
        lookShare = share
        extendedLooks = schedule.map { $0 + options.maxRuns }
    }

    /// ⌈log₂ n⌉: the classifications a binary search over n commits needs.
    static func halvings(_ n: Int) -> Int {
        n <= 1 ? 0 : (n - 1).bitWidth - (n - 1).leadingZeroBitCount
    }

    /// The fewest rounds r with 2⁻ʳ ≤ `perLook`: below them the signed-rank test cannot reject.
    static func firstLook(perLook: Double) -> Int {
        var rounds = 1
        var probability = 0.5
        while probability > perLook * (1 - 1e-12) {
            rounds += 1
            probability /= 2
        }
        return rounds
    }

    /// `first`, then about 1.5 times the one before, then `maxRuns`; a look within a fifth of
    /// `maxRuns` is dropped (it would cost a share of α and add almost no runs).
    static func looks(first: Int, maxRuns: Int) -> [Int] {
        var looks: [Int] = []
        var next = first
        while next < maxRuns {
            looks.append(next)
            next = (next * 3 + 1) / 2
        }
        if let last = looks.last, Double(last) * 1.25 > Double(maxRuns) { looks.removeLast() }
        return looks + [maxRuns]
    }

    /// α/D: the error rate of one decision.
    public var perDecision: Double { errorBound / Double(decisions) }

    /// α/(D·L): the one-sided error rate of each end of the interval at one look.
    public var perLook: Double { perDecision / Double(lookShare) }

    /// The two-sided confidence of every interval a decision looks at, 1 − 2α/(D·L), so that
    /// each end is a one-sided bound at 1 − α/(D·L).
    public var intervalConfidence: Double { 1 - 2 * perLook }
}
