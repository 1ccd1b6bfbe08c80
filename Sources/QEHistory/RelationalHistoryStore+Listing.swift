import QEResults

extension RelationalHistoryStore {
    /// A series row: its id, key and machine.
    struct SeriesRow {
        var id: Int64
        var key: HistorySeriesKey
        var machine: StoredMachine
    }

    /// Every series `filter` takes (ignoring `since`), ordered by suite, name, variant, branch
    /// and machine — in Swift, so that both backends order alike whatever their collation.
    func seriesRows(matching filter: SeriesFilter, in session: any SQLSession) throws -> [SeriesRow] {
        let rows = try session.query(
            "SELECT s.id, s.suite, s.name, s.variant, s.machine_id, s.branch, m.summary FROM series s JOIN machines m ON m.id = s.machine_id")
        return try rows.map { row in
            SeriesRow(id: try row.int64(0),
                      key: HistorySeriesKey(suite: try row.text(1), name: try row.text(2), variant: try row.text(3),
                                            machine: try row.text(4), branch: try row.text(5)),
                      machine: StoredMachine(id: try row.text(4), summary: try row.text(6)))
        }
        .filter { filter.takes($0.key, machine: $0.machine) }
        .sorted { a, b in
            (a.key.suite, a.key.name, a.key.variant, a.key.branch, a.key.machine)
                < (b.key.suite, b.key.name, b.key.variant, b.key.branch, b.key.machine)
        }
    }

    func series(matching filter: SeriesFilter, in session: any SQLSession) throws -> [HistorySeries] {
        let start = try Self.earliestTime(filter.since, location: location, in: session)
        return try seriesRows(matching: filter, in: session).compactMap { series in
            // One row per file of the series, with its runs' summaries packed: no sample is read,
            // and each row is read where the backend holds it.
            var accumulator = PointAccumulator<RunSummary>()
            try session.forEachRow(
                """
                SELECT b.run_summaries, f.id, f.commit_id, f.commit_time
                FROM benchmarks b JOIN results_files f ON f.id = b.file_id
                WHERE b.series_id = ? AND f.commit_time >= ?
                ORDER BY f.commit_time, f.id
                """, [.integer(series.id), .integer(start)]
            ) { row in
                guard let summaries = try row.withBlob(0, RunSummary.unpack) else {
                    throw HistoryError(.unreadableStore, subject: location.description,
                                       detail: "damaged store: the run summaries of \(series.key.name) (\(series.key.variant)) are unreadable")
                }
                accumulator.add(summaries, commit: try row.text(2), time: try row.int64(3), file: try row.int64(1))
            }
            let points = accumulator.points.map { HistoryPoint(commit: $0.commit, time: $0.time, files: $0.files, runs: $0.runs) }
            return points.isEmpty ? nil : HistorySeries(key: series.key, machineSummary: series.machine.summary, points: points)
        }
    }

    func samples(of key: HistorySeriesKey, since: HistorySince?, in session: any SQLSession) throws -> SeriesSamples {
        let start = try Self.earliestTime(since, location: location, in: session)
        guard let seriesID = try session.query("SELECT id FROM series WHERE key_digest = ?", [.text(key.digest)]).first?.int64(0) else {
            return SeriesSamples(key: key, points: [])
        }
        return try samples(seriesID: seriesID, key: key, start: start, in: session)
    }

    func samples(matching filter: SeriesFilter, in session: any SQLSession) throws -> [SeriesSamples] {
        let start = try Self.earliestTime(filter.since, location: location, in: session)
        return try seriesRows(matching: filter, in: session).compactMap { series in
            let samples = try samples(seriesID: series.id, key: series.key, start: start, in: session)
            return samples.points.isEmpty ? nil : samples
        }
    }

