import ArgumentParser
import Foundation
import QEHistory
import QEPresentation
import QEValidation

/// `qe-validate history detect`: the commits where each series' level changed.
public struct HistoryDetectCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Find the commits where a benchmark's level changed, with the size of each change and its p-value.",
        discussion: """
            For each series (a benchmark on one machine and branch), from the raw samples: each \
            run's median log time, each commit's trimmed mean of its runs (a slow run does not \
            move it), commit-to-commit noise from neighbouring commits, outlying commits left out \
            (one is not a change), then binary segmentation with a scan whose p-value is \
            adjusted for searching every split. A change point is the first commit of a new \
            level; it carries the ratio of levels after ÷ before with an interval, and p.

            --max-p is the false-alarm budget per series over its whole history: with no change \
            at all, a history raises any alarm about that often (simulated rates in the README). \
            The whole history is always searched; --since only says from which commit or time a \
            regression makes --fail-on-regression fail (default: the latest commit, that is, \
            when the series' latest level began with a regression).

            Examples:
              qe-validate history detect
              qe-validate history detect --benchmark test-similarity --branch main --format markdown >> "$GITHUB_STEP_SUMMARY"
              qe-validate history detect --fail-on-regression --since main~1    # a nightly job

            Exit codes: 0 done (no failing regression); 1 a regression at or after --since \
            under --fail-on-regression (the output is written first); 64 usage; 65 bad data; \
            66 the store missing or unreadable, or no series matches; 73 output not writable.
            """
    )

    @OptionGroup(title: "Series")
    var series: SeriesFilterOptionGroup

    @OptionGroup(title: "Change points")
    var detection: ChangeOptionGroup

    @Flag(help: "Exit 1 when a regression lies at or after --since (default: the series' latest level began with one).")
    var failOnRegression = false

    @OptionGroup(title: "Store")
    var store: StoreOptionGroup

    @OptionGroup(title: "Output")
    var output: OutputOptionGroup

    public init() {}

    public func validate() throws {
        try output.check(ChangeDocument.self, command: "history detect")
    }

    public func run() async throws {
        let document: ChangeDocument
        let failing: Int
        do {
            let judged = try await Self.judge(series: series, store: store, options: detection.options)
            document = judged.document
            try output.write(document)
            failing = document.failingRegressions(since: judged.since).count
        } catch {
            throw CommandFailure.exitCode(for: error)
        }
        if failOnRegression && failing > 0 {
            CommandFailure.warn("\(failing) regression\(failing == 1 ? "" : "s") at or after --since (--fail-on-regression)")
            throw ExitStatus.refutedOrRegression.exitCode
        }
    }

    /// Reads the series the options select and judges them; the time `--since` stands for.
    /// Shared with `history report`.
    static func judge(series: SeriesFilterOptionGroup, store: StoreOptionGroup, options: ChangeOptions) async throws -> (document: ChangeDocument, since: Date?) {
        let filter = try series.filter()
        let location = try store.location()
        let loaded = try await store.withStore(creating: false) { history in
            try await ChangeSeriesLoader.loadMedians(from: history, filter: filter)
        }
        guard !loaded.isEmpty else { throw ChangeCommandError.noSeries(location.description) }
        let since = try filter.since.map { since throws(ChangeCommandError) in try ChangeSeriesLoader.time(of: since, in: loaded) }
        let document = try ChangeJudge(options: options).judge(loaded, store: location.description)
        return (document, since)
    }
}
