import Foundation
import QEHistory
import QEValidation

/// Reads the series a filter takes from the history store as the change-point judge reads
/// them: every commit's raw samples (nanoseconds), from the series' first commit (change points
/// need the whole history: `--since` only says which of them count).
enum ChangeSeriesLoader {
    /// The series `filter` takes (its `since` ignored), in the store's series order.
    /// - Throws: `HistoryError`.
    /// - Complexity: one query for the series and one per series for its samples.
    static func load(from store: any HistoryStore, filter: SeriesFilter) async throws(HistoryError) -> [ChangeSeries] {
        var whole = filter
        whole.since = nil
        var loaded: [ChangeSeries] = []
        for series in try await store.series(matching: whole) {
            let samples = try await store.samples(of: series.key, since: nil)
            loaded.append(ChangeSeries(
                suite: series.key.suite, name: series.key.name, variant: series.key.variant,
                machine: series.key.machine, branch: series.key.branch, unit: .nanoseconds,
                points: samples.points.map { .init(commit: $0.commit, time: $0.time.date, runs: $0.runs) }))
        }
        return loaded
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
