import Foundation
import QEHistory
import QEValidation

/// Reads the series a filter takes from the history store as the change-point judge reads
/// them: every commit's raw samples (nanoseconds), from the series' first commit (change points
/// need the whole history: `--since` only says which of them count).
enum ChangeSeriesLoader {
    /// The series `filter` takes (its `since` ignored), in the store's series order.
    /// - Throws: `HistoryError`.
    /// - Complexity: one read of the store (``HistoryStore/samples(matching:)``).
    static func load(from store: any HistoryStore, filter: SeriesFilter) async throws(HistoryError) -> [ChangeSeries] {
        var whole = filter
        whole.since = nil
        return try await store.samples(matching: whole).map { samples in
            ChangeSeries(
                suite: samples.key.suite, name: samples.key.name, variant: samples.key.variant,
                machine: samples.key.machine, branch: samples.key.branch, unit: .nanoseconds,
                points: samples.points.map { .init(commit: $0.commit, time: $0.time.date, runs: $0.runs) })
        }
    }

    /// The series `filter` takes (its `since` ignored), each point given by its runs' lower and
    /// upper medians from the store's run summaries (``ChangeSeries/Point/init(commit:time:runMedians:)``):
    /// what `history detect` and `history report` judge, with the same result as from the
    /// samples and without reading one. When a run's summary cannot vouch that all its samples
    /// are finite and positive (an empty run, a non-positive minimum, a mean that is not
    /// finite), the series are read with their samples instead (``load(from:filter:)``), so
    /// that the judge names the bad run as it always has.
    /// - Throws: `HistoryError`.
    /// - Complexity: one read of the run summaries (one row per file of a series).
    static func loadMedians(from store: any HistoryStore, filter: SeriesFilter) async throws(HistoryError) -> [ChangeSeries] {
        var whole = filter
        whole.since = nil
        let stored = try await store.series(matching: whole)
        let usable = stored.allSatisfy { series in
            series.points.allSatisfy { point in
                point.runs.allSatisfy { $0.iterations > 0 && $0.minimum > 0 && $0.mean.isFinite }
            }
        }
        guard usable else { return try await load(from: store, filter: filter) }
        return stored.map { series in
            ChangeSeries(
                suite: series.key.suite, name: series.key.name, variant: series.key.variant,
                machine: series.key.machine, branch: series.key.branch, unit: .nanoseconds,
                points: series.points.map { point in
                    .init(commit: point.commit, time: point.time.date,
                          runMedians: point.runs.map { .init(lower: $0.lowerMedian, upper: $0.upperMedian) })
                })
        }
    }

    /// The time `since` stands for: the time itself, or the time of the commit it names (the
    /// first commit of `series` whose id starts with it).
    /// - Throws: `ChangeCommandError.unknownCommit` when no series holds the commit.
    static func time(of since: HistorySince, in series: [ChangeSeries]) throws(ChangeCommandError) -> Date {
        switch since {
        case let .time(time):
            return time.date
        case let .commit(prefix):
            for one in series {
                if let point = one.points.first(where: { $0.commit.lowercased().hasPrefix(prefix.lowercased()) }) { return point.time }
            }
            throw .unknownCommit(prefix)
        }
    }
}

/// Why `history detect` or `history report` could not run, besides the store's own errors.
enum ChangeCommandError: Error, Equatable, CustomStringConvertible {
    /// `--since` names a commit no series selected holds. Exit 65.
    case unknownCommit(String)
    /// No series matches the filter. Exit 66.
    case noSeries(String)

    var description: String {
        switch self {
        case let .unknownCommit(commit): return "--since \(commit): no selected series has this commit"
        case let .noSeries(store): return "\(store): no series matches the filter"
        }
    }

    var status: ExitStatus {
        switch self {
        case .unknownCommit: return .dataError
        case .noSeries: return .noInput
        }
    }
}
