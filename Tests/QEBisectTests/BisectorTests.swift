import Foundation
import QEBench
import QEBisect
import QETestSupport
import QEValidation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Bisections of real git repositories made for each test (``GeneratedRepository``): the
/// worktrees, the builds, the measuring and the decisions together. Each takes seconds.
@Suite("Bisecting generated repositories")
struct BisectorTests {
    private func bisector(
        _ repository: GeneratedRepository, good: Int, bad: Int, setup: BisectSetup? = nil,
        options: BisectOptions = BisectOptions(threshold: 0.05, confidence: 0.95, maxRuns: 20),
        budget: Double? = nil, interruption: BisectInterruption = BisectInterruption()
    ) throws -> Bisector {
        let request = BisectRequest(
            repository: repository.path, good: repository.commits[good], bad: repository.commits[bad],
            setup: setup ?? BisectSetup(kind: .command, command: GeneratedRepository.command, clock: .cpu, build: GeneratedRepository.build),
            options: options, budget: budget, scratchParent: try scratchParent(repository))
        return Bisector(request: request, interruption: interruption, progress: ProgressDisplay(quiet: true))
    }

    /// Where the bisection's scratch directory goes: a folder of the test's own, so that the
    /// test can see it is removed.
    private func scratchParent(_ repository: GeneratedRepository) throws -> String {
        let parent = repository.scratch.file("bisect-scratch")
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        return parent
    }

    /// The user's side is as it was: the one work tree, clean, at the same HEAD, no stash, and
    /// the bisection's scratch directory gone.
    private func expectUntouched(_ repository: GeneratedRepository, head: String) throws {
        #expect(try repository.worktrees().count == 1)
        #expect(try repository.git(["status", "--porcelain"]).isEmpty)
        #expect(try repository.git(["rev-parse", "HEAD"]) == head)
        #expect(try repository.git(["stash", "list"]).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: repository.scratch.file("bisect-scratch")).isEmpty)
    }

    @Test func namesTheCommitThatMadeItTenPercentSlower() throws {
        // 16 commits: noise from commit 3 on, a broken build at 7 (the first commit tested), a
        // 10% slowdown at 11.
        var changes = [GeneratedRepository.Change](repeating: .nothing, count: 15)
        changes[2] = .noise
        changes[6] = .brokenBuild
        changes[10] = .slowdown(1.10)
        let repository = try GeneratedRepository(changes: changes)
        let head = try repository.git(["rev-parse", "HEAD"])

        // Up to 40 rounds a commit: on a machine busy with other builds, CPU times of a few
        // milliseconds vary by ±10%, and 20 rounds can leave several commits undecided.
        let options = BisectOptions(threshold: 0.05, confidence: 0.95, maxRuns: 40)
        let document = try bisector(repository, good: 0, bad: 15, options: options).run()

        #expect(document.premise.confirmed)
        #expect(document.conclusion == .named, "\(document.steps)")
        #expect(document.firstBad?.commit == repository.commits[11])
        #expect(document.firstBad?.subject == "commit 11: slowdown(1.1)")
        #expect(document.range.from == repository.commits[10])
        let skipped = try #require(document.steps.first)
        #expect(skipped.commit == repository.commits[7] && skipped.classification == .skip)
        #expect(skipped.error?.contains("syntax error on purpose") == true)
        #expect(skipped.ratio == nil)
        // A commit may stay undecided when the machine is very busy (its neighbour is tried),
        // but none may be put on the wrong side.
        for step in document.steps where step.classification != .skip && step.classification != .undecided {
            let expected: BisectClassification = step.position >= 11 ? .bad : .good
            #expect(step.classification == expected, "commit \(step.position): \(document.steps)")
        }
        #expect(document.decisionsUsed <= document.decisions)
        try expectUntouched(repository, head: head)
    }

