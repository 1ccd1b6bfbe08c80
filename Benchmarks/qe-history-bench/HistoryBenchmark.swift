import Foundation
import QEHistory
import QEResults

/// Timings of the history store, for `scripts/bench/history.sh`. Not a test: it measures, it
/// asserts nothing. Build in release. Each store URL must name a new, empty store.
///
///     qe-history-bench add STORE_URL SCRATCH_DIR [FILES]     # FILES results files, each 10 benchmarks × 2 variants × 5 runs × 30 iterations
///     qe-history-bench list STORE_URL [COMMITS] [REPEATS]    # one series of COMMITS commits: list it, load its samples
///
/// Prints one line per measurement, `name key=value …`, seconds as `*_seconds`.
@main
struct HistoryBenchmark {
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.count >= 2 else { usage() }
        do throws(HistoryError) {
            let location = try StoreLocation(parsing: arguments[1])
            switch arguments[0] {
            case "add" where arguments.count >= 3:
                try await add(location, scratch: arguments[2], files: arguments.count > 3 ? Int(arguments[3]) ?? 1000 : 1000)
            case "list":
                try await list(location, commits: arguments.count > 2 ? Int(arguments[2]) ?? 5000 : 5000,
                               repeats: arguments.count > 3 ? Int(arguments[3]) ?? 5 : 5)
            default:
                usage()
            }
        } catch {
            FileHandle.standardError.write(Data("qe-history-bench: \(error)\n".utf8))
            exit(70)
        }
    }

    static func usage() -> Never {
        FileHandle.standardError.write(Data("""
            usage: qe-history-bench add STORE_URL SCRATCH_DIR [FILES]
                   qe-history-bench list STORE_URL [COMMITS] [REPEATS]

            """.utf8))
        exit(64)
    }

    static func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static let environment = EnvironmentInfo(
        host: "bench", os: "Debian GNU/Linux 12 (bookworm)", cpu: "Bench CPU", cpuVendor: "GenuineIntel", cpuFamily: 6,
        cpuModel: 207, cpuStepping: 2, cpuFeatures: ["avx", "avx2", "fma"], cores: 2, toolchain: "Swift 6.3", build: "release")

    /// A results file of `benchmarks` names × 2 variants × `runs` runs × `iterations` samples,
    /// lognormal-ish around 1 ms, different for every `seed`.
    static func results(seed: Int, benchmarks: Int, runs: Int, iterations: Int) -> ResultsFile {
        var state = UInt64(truncatingIfNeeded: seed) &* 0x9E37_79B9_7F4A_7C15 &+ 0x1234_5678
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) * 0x1p-53
        }
        var list: [Benchmark] = []
        for index in 0..<benchmarks {
            for variant in ["baseline", "flash"] {
                list.append(Benchmark(name: "workload-\(index)", variant: variant, parameters: ["seqLen": 512, "dim": 768],
                                      runs: (0..<runs).map { _ in
                                          BenchmarkRun(samples: (0..<iterations).map { _ in 1_000_000 * (1 + 0.05 * next()) }.map { $0.rounded() })
                                      }))
            }
        }
        var file = ResultsFile(suite: "bench", unit: .nanoseconds, environment: environment, benchmarks: list)
        let hex = String(seed, radix: 16)
        file.environment.gitCommit = String(repeating: "0", count: 40 - hex.count) + hex
        file.createdAt = HistoryTimestamp(microsecondsSinceEpoch: 1_767_225_600_000_000 + Int64(seed) * 3_600_000_000).description
        return file
    }

    /// Writes `count` results files, then adds them all in one call (reading and parsing each,
    /// then one transaction each), as `history add` would.
    static func add(_ location: StoreLocation, scratch: String, files count: Int) async throws(HistoryError) {
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        var paths: [String] = []
        for seed in 0..<count {
            let path = scratch + "/r\(seed).json"
            do {
                try results(seed: seed, benchmarks: 10, runs: 5, iterations: 30).write(to: path)
            } catch {
                throw HistoryError(.cannotWrite, subject: path, detail: error.detail)
            }
            paths.append(path)
        }
        let store = try await HistoryStores.open(location, creating: true)
        let start = DispatchTime.now().uptimeNanoseconds
        var recordings: [HistoryRecording] = []
        for path in paths {
            let file: ResultsFile
            do {
                file = try ResultsFile.read(from: path)
            } catch {
                throw HistoryError(.badData, subject: path, detail: error.detail)
            }
            recordings.append(try HistoryRecording(results: file, source: path, overrides: RecordingOverrides(branch: "main")))
        }
        let prepared = seconds(since: start)
        let outcomes = try await store.add(recordings)
        let total = seconds(since: start)
        let inventory = try await store.inventory()
        await store.close()
        print("add backend=\(backend(location)) files=\(outcomes.count) samples=\(inventory.samples) read_and_prepare_seconds=\(fixed(prepared)) store_seconds=\(fixed(total - prepared)) total_seconds=\(fixed(total)) bytes=\(inventory.storageBytes) bytes_per_million_samples=\(inventory.storageBytes * 1_000_000 / Int64(max(inventory.samples, 1)))")
    }

    /// Fills the store, when empty, with one series of `commits` commits (one file each:
    /// 1 benchmark × 1 variant × 5 runs × 30 iterations), then times listing it and loading its
    /// samples.
    static func list(_ location: StoreLocation, commits: Int, repeats: Int) async throws(HistoryError) {
        let store = try await HistoryStores.open(location, creating: true)
        var recordings: [HistoryRecording] = []
        for seed in 0..<commits {
            var file = results(seed: seed, benchmarks: 1, runs: 5, iterations: 30)
            file.benchmarks.removeLast()  // the flash variant: one series
            recordings.append(try HistoryRecording(results: file, source: "generated-\(seed)", overrides: RecordingOverrides(branch: "main")))
        }
        // A store that already holds the series (an earlier run) is listed as it is.
        let fillStart = DispatchTime.now().uptimeNanoseconds
        if try await store.inventory().files == 0 { _ = try await store.add(recordings) }
        let fill = seconds(since: fillStart)
        let filter = SeriesFilter(benchmarks: ["workload-0"], variant: "baseline")
        var listTimes: [Double] = []
        var sampleTimes: [Double] = []
        var points = 0
        var samples = 0
        for _ in 0..<repeats {
            var start = DispatchTime.now().uptimeNanoseconds
            let series = try await store.series(matching: filter)
            listTimes.append(seconds(since: start))
            points = series.first?.points.count ?? 0
            guard let key = series.first?.key else { break }
            start = DispatchTime.now().uptimeNanoseconds
            let loaded = try await store.samples(of: key, since: nil)
            sampleTimes.append(seconds(since: start))
            samples = loaded.points.reduce(0) { $0 + $1.runs.reduce(0) { $0 + $1.count } }
        }
        let inventory = try await store.inventory()
        await store.close()
        print("fill backend=\(backend(location)) files=\(commits) seconds=\(fixed(fill))")
        print("list backend=\(backend(location)) points=\(points) \(summary(listTimes))")
        print("samples backend=\(backend(location)) samples=\(samples) \(summary(sampleTimes))")
        print("size backend=\(backend(location)) samples=\(inventory.samples) bytes=\(inventory.storageBytes) bytes_per_million_samples=\(inventory.storageBytes * 1_000_000 / Int64(max(inventory.samples, 1)))")
    }

    static func backend(_ location: StoreLocation) -> String {
        if case .sqlite = location { return "sqlite" }
        return "postgres"
    }

    static func summary(_ times: [Double]) -> String {
        let sorted = times.sorted()
        guard let first = sorted.first, let last = sorted.last else { return "repeats=0" }
        return "repeats=\(sorted.count) median_seconds=\(fixed(sorted[sorted.count / 2])) min_seconds=\(fixed(first)) max_seconds=\(fixed(last))"
    }

    static func fixed(_ value: Double) -> String {
        String(format: "%.4f", value)
    }
}
