import Foundation
import QEResults

extension RelationalHistoryStore {
    /// Thrown inside an add's transaction when another process recorded the same file first, to
    /// roll back what this one wrote.
    private struct RecordedMeanwhile: Error {}

    /// Records one file in one transaction (see ``HistoryStore/add(_:beforeCommit:)``).
    func record(_ recording: HistoryRecording, beforeCommit: (@Sendable (HistoryRecording) -> Void)?) throws -> HistoryAddOutcome {
        do {
            return try connection.write { session in
                if let existing = try Self.recordedFile(digest: recording.digest, in: session) {
                    return .alreadyRecorded(existing, source: recording.source)
                }
                let file = try insert(recording, in: session)
                beforeCommit?(recording)
                return .added(file)
            }
        } catch is RecordedMeanwhile {
            let existing = try connection.read { try Self.recordedFile(digest: recording.digest, in: $0) }
            guard let existing else {
                throw HistoryError(.internalFailure, subject: location.description,
                                   detail: "\(recording.source) was recorded by another process and then removed")
            }
            return .alreadyRecorded(existing, source: recording.source)
        }
    }

    /// Writes the file's rows: its machine and series (when new), the file, its benchmarks,
    /// their parameters and runs. A few multi-row statements per file, whatever its size.
    private func insert(_ recording: HistoryRecording, in session: any SQLSession) throws -> RecordedFile {
        let results = recording.results
        let machine = recording.machine
        try session.execute("INSERT INTO machines (id, canonical_key, summary) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING",
                            [.text(machine.id), .text(recording.machineIdentity.canonicalKey), .text(machine.summary)])
        let seriesIDs = try seriesIDs(for: recording, in: session)

        let runCount = results.benchmarks.reduce(0) { $0 + $1.runs.count }
        let sampleCount = results.benchmarks.reduce(0) { $0 + $1.sampleCount }
        let environment = results.environment
        let fileRow: [SQLValue] = [
            .text(recording.digest), .text(recording.commit), .integer(recording.time.microsecondsSinceEpoch),
            .text(recording.branch), .text(machine.id), .text(recording.source),
            .integer(HistoryTimestamp(Date()).microsecondsSinceEpoch),
            .text(results.suite), .text(results.unit.rawValue), .optional(results.createdAt),
            .optional(results.outputsVerified.map { $0 ? 1 : 0 }),
            .optional(environment.host), .optional(environment.os), .optional(environment.kernel),
            .optional(environment.cpu), .optional(environment.cpuVendor), .optional(environment.cpuFamily),
            .optional(environment.cpuModel), .optional(environment.cpuStepping),
            .optional(environment.cpuFeatures.map(FeatureList.encode)), .optional(environment.cores),
            .optional(environment.toolchain), .optional(environment.build), .optional(environment.gitCommit),
            .optional(environment.command),
            .int(results.benchmarks.count), .int(runCount), .int(sampleCount),
        ]
        let inserted = try session.query(
            "INSERT INTO results_files (\(Self.fileColumns.joined(separator: ", "))) VALUES (\(Self.placeholders(fileRow.count))) "
                + "ON CONFLICT (digest) DO NOTHING RETURNING id", fileRow)
        guard let fileID = try inserted.first?.int64(0) else { throw RecordedMeanwhile() }

        let benchmarkRows: [[SQLValue]] = try results.benchmarks.enumerated().map { position, benchmark in
            guard let series = seriesIDs[recording.seriesKey(of: benchmark).digest] else {
                throw HistoryError(.internalFailure, subject: location.description, detail: "a series row was not found after inserting it")
            }
            let summaries = benchmark.runs.map { RunSummary(samples: results.unit.convert($0.samples, to: .nanoseconds)) }
            return [.integer(fileID), .integer(series), .int(position), .text(benchmark.sampleKind.rawValue),
                    .optional(benchmark.memory?.workingSetBytes), .optional(benchmark.memory?.peakAllocatedBytes),
                    .blob(RunSummary.pack(summaries))]
        }
        try Self.insert(into: "benchmarks", columns: ["file_id", "series_id", "position", "sample_kind", "working_set_bytes",
                                                      "peak_allocated_bytes", "run_summaries"],
                        rows: benchmarkRows, in: session)
        var benchmarkIDs: [Int: Int64] = [:]
        for row in try session.query("SELECT id, position FROM benchmarks WHERE file_id = ?", [.integer(fileID)]) {
            benchmarkIDs[try row.int(1)] = try row.int64(0)
        }

        var parameterRows: [[SQLValue]] = []
        var runRows: [[SQLValue]] = []
        for (position, benchmark) in results.benchmarks.enumerated() {
            guard let benchmarkID = benchmarkIDs[position] else {
                throw HistoryError(.internalFailure, subject: location.description, detail: "a benchmark row was not found after inserting it")
            }
            for (index, key) in benchmark.parameters.keys.sorted().enumerated() {
                switch benchmark.parameters[key] {
                case let .number(value)?: parameterRows.append([.integer(benchmarkID), .int(index), .text(key), .real(value), .null, .null])
                case let .string(value)?: parameterRows.append([.integer(benchmarkID), .int(index), .text(key), .null, .text(value), .null])
                case let .bool(value)?: parameterRows.append([.integer(benchmarkID), .int(index), .text(key), .null, .null, .int(value ? 1 : 0)])
                case nil: continue
                }
            }
            for (index, run) in benchmark.runs.enumerated() {
                runRows.append([.integer(benchmarkID), .int(index), .optional(run.startedAt),
                                .blob(SampleBlob.encode(run.samples)), .blob(SampleBlob.encode(run.warmup))])
            }
        }
        try Self.insert(into: "parameters", columns: ["benchmark_id", "position", "key", "number", "text", "flag"], rows: parameterRows, in: session)
        try Self.insert(into: "runs", columns: ["benchmark_id", "position", "started_at", "samples", "warmup"],
                        rows: runRows, in: session)
        return RecordedFile(digest: recording.digest, commit: recording.commit, time: recording.time, branch: recording.branch,
                            suite: results.suite, machine: machine.id, source: recording.source,
                            benchmarks: results.benchmarks.count, runs: runCount, samples: sampleCount)
    }

