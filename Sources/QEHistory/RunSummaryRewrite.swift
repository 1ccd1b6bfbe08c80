import QEResults

/// Schema `v2-run-middle-samples`: every benchmark's run summaries computed again from its stored
/// samples and packed in the current form (``RunSummary/pack(_:)``, which adds each run's lower
/// and upper median), so that a store recorded before it reads as one recorded after it.
enum RunSummaryRewrite {
    /// Rewrites the run summaries of every benchmark of the store.
    /// - Throws: ``HistoryError`` (unreadable store) for a damaged unit or sample blob.
    /// - Complexity: O(S log S) over the store's S samples, in two queries and one update per
    ///   benchmark; the summaries of the whole store are held at once (56 bytes a run), never its
    ///   samples.
    static func rewriteAll(in session: any SQLSession, location: StoreLocation) throws {
        var units: [Int64: TimeUnit] = [:]
        var order: [Int64] = []
        try session.forEachRow("SELECT b.id, f.unit FROM benchmarks b JOIN results_files f ON f.id = b.file_id", []) { row in
            let id = try row.int64(0)
            let text = try row.text(1)
            guard let unit = TimeUnit(rawValue: text) else {
                throw HistoryError(.unreadableStore, subject: location.description, detail: "damaged store: a results file has the unit \(text)")
            }
            units[id] = unit
            order.append(id)
        }
        var summaries: [Int64: [RunSummary]] = [:]
        try session.forEachRow("SELECT benchmark_id, samples FROM runs ORDER BY benchmark_id, position", []) { row in
            let id = try row.int64(0)
            guard let unit = units[id], let samples = try row.withBlob(1, SampleBlob.decode) else {
                throw HistoryError(.unreadableStore, subject: location.description, detail: "damaged store: a run's samples are unreadable")
            }
            summaries[id, default: []].append(RunSummary(samples: unit.convert(samples, to: .nanoseconds)))
        }
        for id in order {
            try session.execute("UPDATE benchmarks SET run_summaries = ? WHERE id = ?",
                                [.blob(RunSummary.pack(summaries[id] ?? [])), .integer(id)])
        }
    }
}
