import Foundation
import QEBench
import QEResults
import QEValidation

/// Runs a bisection (DESIGN §8): finds the commits between good and bad, builds good and bad
/// once in worktrees of their own, confirms that bad is slower, then measures one candidate
/// after another interleaved with both — round after round, until ``BisectJudge`` classifies
/// it — and narrows the range with ``BisectSearch`` until one commit is left.
///
/// A candidate that cannot be built or measured is skipped with its error kept; good or bad
/// failing ends the bisection (``BisectRunError/endpointFailed(_:)``). The worktrees are removed
/// when `run` returns or throws (``BisectInterruption`` makes it throw), and before the process
/// ends when a signal ends it (Ctrl-C, SIGTERM, SIGHUP: `TerminationCleanup`).
public struct Bisector: Sendable {
    public let request: BisectRequest
    public let interruption: BisectInterruption
    public let progress: ProgressDisplay

    public init(request: BisectRequest, interruption: BisectInterruption = BisectInterruption(), progress: ProgressDisplay) {
        self.request = request
        self.interruption = interruption
        self.progress = progress
    }

    /// Bisects and returns the document (whatever the conclusion).
    /// - Throws: `BisectError` (options, times), ``BisectRunError``.
    public func run() throws -> BisectDocument {
        let start = MonotonicClock.nanoseconds()
        try request.options.validate()
        let git = GitRepository(directory: request.repository, interruption: interruption)
        try git.checkRepository()
        let goodHash = try git.commit(request.good)
        let badHash = try git.commit(request.bad)
        let commits = try git.firstParentLine(good: goodHash, bad: badHash)
        let good = BisectCommit(commit: goodHash, subject: try git.subject(of: goodHash))
        guard let bad = commits.last else { throw BisectRunError.invalidRevision("nothing to bisect") }
        let judge = try BisectJudge(candidates: commits.count, options: request.options)

        // A signal that ends the process (Ctrl-C) ends it before this function could unwind:
        // the running child is stopped and the worktrees removed first, without git.
        let worktrees = try BisectWorktrees(git: git, parent: request.scratchParent) { [interruption] signal in
            interruption.request(signal: signal)
            interruption.waitForChild(seconds: 1)
        }
        defer {
            progress.finish()
            worktrees.remove()
            worktrees.unregister()
        }
        var session = BisectSession(
            judge: judge, measurer: try CommitMeasurer(setup: request.setup, worktrees: worktrees, interruption: interruption),
            worktrees: worktrees, progress: progress, start: start, budget: request.budget)
        let premise = try session.premise(good: good, bad: bad)
        var search = BisectSearch(candidates: commits.count)
        var steps: [BisectStep] = []
        var limit = premise.stoppedByBudget ? BisectLimit.budget : nil
        var decisionsUsed = judge.premiseDecisions(runs: premise.premise.runs)
        // The rounds of undecided commits, continued when one is measured again.
        var undecidedRounds: [Int: [BisectRound]] = [:]
        if premise.premise.confirmed {
            while let position = search.nextCandidate() {
                if decisionsUsed >= judge.budget.decisions {
                    limit = .decisions
                    break
                }
                if session.budgetSpent {
                    limit = .budget
                    break
                }
                let earlier = search.isContinuing(position) ? undecidedRounds[position] ?? [] : []
                let outcome = try session.step(commits[position - 1], position: position, of: commits.count, continuing: earlier)
                let step = outcome.step
                steps.append(step)
                search.record(step.classification, at: position)
                if step.classification == .undecided { undecidedRounds[position] = outcome.rounds }
                if step.classification != .skip { decisionsUsed += 1 }
                if outcome.stoppedByBudget {
                    limit = .budget
                    break
                }
            }
        }
        return BisectDocument(
            good: good, bad: bad, commits: commits, premise: premise.premise, steps: steps, search: search, judge: judge,
            limit: search.isNarrowedToOne ? nil : limit, setup: request.setup,
            seconds: Double(MonotonicClock.nanoseconds() &- start) / 1e9)
    }
}
