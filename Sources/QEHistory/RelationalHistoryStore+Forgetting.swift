extension RelationalHistoryStore {
    func forget(_ selection: ForgetSelection, in session: any SQLSession) throws -> ForgetReport {
        let columns = Self.recordedFileColumns + ", id"
        let rows: [SQLRow]
        switch selection {
        case let .commit(prefix):
            let commit = try Self.matchingCommits(prefix, location: location, in: session)[0].commit
            rows = try session.query("SELECT \(columns) FROM results_files WHERE commit_id = ? ORDER BY commit_time, id", [.text(commit)])
        case let .before(time):
            rows = try session.query("SELECT \(columns) FROM results_files WHERE commit_time < ? ORDER BY commit_time, id",
                                     [.integer(time.microsecondsSinceEpoch)])
        }
        let files = try rows.map(Self.recordedFile)
        try delete(from: "results_files", ids: try rows.map { try $0.int64(10) }, in: session)  // cascades to benchmarks, runs, parameters
        let series = try session.query(
            "SELECT id FROM series WHERE NOT EXISTS (SELECT 1 FROM benchmarks b WHERE b.series_id = series.id)").map { try $0.int64(0) }
        try delete(from: "series", ids: series, in: session)
        let machines = try session.query(
            """
            SELECT id FROM machines WHERE NOT EXISTS (SELECT 1 FROM series s WHERE s.machine_id = machines.id)
            AND NOT EXISTS (SELECT 1 FROM results_files f WHERE f.machine_id = machines.id)
            """).map { try $0.text(0) }
        var start = 0
        while start < machines.count {
            let chunk = machines[start..<min(machines.count, start + Self.maximumBoundValues)]
            try session.execute("DELETE FROM machines WHERE id IN (\(Self.placeholders(chunk.count)))", chunk.map(SQLValue.text))
            start += chunk.count
        }
        return ForgetReport(files: files, series: series.count, machines: machines.count)
    }

    func counts(in session: any SQLSession) throws -> HistoryInventory {
        func count(_ sql: String) throws -> Int {
            try session.query(sql).first?.int(0) ?? 0
        }
        return HistoryInventory(
            files: try count("SELECT CAST(COUNT(*) AS BIGINT) FROM results_files"),
            benchmarks: try count("SELECT CAST(COUNT(*) AS BIGINT) FROM benchmarks"),
            runs: try count("SELECT CAST(COUNT(*) AS BIGINT) FROM runs"),
            samples: try count("SELECT CAST(COALESCE(SUM(sample_count), 0) AS BIGINT) FROM results_files"),
            series: try count("SELECT CAST(COUNT(*) AS BIGINT) FROM series"),
            machines: try count("SELECT CAST(COUNT(*) AS BIGINT) FROM machines"),
            storageBytes: 0)
    }

    private func delete(from table: String, ids: [Int64], in session: any SQLSession) throws {
        var start = 0
        while start < ids.count {
            let chunk = ids[start..<min(ids.count, start + Self.maximumBoundValues)]
            try session.execute("DELETE FROM \(table) WHERE id IN (\(Self.placeholders(chunk.count)))", chunk.map(SQLValue.integer))
            start += chunk.count
        }
    }
}
