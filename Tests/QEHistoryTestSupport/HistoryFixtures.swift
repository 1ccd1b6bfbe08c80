import Foundation
import QEHistory
import QEResults
import QETestSupport

/// Results files and recordings made for the store tests, with deterministic samples.
public enum HistoryFixtures {
    public static let zen4 = EnvironmentInfo(
        host: "runner-1", os: "Debian GNU/Linux 12 (bookworm)", kernel: "Linux 6.1.0", cpu: "AMD EPYC",
        cpuVendor: "AuthenticAMD", cpuFamily: 25, cpuModel: 17, cpuStepping: 1,
        cpuFeatures: ["avx", "avx2", "avx512f", "fma"], cores: 2, toolchain: "Swift 6.3", build: "release",
        gitCommit: nil, command: "qe-validate run")

    public static var zen3: EnvironmentInfo {
        var environment = zen4
        environment.cpuModel = 1
        environment.cpuFeatures = ["avx", "avx2", "fma"]
        return environment
    }

    /// A commit id made from a number: 40 hex digits.
    public static func commit(_ number: Int) -> String {
        let hex = String(number, radix: 16)
        return String(repeating: "c", count: 40 - hex.count) + hex
    }

    /// A time `minutes` after 2026-01-01T00:00:00Z.
    public static func time(minutes: Int) -> HistoryTimestamp {
        HistoryTimestamp(microsecondsSinceEpoch: 1_767_225_600_000_000 + Int64(minutes) * 60_000_000)
    }

    /// A results file of `benchmarks` (name, variant), each with `runs` runs of `iterations`
    /// samples around `level` nanoseconds; `seed` varies the samples (and so the digest).
    public static func results(benchmarks: [(String, String)] = [("attention", "baseline"), ("attention", "flash")],
                        runs: Int = 2, iterations: Int = 5, level: Double = 1_000_000, seed: Int = 0,
                        suite: String = "suite", unit: TimeUnit = .nanoseconds,
                        environment: EnvironmentInfo = zen4) -> ResultsFile {
        var generator = SplitMix64(state: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1)
        let list = benchmarks.map { name, variant in
            Benchmark(name: name, variant: variant, parameters: ["seqLen": 512],
                      runs: (0..<runs).map { _ in
                          BenchmarkRun(samples: (0..<iterations).map { _ in level * (1 + generator.nextUnit() * 0.1) })
                      })
        }
        return ResultsFile(suite: suite, unit: unit, createdAt: nil, environment: environment, benchmarks: list)
    }

    /// A recording of `results` at `commit` and `minutes`, on `branch`.
    public static func recording(_ results: ResultsFile, commit: Int, minutes: Int, branch: String = "main",
                          source: String = "fixture.json") throws(HistoryError) -> HistoryRecording {
        try HistoryRecording(results: results, source: source, commit: Self.commit(commit), time: time(minutes: minutes), branch: branch)
    }

    /// A file that holds every field a results file can: environment identification, created
    /// time, verified outputs, parameters of each type, memory, warm-up, start times, batch means,
    /// and awkward doubles.
    public static let everyField = ResultsFile(
        suite: "flash \"attention\"", unit: .microseconds, createdAt: "2026-11-26T15:00:00.123456+01:00",
        environment: EnvironmentInfo(host: "höst ☃", os: "Debian", kernel: "6.1", cpu: "AMD EPYC 7B13",
                                     cpuVendor: "AuthenticAMD", cpuFamily: 25, cpuModel: 1, cpuStepping: 0,
                                     cpuFeatures: [], cores: 2, toolchain: "Swift 6.3.1", build: "release; kernels avx2",
                                     gitCommit: commit(77), command: "qe-validate --claim 2.49x-7.47x\t# \\ \u{1}"),
        outputsVerified: true,
        benchmarks: [
            Benchmark(name: "test-similarity", variant: "baseline",
                      parameters: ["seqLen": 512, "scale": 0.036084391824351615, "causal": false, "dtype": "float32", "huge": 1e300],
                      runs: [
                          BenchmarkRun(samples: [13367000, 1.2345678901234567e-05, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 9007199254740994],
                                       warmup: [14001000, 0.5], startedAt: "2026-11-26T15:00:01Z"),
                          BenchmarkRun(samples: [3.0]),
                      ],
                      memory: MemoryFigures(workingSetBytes: 1048576, peakAllocatedBytes: nil)),
            Benchmark(name: "test-similarity", variant: "flash", runs: [BenchmarkRun(samples: [3300000.5, 2])],
                      memory: MemoryFigures(workingSetBytes: 0, peakAllocatedBytes: 4096), sampleKind: .batchMean),
        ])
}
