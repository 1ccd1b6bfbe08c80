import QEResults

extension RelationalHistoryStore {
    func recordedResults(matching filter: SeriesFilter, in session: any SQLSession) throws -> [RecordedResults] {
        let start = try Self.earliestTime(filter.since, location: location, in: session)
        var takenSeries: Set<Int64>?
        var fileIDs: [Int64] = []
        if filter.takesWholeFiles {
            fileIDs = try session.query("SELECT id FROM results_files WHERE commit_time >= ? ORDER BY commit_time, id",
                                        [.integer(start)]).map { try $0.int64(0) }
        } else {
            let series = try seriesRows(matching: filter, in: session).map(\.id)
            takenSeries = Set(series)
            var files: [(time: Int64, id: Int64)] = []
            var seen: Set<Int64> = []
            for id in series {
                let rows = try session.query(
                    "SELECT f.id, f.commit_time FROM benchmarks b JOIN results_files f ON f.id = b.file_id WHERE b.series_id = ? AND f.commit_time >= ?",
                    [.integer(id), .integer(start)])
                for row in rows where seen.insert(try row.int64(0)).inserted {
                    files.append((time: try row.int64(1), id: try row.int64(0)))
                }
            }
            fileIDs = files.sorted { ($0.time, $0.id) < ($1.time, $1.id) }.map(\.id)
        }
        return try fileIDs.map { try rebuild(file: $0, takingSeries: takenSeries, in: session) }
    }

    /// The file with row id `id`, as it was added (only the benchmarks of `takingSeries`, when
    /// given).
    private func rebuild(file id: Int64, takingSeries: Set<Int64>?, in session: any SQLSession) throws -> RecordedResults {
        guard let file = try session.query(
            """
            SELECT commit_id, commit_time, branch, suite, unit, created_at, outputs_verified,
                   host, os, kernel, cpu, cpu_vendor, cpu_family, cpu_model, cpu_stepping, cpu_features,
                   cores, toolchain, build, git_commit, command
            FROM results_files WHERE id = ?
            """, [.integer(id)]).first else {
            throw HistoryError(.internalFailure, subject: location.description, detail: "a recorded file vanished while being read")
        }
        let unitText = try file.text(4)
        guard let unit = TimeUnit(rawValue: unitText) else { throw damaged("unknown unit \(unitText)") }
        let environment = EnvironmentInfo(
            host: try file.optionalText(7), os: try file.optionalText(8), kernel: try file.optionalText(9), cpu: try file.optionalText(10),
            cpuVendor: try file.optionalText(11), cpuFamily: try file.optionalInt(12), cpuModel: try file.optionalInt(13),
            cpuStepping: try file.optionalInt(14), cpuFeatures: try file.optionalText(15).map(FeatureList.decode),
            cores: try file.optionalInt(16), toolchain: try file.optionalText(17), build: try file.optionalText(18),
            gitCommit: try file.optionalText(19), command: try file.optionalText(20))

        var parameters: [Int64: [String: ParameterValue]] = [:]
        for row in try session.query(
            "SELECT p.benchmark_id, p.key, p.number, p.text, p.flag FROM parameters p JOIN benchmarks b ON b.id = p.benchmark_id WHERE b.file_id = ?",
            [.integer(id)]) {
            let value: ParameterValue
            if let number = try row.optionalDouble(2) {
                value = .number(number)
            } else if let flag = try row.optionalInt(4) {
                value = .bool(flag != 0)
            } else {
                value = .string(try row.text(3))
            }
            parameters[try row.int64(0), default: [:]][try row.text(1)] = value
        }
        var runs: [Int64: [BenchmarkRun]] = [:]
        for row in try session.query(
            "SELECT r.benchmark_id, r.started_at, r.samples, r.warmup FROM runs r JOIN benchmarks b ON b.id = r.benchmark_id WHERE b.file_id = ? ORDER BY r.benchmark_id, r.position",
            [.integer(id)]) {
            guard let samples = SampleBlob.decode(try row.blob(2)), let warmup = SampleBlob.decode(try row.blob(3)) else {
                throw damaged("a run's samples are not 8-byte numbers")
            }
            runs[try row.int64(0), default: []].append(BenchmarkRun(samples: samples, warmup: warmup, startedAt: try row.optionalText(1)))
        }
        var benchmarks: [Benchmark] = []
        for row in try session.query(
            """
            SELECT b.id, b.series_id, b.sample_kind, b.working_set_bytes, b.peak_allocated_bytes, s.name, s.variant
            FROM benchmarks b JOIN series s ON s.id = b.series_id WHERE b.file_id = ? ORDER BY b.position
            """, [.integer(id)]) {
            if let takingSeries, !takingSeries.contains(try row.int64(1)) { continue }
            let benchmarkID = try row.int64(0)
            let kindText = try row.text(2)
            guard let kind = SampleKind(rawValue: kindText) else { throw damaged("unknown sample kind \(kindText)") }
            let workingSet = try row.optionalInt(3)
            let peak = try row.optionalInt(4)
            let memory = workingSet == nil && peak == nil ? nil : MemoryFigures(workingSetBytes: workingSet, peakAllocatedBytes: peak)
            benchmarks.append(Benchmark(name: try row.text(5), variant: try row.text(6), parameters: parameters[benchmarkID] ?? [:],
                                        runs: runs[benchmarkID] ?? [], memory: memory, sampleKind: kind))
        }
        let results = ResultsFile(suite: try file.text(3), unit: unit, createdAt: try file.optionalText(5), environment: environment,
                                  outputsVerified: try file.optionalInt(6).map { $0 != 0 }, benchmarks: benchmarks)
        return RecordedResults(results: results, commit: try file.text(0),
                               time: HistoryTimestamp(microsecondsSinceEpoch: try file.int64(1)), branch: try file.text(2))
    }

    private func damaged(_ detail: String) -> HistoryError {
        HistoryError(.unreadableStore, subject: location.description, detail: "damaged store: \(detail)")
    }
}