    @Test func aBadEndThatIsNotSlowerIsNotBisected() throws {
        // Commits 0 to 5 differ only by noise (from commit 3) and comments.
        let repository = try GeneratedRepository(changes: [.nothing, .nothing, .noise, .nothing, .nothing])
        let head = try repository.git(["rev-parse", "HEAD"])

        let document = try bisector(repository, good: 0, bad: 5).run()

        #expect(!document.premise.confirmed)
        #expect(document.premise.ratio.low < 1.05)
        #expect(document.conclusion == .premiseNotConfirmed)
        #expect(document.firstBad == nil)
        #expect(document.steps.isEmpty)
        #expect(document.range.from == repository.commits[0] && document.range.to == repository.commits[5])
        try expectUntouched(repository, head: head)
    }

    @Test func anInterruptedBisectionStopsItsChildAndRemovesItsWorktrees() throws {
        let repository = try GeneratedRepository(changes: [.nothing, .slowdown(1.2)])
        let head = try repository.git(["rev-parse", "HEAD"])
        let started = repository.scratch.file("started")
        let finished = repository.scratch.file("finished")
        let setup = BisectSetup(
            kind: .command, command: "touch \(started); sleep 30; touch \(finished)", clock: .wall,
            build: GeneratedRepository.build)
        let interruption = BisectInterruption()
        let bisector = try bisector(repository, good: 0, bad: 2, setup: setup, interruption: interruption)

        // A thread of its own, as the command's main thread: the tests' shared threads may all
        // be busy with other tests.
        let outcome = ThreadOutcome<BisectDocument>()
        Thread { outcome.finish(Result { try bisector.run() }) }.start()
        for _ in 0..<3000 where !FileManager.default.fileExists(atPath: started) { usleep(20_000) }
        #expect(FileManager.default.fileExists(atPath: started), "the command never started")
        interruption.request(signal: SIGINT)

        let result = try #require(outcome.wait(seconds: 600), "the bisection did not end")
        #expect(throws: BisectRunError.interrupted(signal: SIGINT)) { try result.get() }
        #expect(!FileManager.default.fileExists(atPath: finished), "the running command was not stopped")
        try expectUntouched(repository, head: head)
    }

