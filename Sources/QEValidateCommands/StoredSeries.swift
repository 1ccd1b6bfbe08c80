import QEHistory

/// A series of the history store with its raw samples: what `history list` summarises and what
/// the commands that judge a series (`history detect`, `history report`) map onto their
/// documents' inputs.
struct StoredSeries: Sendable {
    /// The series, with its per-run summaries.
    var series: HistorySeries
    /// Its raw samples (nanoseconds), point for point.
    var samples: SeriesSamples

    /// Every series `filter` takes, with its samples from `filter.since` on, in the store's
    /// series order.
    /// - Throws: `HistoryError`.
    /// - Complexity: one query for the series, then one sample load per series.
    static func load(from store: any HistoryStore, matching filter: SeriesFilter) async throws(HistoryError) -> [StoredSeries] {
        var loaded: [StoredSeries] = []
        for series in try await store.series(matching: filter) {
            loaded.append(StoredSeries(series: series, samples: try await store.samples(of: series.key, since: filter.since)))
        }
        return loaded
    }
}