    /// The samples of the series `seriesID` from `start` (microseconds), each run's blob decoded
    /// where the backend holds it.
    /// - Complexity: two queries: the series' files (with their units), then its runs, read in
    ///   the order of the indexes (no sort of the blobs, no file row read per run).
    private func samples(seriesID: Int64, key: HistorySeriesKey, start: Int64, in session: any SQLSession) throws -> SeriesSamples {
        struct FileRow {
            var benchmark: Int64
            var file: Int64
            var commit: String
            var time: Int64
        }
        var files: [FileRow] = []
        var units: [Int64: TimeUnit] = [:]
        try session.forEachRow(
            """
            SELECT b.id, f.id, f.commit_id, f.commit_time, f.unit
            FROM benchmarks b JOIN results_files f ON f.id = b.file_id
            WHERE b.series_id = ? AND f.commit_time >= ?
            ORDER BY f.commit_time, f.id
            """, [.integer(seriesID), .integer(start)]
        ) { row in
            let benchmark = try row.int64(0)
            let unitText = try row.text(4)
            guard let unit = TimeUnit(rawValue: unitText) else {
                throw HistoryError(.unreadableStore, subject: location.description, detail: "a run of \(key.name) (\(key.variant)) is damaged: unit \(unitText), samples not 8-byte numbers")
            }
            units[benchmark] = unit
            files.append(FileRow(benchmark: benchmark, file: try row.int64(1), commit: try row.text(2), time: try row.int64(3)))
        }
        // Runs come benchmark by benchmark (b.id equals r.benchmark_id, so SQLite walks its
        // indexes in that order instead of sorting the rows, blobs and all); those of files
        // before `start` are passed over.
        var runs: [Int64: [[Double]]] = [:]
        var benchmark: Int64?
        var benchmarkRuns: [[Double]] = []
        try session.forEachRow(
            """
            SELECT r.benchmark_id, r.samples
            FROM benchmarks b JOIN runs r ON r.benchmark_id = b.id
            WHERE b.series_id = ?
            ORDER BY b.id, r.position
            """, [.integer(seriesID)]
        ) { row in
            let id = try row.int64(0)
            guard let unit = units[id] else { return }
            guard let values = try row.withBlob(1, SampleBlob.decode) else {
                throw HistoryError(.unreadableStore, subject: location.description, detail: "a run of \(key.name) (\(key.variant)) is damaged: unit \(unit.rawValue), samples not 8-byte numbers")
            }
            if id != benchmark {
                if let benchmark { runs[benchmark, default: []].append(contentsOf: benchmarkRuns) }
                benchmark = id
                benchmarkRuns.removeAll(keepingCapacity: true)
            }
            benchmarkRuns.append(unit.convert(values, to: .nanoseconds))
        }
        if let benchmark { runs[benchmark, default: []].append(contentsOf: benchmarkRuns) }
        var accumulator = PointAccumulator<[Double]>()
        for file in files {
            accumulator.add(runs[file.benchmark] ?? [], commit: file.commit, time: file.time, file: file.file)
        }
        let points = accumulator.points
        return SeriesSamples(key: key, points: points.map { SeriesSamples.Point(commit: $0.commit, time: $0.time, runs: $0.runs) })
    }

    /// The first time `since` takes, in microseconds (the smallest value when nil).
    /// - Throws: ``HistoryError`` (bad data) when a commit prefix matches no commit, or several.
    static func earliestTime(_ since: HistorySince?, location: StoreLocation, in session: any SQLSession) throws -> Int64 {
        switch since {
        case nil: return Int64.min
        case let .time(time)?: return time.microsecondsSinceEpoch
        case let .commit(prefix)?:
            let commits = try matchingCommits(prefix, location: location, in: session)
            return commits[0].time
        }
    }

    /// The commits whose id starts with `prefix` (4 or more digits), with their earliest time.
    /// - Throws: ``HistoryError`` (bad data) when none matches or several do.
    static func matchingCommits(_ prefix: String, location: StoreLocation, in session: any SQLSession) throws -> [(commit: String, time: Int64)] {
        let prefix = prefix.lowercased()
        guard prefix.count >= 4 else {
            throw HistoryError(.badData, subject: location.description, detail: "commit \"\(prefix)\": give at least 4 digits of a commit id")
        }
        let rows = try session.query(
            "SELECT commit_id, MIN(commit_time) FROM results_files WHERE substr(commit_id, 1, CAST(? AS INTEGER)) = ? GROUP BY commit_id",
            [.int(prefix.count), .text(prefix)])
        let commits = try rows.map { (commit: try $0.text(0), time: try $0.int64(1)) }
        if commits.isEmpty {
            throw HistoryError(.badData, subject: location.description, detail: "no results are recorded for commit \(prefix)")
        }
        if commits.count > 1 {
            let names = commits.map(\.commit).sorted().prefix(5).joined(separator: ", ")
            throw HistoryError(.badData, subject: location.description, detail: "commit \(prefix) is ambiguous: it starts \(names)")
        }
        return commits
    }
}

/// Groups a series' files (in time order, with their runs) into points, one per commit, ordered
/// by the commit's earliest time and then its id. A file's rows (one per benchmark of the series
/// in it) come one after another, as they do ordered by time and file: a file is counted once,
/// when its first row comes.
struct PointAccumulator<Run> {
    struct Point {
        var commit: String
        var time: HistoryTimestamp
        /// How many distinct files are pooled into the point.
        var files: Int
        var runs: [Run]
    }

    /// The points in order of first appearance, and where each commit's point is.
    private var stored: [Point] = []
    private var positions: [String: Int] = [:]
    /// The file of the previous row.
    private var lastFile: Int64?

    mutating func add(_ runs: [Run], commit: String, time: Int64, file: Int64) {
        let timestamp = HistoryTimestamp(microsecondsSinceEpoch: time)
        let newFile = file != lastFile
        lastFile = file
        let position: Int
        if let last = stored.indices.last, stored[last].commit == commit {
            // Files come in time order, so a commit's files are usually next to each other.
            position = last
        } else if let known = positions[commit] {
            position = known
        } else {
            // A new commit takes the file's runs as they are (no copy).
            positions[commit] = stored.count
            stored.append(Point(commit: commit, time: timestamp, files: 1, runs: runs))
            return
        }
        if newFile { stored[position].files += 1 }
        stored[position].runs.append(contentsOf: runs)
        if timestamp < stored[position].time { stored[position].time = timestamp }
    }

    var points: [Point] {
        stored.sorted { ($0.time, $0.commit) < ($1.time, $1.commit) }
    }
}
