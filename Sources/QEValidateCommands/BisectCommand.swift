import ArgumentParser
import Foundation
import QEBench
import QEBisect
import QEPresentation
import QEValidation

/// `qe-validate bisect --good REV --bad REV --command CMD`: names the commit that made a
/// program slower, with statistics (DESIGN §8).
public struct BisectCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "bisect",
        abstract: "Name the commit that made it slow: a bisection that measures until each step is decided.",
        discussion: """
            Works in git worktrees of its own, in a scratch directory under $TMPDIR: the good and \
            bad builds are kept built, candidates are checked out in a third worktree. Your work \
            tree, index and stash are never touched; the worktrees are removed at the end, on an \
            error and on Ctrl-C. Each command runs through /bin/sh in the commit's worktree; \
            {worktree} is replaced by the worktree's path and, in --bench, {out} by the results \
            file's.

            First the premise: good and bad are measured interleaved, round after round, until \
            bad ÷ good is confidently above 1 + --threshold — or confidently not, or twice \
            --max-runs rounds pass; then nothing is bisected (exit 3). Then each candidate is measured \
            interleaved with good and bad (so the machine's drift hits all three alike) until its \
            time ratio against good is confidently below the midpoint √(bad ÷ good) — good — or \
            above — bad; at --max-runs it is undecided and a neighbour is tried, as 'git bisect \
            skip' does; when only set-aside commits are left, an undecided one is measured again, \
            its rounds kept, up to twice --max-runs. A commit whose build or benchmark fails is \
            skipped, its error kept. Decisions use the Wilcoxon signed-rank interval on per-round \
            log differences; the error rate of the whole bisection is at most 1 − --confidence \
            (Bonferroni over ⌈log₂ n⌉ + 5 decisions, an extension past --max-runs counting as one, \
            and the looks of each).

            With --command a round keeps each build's fastest of three invocations (a disturbed \
            invocation does not count); --clock cpu measures user + system time, which other \
            programs on the machine do not move. With --bench a round is one invocation, whose \
            results file already leaves preempted iterations out.

            Examples:
              qe-validate bisect --good v1.4 --bad main --build make --command './app < input.txt' --clock cpu
              qe-validate bisect --good HEAD~30 --bad HEAD --build 'swift build -c release' --bench '.build/release/qe-validate run --workload code-embedding --runs 1 --quiet --out {out}'
              qe-validate bisect --good abc123 --bad def456 --command 'python3 {worktree}/bench.py' --threshold 3% --budget 30m --format json --output bisect.json

            Exit codes: 0 the first bad commit is named; 3 only a range could be named, or bad \
            is not confirmed slower than good by more than --threshold; 64 usage (options, \
            revisions that are not a good…bad first-parent line, --benchmark not in the results \
            file); 65 the good or bad build cannot be built or measured; 66 not a git \
            repository, or git failed; 73 the scratch directory or the output cannot be \
            written. Ctrl-C (SIGINT), SIGTERM or SIGHUP stop the running build or benchmark, \
            remove the worktrees and end the process by that signal (a shell shows 128 + N). \
            The document is written before exit 3.
            """
    )

    @Option(help: ArgumentHelp("A commit known to be fast (a branch, a tag, a hash, HEAD~20).", valueName: "rev"))
    var good: String

    @Option(help: ArgumentHelp("A later commit known to be slow, on good's first-parent line.", valueName: "rev"))
    var bad: String

    @OptionGroup(title: "What to build and measure")
    var measurement: BisectMeasurementOptionGroup

    @OptionGroup(title: "Decisions")
    var decisions: BisectDecisionOptionGroup

    @Option(name: [.customShort("C"), .long], help: ArgumentHelp(
        "The git repository (a directory of its work tree; default: the current directory).", valueName: "directory"))
    var repository: String = "."

    @Flag(help: "No progress on standard error.")
    var quiet = false

    @OptionGroup(title: "Output")
    var output: OutputOptionGroup

    public init() {}

    public func validate() throws {
        try output.check(BisectDocument.self, command: "bisect")
    }

    public func run() throws {
        let document: BisectDocument
        do {
            document = try bisect()
            try output.write(document)
        } catch {
            throw CommandFailure.exitCode(for: error)
        }
        let status = ExitStatus(document.conclusion)
        if status != .success { throw status.exitCode }
    }

    func bisect() throws -> BisectDocument {
        let request = BisectRequest(
            repository: repository, good: good, bad: bad, setup: measurement.setup, options: decisions.options,
            budget: decisions.budget?.seconds)
        return try Bisector(request: request, progress: ProgressDisplay(quiet: quiet)).run()
    }
}