    /// The id of each series of the file, by key digest, inserting those that are new. Rows go
    /// in digest order, so that two processes adding at once take row locks in the same order
    /// and cannot deadlock.
    private func seriesIDs(for recording: HistoryRecording, in session: any SQLSession) throws -> [String: Int64] {
        var keys: [String: HistorySeriesKey] = [:]
        for benchmark in recording.results.benchmarks {
            let key = recording.seriesKey(of: benchmark)
            keys[key.digest] = key
        }
        let digests = keys.keys.sorted()
        let rows: [[SQLValue]] = digests.compactMap { digest in
            keys[digest].map { [.text(digest), .text($0.suite), .text($0.name), .text($0.variant), .text($0.machine), .text($0.branch)] }
        }
        try Self.insert(into: "series", columns: ["key_digest", "suite", "name", "variant", "machine_id", "branch"],
                        rows: rows, suffix: " ON CONFLICT (key_digest) DO NOTHING", in: session)
        var ids: [String: Int64] = [:]
        var start = 0
        while start < digests.count {
            let chunk = Array(digests[start..<min(digests.count, start + Self.maximumBoundValues)])
            for row in try session.query("SELECT id, key_digest FROM series WHERE key_digest IN (\(Self.placeholders(chunk.count)))",
                                         chunk.map(SQLValue.text)) {
                ids[try row.text(1)] = try row.int64(0)
            }
            start += chunk.count
        }
        return ids
    }

    /// The columns of `results_files` that an add writes, in the order of its values.
    static let fileColumns = [
        "digest", "commit_id", "commit_time", "branch", "machine_id", "source", "recorded_at",
        "suite", "unit", "created_at", "outputs_verified",
        "host", "os", "kernel", "cpu", "cpu_vendor", "cpu_family", "cpu_model", "cpu_stepping", "cpu_features",
        "cores", "toolchain", "build", "git_commit", "command",
        "benchmark_count", "run_count", "sample_count",
    ]

    /// The columns ``recordedFile(_:)`` reads.
    static let recordedFileColumns = "digest, commit_id, commit_time, branch, suite, machine_id, source, benchmark_count, run_count, sample_count"

    /// A row of ``recordedFileColumns`` as a ``RecordedFile``.
    static func recordedFile(_ row: SQLRow) throws -> RecordedFile {
        RecordedFile(digest: try row.text(0), commit: try row.text(1), time: HistoryTimestamp(microsecondsSinceEpoch: try row.int64(2)),
                     branch: try row.text(3), suite: try row.text(4), machine: try row.text(5), source: try row.optionalText(6),
                     benchmarks: try row.int(7), runs: try row.int(8), samples: try row.int(9))
    }

    /// The recorded file with content digest `digest`, if any.
    static func recordedFile(digest: String, in session: any SQLSession) throws -> RecordedFile? {
        try session.query("SELECT \(recordedFileColumns) FROM results_files WHERE digest = ?", [.text(digest)]).first.map(recordedFile)
    }
}

extension HistoryRecording {
    /// The series a benchmark of this file belongs to.
    func seriesKey(of benchmark: Benchmark) -> HistorySeriesKey {
        HistorySeriesKey(suite: results.suite, name: benchmark.name, variant: benchmark.variant, machine: machine.id, branch: branch)
    }
}