    @Test func aGoodEndThatCannotBeBuiltEndsTheBisection() throws {
        let repository = try GeneratedRepository(changes: [.brokenBuild, .nothing, .slowdown(1.2)])
        #expect {
            try bisector(repository, good: 1, bad: 3).run()
        } throws: { error in
            guard case let BisectRunError.endpointFailed(message) = error else { return false }
            return message.contains("good") && message.contains("syntax error on purpose")
        }
        try expectUntouched(repository, head: try repository.git(["rev-parse", "HEAD"]))
    }

    @Test func revisionsAreCheckedBeforeAnythingRuns() throws {
        let repository = try GeneratedRepository(changes: [.nothing, .slowdown(1.2)])
        let setup = BisectSetup(kind: .command, command: GeneratedRepository.command, clock: .cpu)
        func run(good: String, bad: String) throws {
            let request = BisectRequest(repository: repository.path, good: good, bad: bad, setup: setup)
            _ = try Bisector(request: request, progress: ProgressDisplay(quiet: true)).run()
        }
        #expect(throws: BisectRunError.self) { try run(good: "--output=/tmp/x", bad: "HEAD") }
        #expect(throws: BisectRunError.self) { try run(good: "no-such-branch", bad: "HEAD") }
        #expect(throws: BisectRunError.self) { try run(good: "HEAD", bad: "HEAD~2") }
        #expect(throws: BisectRunError.self) { try run(good: "HEAD", bad: "HEAD") }
        #expect(try repository.worktrees().count == 1)
    }

    @Test func aBenchResultsFileIsTheMeasurement() throws {
        // The benchmark writes the loop count as its one sample: noiseless, so every decision
        // is taken at the first look.
        let repository = try GeneratedRepository(changes: [.nothing, .nothing, .slowdown(1.3), .nothing, .nothing])
        let bench = #"read n < count; printf '{"schema":"qe-validate/results@1","suite":"s","unit":"us","benchmarks":[{"name":"loop","variant":"v","runs":[{"samples":[%s, %s]}]},{"name":"other","variant":"v","runs":[{"samples":[1]}]}]}' "$n" "$n" > {out}"#
        let setup = BisectSetup(kind: .bench, command: bench, benchmark: "loop", build: nil)

        let document = try bisector(repository, good: 0, bad: 5, setup: setup).run()

        #expect(document.conclusion == .named)
        #expect(document.firstBad?.commit == repository.commits[3])
        #expect(document.premise.runs == document.looks.first)
        #expect(abs(document.premise.ratio.estimate - 1.3) < 1e-3)
        #expect(document.steps.allSatisfy { $0.runs == document.looks.first })

        let unnamed = BisectSetup(kind: .bench, command: bench)
        #expect(throws: BisectRunError.self) { try bisector(repository, good: 0, bad: 5, setup: unnamed).run() }
        let noOutput = BisectSetup(kind: .bench, command: "true")
        #expect {
            try bisector(repository, good: 0, bad: 5, setup: noOutput).run()
        } throws: { error in
            guard case let BisectRunError.invalidSetup(message) = error else { return false }
            return message.contains("{out}")
        }
    }

    @Test func anUndecidedCommitMeasuredAgainContinuesItsRounds() throws {
        // Commit 1 runs exactly at the geometric midpoint of good (commit 0) and bad (commit 3):
        // noiseless, it is undecided at the run limit; commit 2 is bad; then commit 1 is the only
        // one left in the range and is measured again, its 20 rounds kept, up to 40.
        let repository = try GeneratedRepository(changes: [.slowdown(1.1), .slowdown(1.1), .nothing])
        let bench = #"read n < count; printf '{"schema":"qe-validate/results@1","suite":"s","unit":"ns","benchmarks":[{"name":"loop","variant":"v","runs":[{"samples":[%s]}]}]}' "$n" > {out}"#
        let setup = BisectSetup(kind: .bench, command: bench)

        let document = try bisector(repository, good: 0, bad: 3, setup: setup).run()

        #expect(document.steps.map(\.position) == [1, 2, 1])
        #expect(document.steps.map(\.classification) == [.undecided, .bad, .undecided])
        #expect(document.steps.map(\.runs) == [20, document.looks.first, 40])
        #expect(document.decisionsUsed == 4, "the premise and three decisions: the second look at commit 1 is one of its own")
        #expect(document.conclusion == .untestableCommits)
        #expect(document.range.from == repository.commits[0] && document.range.to == repository.commits[2])
    }

    @Test func aSpentBudgetLeavesTheRangeNarrowedSoFar() throws {
        let repository = try GeneratedRepository(changes: [.nothing, .nothing, .slowdown(1.3), .nothing, .nothing])
        let bench = #"read n < count; printf '{"schema":"qe-validate/results@1","suite":"s","unit":"ns","benchmarks":[{"name":"loop","variant":"v","runs":[{"samples":[%s]}]}]}' "$n" > {out}"#
        let setup = BisectSetup(kind: .bench, command: bench)

        let document = try bisector(repository, good: 0, bad: 5, setup: setup, budget: 1e-6).run()

        #expect(document.premise.confirmed, "noiseless: confirmed at the first look, where the budget is checked")
        #expect(document.conclusion == .budgetSpent)
        #expect(document.firstBad == nil)
        #expect(document.steps.isEmpty)
    }
}

/// The result of work done on another thread, handed over once.
final class ThreadOutcome<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Value, any Error>?

    func finish(_ result: Result<Value, any Error>) {
        self.result = result
        done.signal()
    }

    /// The result, or nil when it did not come within `seconds`.
    func wait(seconds: Double) -> Result<Value, any Error>? {
        done.wait(timeout: .now() + seconds) == .success ? result : nil
    }
}
