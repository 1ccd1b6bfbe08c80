import ArgumentParser
import QEFormats
import QEHistory
import QEPresentation
import QEValidation

/// `qe-validate history list`: the series of the history store and their points.
public struct HistoryListCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the series of the history store: per commit, runs, iterations and the median with its interval.",
        discussion: """
            A series is one benchmark (suite, name, variant) on one machine and one branch; its \
            points are its commits in commit-time order, each with the median of all its \
            iterations and a 95% order-statistic interval (null below 6 iterations). Times are \
            in nanoseconds in JSON and CSV. The JSON form is qe-validate/history@1: \
            {"schema", "series": [{suite, name, variant, machine, branch, points: [{commit, \
            time, runs, iterations, median, low, high}]}]}.

            Examples:
              qe-validate history list
              qe-validate history list --benchmark test-similarity --benchmark code-embedding --variant flash
              qe-validate history list --branch main --machine avx512f --since main~50 --format markdown
              qe-validate history list --since 2026-11-01 --format json --output history.json

            Exit codes: 0 listed (also when nothing matches); 64 usage; 65 an unknown --since \
            revision or commit; 66 the store missing or unreadable; 73 output not writable; 70 \
            anything else.
            """
    )

    @OptionGroup(title: "Series")
    var filter: SeriesFilterOptionGroup

    @OptionGroup(title: "Store")
    var store: StoreOptionGroup

    @OptionGroup(title: "Output")
    var output: OutputOptionGroup

    public init() {}

    public func validate() throws {
        try output.check(HistoryListing.self, command: "history list")
    }

    public func run() async throws {
        do {
            let filter = try filter.filter()
            let stored = try await store.withStore(creating: false) { history in
                try await StoredSeries.load(from: history, matching: filter)
            }
            try output.write(HistoryListing(series: try stored.map(Self.series)))
        } catch {
            throw CommandFailure.exitCode(for: error)
        }
    }

    /// The listing's form of a stored series.
    static func series(_ stored: StoredSeries) throws -> HistoryListing.Series {
        let key = stored.series.key
        let points = try stored.samples.points.map { point in
            try HistoryListing.Point(commit: point.commit, time: ISO8601Text.string(microsecondsSinceEpoch: point.time.microsecondsSinceEpoch),
                                    runs: point.runs)
        }
        return HistoryListing.Series(suite: key.suite, name: key.name, variant: key.variant, machine: key.machine,
                                     branch: key.branch, points: points)
    }
}
