import Foundation
import QEResults

/// The gate's baseline made from history (`gate --baseline history[:BRANCH]`, DESIGN §8): for
/// each benchmark, the runs of the most recent commits of its series on the branch and the same
/// machine since the series' last change point, at most ``commits`` of them.
///
/// Commits since the last change point are separate samples of one level, so the baseline has
/// many more runs than one results file (10 commits of 5 runs: 50 runs), and the gate's
/// interval (Welch's t over runs) narrows; the commit-to-commit spread is part of the runs'
/// spread, so the interval stays honest. Runs before the last change point belong to another
/// level and are never taken.
public struct HistoryBaseline: Sendable {
    /// The default `--history-commits`.
    public static let defaultCommits = 10

    /// What one benchmark's baseline was made of.
    public struct Selection: Sendable, Equatable {
        public var name: String
        public var variant: String
        /// The commits taken, oldest first.
        public var commits: [String]
        /// The series' last change point (the first commit of its current level), if any.
        public var lastChange: String?
        /// The number of runs taken.
        public var runs: Int
    }

    /// At most this many commits per benchmark (`--history-commits`).
    public var commits: Int
    /// How change points are found.
    public var changeOptions: ChangeOptions

    public init(commits: Int = HistoryBaseline.defaultCommits, changeOptions: ChangeOptions = ChangeOptions()) {
        self.commits = commits
        self.changeOptions = changeOptions
    }

    /// The commits of `series` the baseline takes: the last `commits` at the series' current
    /// level (after its last change point).
    /// - Throws: ``ChangeError`` when the series' samples cannot be used.
    public func selection(of series: ChangeSeries) throws(ChangeError) -> (range: Range<Int>, lastChange: Int?) {
        let judged = try ChangeJudge(options: changeOptions).detect(series)
        let lastChange = judged.changePoints.last?.index
        let start = max(lastChange ?? 0, series.points.count - max(commits, 1))
        return (start..<series.points.count, lastChange)
    }

    /// The baseline for `results`: one benchmark per series (in the series' unit), with the
    /// results' suite and environment (the series were chosen on the results' machine).
    /// - Parameter series: one series per benchmark of the results that has history (the
    ///   others are then only in the results, and not gated).
    /// - Throws: ``ChangeError`` when a series' samples cannot be used.
    /// - Complexity: one change-point detection per series.
    public func baseline(series: [ChangeSeries], for results: ResultsFile) throws(ChangeError) -> (file: ResultsFile, selections: [Selection]) {
        var benchmarks: [Benchmark] = []
        var selections: [Selection] = []
        let unit = series.first?.unit ?? .nanoseconds
        for one in series where !one.points.isEmpty {
            let (range, lastChange) = try selection(of: one)
            let factor = one.unit.nanosecondsPerUnit / unit.nanosecondsPerUnit
            let runs = one.points[range].flatMap(\.runs).map { BenchmarkRun(samples: $0.map { $0 * factor }) }
            benchmarks.append(Benchmark(name: one.name, variant: one.variant, runs: runs))
            selections.append(Selection(
                name: one.name, variant: one.variant, commits: one.points[range].map(\.commit),
                lastChange: lastChange.map { one.points[$0].commit }, runs: runs.count))
        }
        let file = ResultsFile(suite: results.suite, unit: unit, environment: results.environment, benchmarks: benchmarks)
        return (file, selections)
    }
}
