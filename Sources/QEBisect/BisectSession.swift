import Foundation
import QEBench
import QEValidation

/// The measuring part of one bisection: the good and bad builds kept ready in their worktrees,
/// the premise, and each candidate's rounds. ``Bisector`` decides what to measure next.
struct BisectSession {
    let judge: BisectJudge
    let measurer: CommitMeasurer
    let worktrees: BisectWorktrees
    let progress: ProgressDisplay
    /// Monotonic nanoseconds when the bisection started.
    let start: UInt64
    /// Seconds the bisection may take.
    let budget: Double?
    private var endpoints: [BisectBuildRole: BisectCommit] = [:]

    init(
        judge: BisectJudge, measurer: CommitMeasurer, worktrees: BisectWorktrees, progress: ProgressDisplay, start: UInt64,
        budget: Double?
    ) {
        self.judge = judge
        self.measurer = measurer
        self.worktrees = worktrees
        self.progress = progress
        self.start = start
        self.budget = budget
    }

    /// Whether the time budget is spent.
    var budgetSpent: Bool {
        guard let budget else { return false }
        return Double(MonotonicClock.nanoseconds() &- start) / 1e9 >= budget
    }

    /// Builds good and bad and measures them until the premise is decided (up to twice the run
    /// limit: ``BisectJudge/premiseLooks``).
    /// - Throws: ``BisectRunError/endpointFailed(_:)`` when either cannot be built or measured.
    mutating func premise(good: BisectCommit, bad: BisectCommit) throws -> (premise: BisectPremise, stoppedByBudget: Bool) {
        endpoints = [.good: good, .bad: bad]
        for role in [BisectBuildRole.good, .bad] {
            let commit = endpoints[role] ?? good
            progress.show("\(role.rawValue) \(Self.short(commit.commit)): building")
            try endpoint(role) {
                try worktrees.checkout(commit.commit, for: role)
                try measurer.build(role)
                for _ in 0..<measurer.setup.warmup { _ = try measurer.measure(role) }
            }
        }
        var rounds: [BisectRound] = []
        while true {
            let final = !rounds.isEmpty && budgetSpent
            switch try judge.premise(rounds, final: final) {
            case let .measure(untilRuns):
                while rounds.count < untilRuns {
                    progress.show("premise: round \(rounds.count + 1)/\(untilRuns)")
                    rounds.append(try round(rounds.count, withCandidate: false))
                }
            case let .decided(premise):
                return (premise, final && !premise.confirmed && rounds.count < (judge.premiseLooks.last ?? 0))
            }
        }
    }

    /// What measuring one commit came to.
    struct Outcome {
        var step: BisectStep
        /// Its rounds, to continue from if it is `undecided` and measured again.
        var rounds: [BisectRound]
        /// Whether the time budget ended it.
        var stoppedByBudget: Bool
    }

    /// Builds `commit` in the candidate worktree and measures it with good and bad until it is
    /// classified; a build or measurement failure makes it a `skip`.
    /// - Parameter earlier: the rounds of an earlier measurement that left it `undecided`, to
    ///   continue from (``BisectJudge/step(_:final:continuing:)``); empty for a first one.
    mutating func step(_ commit: BisectCommit, position: Int, of count: Int, continuing earlier: [BisectRound] = []) throws -> Outcome {
        let stepStart = MonotonicClock.nanoseconds()
        func seconds() -> Double { Double(MonotonicClock.nanoseconds() &- stepStart) / 1e9 }
        let label = "commit \(position)/\(count) \(Self.short(commit.commit))"
        let continuing = !earlier.isEmpty
        let lastLook = judge.stepLooks(continuing: continuing).last ?? 0
        var rounds = earlier
        do {
            progress.show("\(label): building")
            try worktrees.checkout(commit.commit, for: .candidate)
            try measurer.build(.candidate)
            for _ in 0..<measurer.setup.warmup { _ = try measurer.measure(.candidate) }
            while true {
                let final = !rounds.isEmpty && budgetSpent
                switch try judge.step(rounds, final: final, continuing: continuing) {
                case let .measure(untilRuns):
                    while rounds.count < untilRuns {
                        progress.show("\(label): round \(rounds.count + 1)/\(untilRuns)")
                        rounds.append(try round(rounds.count, withCandidate: true))
                    }
                case let .decided(judgement):
                    let step = BisectStep(commit: commit, position: position, judgement: judgement, seconds: seconds())
                    return Outcome(
                        step: step, rounds: rounds, stoppedByBudget: final && judgement.classification == .undecided && rounds.count < lastLook)
                }
            }
        } catch let failure as CommitMeasurer.Failure {
            return Outcome(
                step: BisectStep(skipped: commit, position: position, runs: rounds.count, seconds: seconds(), error: failure.message), rounds: [],
                stoppedByBudget: false)
        } catch let BisectRunError.benchmarkChoice(message) {
            return Outcome(
                step: BisectStep(skipped: commit, position: position, runs: rounds.count, seconds: seconds(), error: message), rounds: [],
                stoppedByBudget: false)
        }
    }

    /// Measures each build `repeats` times, in rotating orders, and keeps each build's fastest
    /// (``BisectRound/fastest(_:)``).
    /// - Throws: ``CommitMeasurer/Failure`` for the candidate; ``BisectRunError`` for good or bad.
    private func round(_ index: Int, withCandidate: Bool) throws -> BisectRound {
        let repeats = max(measurer.setup.repeats, 1)
        var times: [BisectBuildRole: [Double]] = [:]
        for repetition in 0..<repeats {
            for role in BisectRound.order(round: index * repeats + repetition, withCandidate: withCandidate) {
                if role == .candidate {
                    times[role, default: []].append(try measurer.measure(role))
                } else {
                    try endpoint(role) { times[role, default: []].append(try measurer.measure(role)) }
                }
            }
        }
        return BisectRound(
            good: BisectRound.fastest(times[.good] ?? []), bad: BisectRound.fastest(times[.bad] ?? []),
            candidate: times[.candidate].map(BisectRound.fastest))
    }

    /// Runs `body` for the good or bad build, turning its failure into
    /// ``BisectRunError/endpointFailed(_:)``.
    private func endpoint(_ role: BisectBuildRole, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as CommitMeasurer.Failure {
            let commit = endpoints[role].map { Self.short($0.commit) } ?? ""
            throw BisectRunError.endpointFailed("the \(role.rawValue) commit (\(commit)): \(failure.message)")
        }
    }

    static func short(_ hash: String) -> String { String(hash.prefix(12)) }
}
