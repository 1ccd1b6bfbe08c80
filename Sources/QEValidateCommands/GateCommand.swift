import ArgumentParser
import Foundation
import QEFormats
import QEHistory
import QEPresentation
import QEResults
import QEStatistics
import QEValidation

/// `qe-validate gate --baseline FILE RESULTS`: the pre-merge regression gate.
public struct GateCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "gate",
        abstract: "Fail on a real performance regression against a committed baseline, not on noise.",
        discussion: """
            For each benchmark (name, variant) in both the baseline and the results, the \
            interval of the time ratio (results time ÷ baseline time) is judged against \
            1 + threshold: regression when its lower end is above, pass when its upper end is at \
            or below, improvement when its upper end is below 1 − threshold, inconclusive \
            otherwise (--on-inconclusive decides; default: pass with a warning). Benchmarks on \
            one side only are listed, not gated.

            The baseline and the results come from different sessions, so their runs are not \
            paired: with 3 or more runs per side the interval is Welch's t on the log of each \
            run's fastest iteration (runs are the units; the fastest iteration is the time least \
            moved by a busy machine — --run-statistic median or geometric-mean otherwise), \
            else Hodges–Lehmann on pooled iterations, with a warning. Each end of each interval is \
            a one-sided bound at 1 − α/k for k gated benchmarks (Bonferroni; α = 1 − \
            --confidence), so a gate run reports a false regression with probability at most α \
            however many benchmarks it gates (90% two-sided intervals for one benchmark).

            A baseline measured on a different machine or build (CPU model, core count, OS, \
            toolchain, build configuration) is refused, saying what differs, unless \
            --allow-foreign-machine. --baseline git:REV:PATH reads the baseline with \
            'git show REV:PATH' (PATH from the repository's top level), so a pull request cannot \
            edit the baseline it is judged against.

            --baseline history[:BRANCH] takes the baseline from the history store (--store): for \
            each benchmark, the runs of the latest commits of BRANCH (default main) measured on \
            the results' machine since its series' last change point, at most \
            --history-commits of them. Commits at one level are more samples of it, so this \
            baseline has many more runs than one file, and no file to refresh by hand.

            Examples:
              qe-validate gate --baseline baselines/flash-attention.json results.json
              qe-validate gate --baseline git:origin/main:baselines/flash-attention.json results.json --format markdown >> "$GITHUB_STEP_SUMMARY"
              qe-validate gate --baseline b.json r.json --max-regression 3% --threshold coverage-analysis=10% --on-inconclusive fail
              qe-validate gate --baseline baselines/sort.json hyperfine.json --input-format hyperfine --variant baseline
              qe-validate gate --baseline history:main --history-commits 10 results.json

            Exit codes: 0 passed; 1 regression; 3 inconclusive under --on-inconclusive fail; \
            64 usage; 65 invalid data or a baseline from another machine; 66 missing input \
            (or git cannot read it); 73 output not writable. The verdict is written before a \
            non-zero exit.
            """
    )

    @Option(help: ArgumentHelp("The baseline: a file, git:REV:PATH, or history[:BRANCH] (the history store).", valueName: "file"))
    var baseline: String

    @Option(help: ArgumentHelp("With --baseline history: at most this many commits per benchmark.", valueName: "n"))
    var historyCommits: Int = HistoryBaseline.defaultCommits

    @Argument(help: ArgumentHelp("The new results file (qe-validate/results@1).", valueName: "results"))
    var results: String

    @OptionGroup(title: "Gate")
    var gate: GateOptionGroup

    @Option(help: "Interval method: auto, unpaired-runs, hierarchical-bootstrap or hodges-lehmann.")
    var method: GateMethod = .auto

    @OptionGroup(title: "Statistics")
    var statistics: StatisticsOptionGroup

    @OptionGroup(title: "Output")
    var output: OutputOptionGroup

    @OptionGroup(title: "Reading another tool's results (the baseline is always a qe-validate file)")
    var input: ImportOptionGroup

    @OptionGroup(title: "Store (--baseline history)")
    var store: StoreOptionGroup

    public init() {}

    public func validate() throws {
        do {
            _ = try BaselineSource(argument: baseline)
        } catch {
            throw ValidationError(error.description)
        }
        try OptionRange.historyCommits.check(historyCommits)
        try output.check(GateDocument.self, command: "gate")
    }

    public func run() async throws {
        let document: GateDocument
        do {
            try OutputPathCheck.check(outputs: [output.output], inputs: [BaselineSource.filePath(baseline), results])
            if case let .history(branch) = try BaselineSource(argument: baseline) {
                document = try await judgeAgainstHistory(branch: branch)
            } else {
                document = try judge()
            }
            try output.write(document)
        } catch {
            throw CommandFailure.exitCode(for: error)
        }
        if document.verdict == .passed && document.count(.inconclusive) > 0 {
            CommandFailure.warn("gate passed with \(document.count(.inconclusive)) inconclusive benchmark\(document.count(.inconclusive) == 1 ? "" : "s") (--on-inconclusive pass)")
        }
        if document.exitStatus != .success { throw document.exitStatus.exitCode }
    }

    /// Reads both sides and judges; `gitDirectory` is for tests (`git -C`).
    func judge(gitDirectory: String? = nil) throws -> GateDocument {
        let source = try BaselineSource(argument: baseline)
        let baselineFile = try source.load(gitDirectory: gitDirectory)
        let resultsFile = try ResultsInput.load(path: results, options: try input.importOptions())
        let judge = GateJudge(options: try gate.gateOptions(method: method, statistics: statistics))
        var document = try judge.judge(
            baseline: .init(path: source.label, results: baselineFile.results, provenance: baselineFile.provenance),
            results: .init(path: results, results: resultsFile))
        document.warnings += ResultsInput.warnings(for: baselineFile.results, path: source.label)
            + ResultsInput.warnings(for: resultsFile, path: results)
        return document
    }

    /// Judges the results against the history of `branch` on their machine (`--baseline
    /// history[:BRANCH]`).
    func judgeAgainstHistory(branch: String) async throws -> GateDocument {
        let label = "\(BaselineSource.historyName):\(branch)"
        let resultsFile = try ResultsInput.load(path: results, options: try input.importOptions())
        let machine = StoredMachine(MachineIdentity(environment: resultsFile.environment))
        let location = try store.location()
        let wanted = Set(resultsFile.benchmarks.map(\.key))
        let series = try await store.withStore(creating: false) { history in
            try await ChangeSeriesLoader.load(from: history, filter: SeriesFilter(branch: branch, suite: resultsFile.suite))
        }.filter { $0.machine == machine.id && wanted.contains(BenchmarkKey(name: $0.name, variant: $0.variant)) }
        guard !series.isEmpty else {
            throw BaselineSourceError.noHistory(label, "\(location) holds no series of suite \(resultsFile.suite) on branch \(branch) measured on this machine (\(machine.summary))")
        }
        let made = try HistoryBaseline(commits: historyCommits).baseline(series: series, for: resultsFile)
        let latest = series.compactMap(\.points.last).max { $0.time < $1.time }
        let counts = made.selections.map(\.commits.count)
        let description = "\(label) in \(location): \(counts.min() ?? 0)–\(counts.max() ?? 0) commits per benchmark since their last change points (at most \(historyCommits))"
        let judge = GateJudge(options: try gate.gateOptions(method: method, statistics: statistics))
        var document = try judge.judge(
            baseline: .init(path: description, results: made.file, provenance: latest.map {
                BaselineProvenance(recordedAt: ISO8601Text.string(from: $0.time), gitCommit: $0.commit, source: label)
            }),
            results: .init(path: results, results: resultsFile))
        document.warnings += ResultsInput.warnings(for: resultsFile, path: results)
        return document
    }
}
