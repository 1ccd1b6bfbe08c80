import Foundation
import QEReports
import QEResults
import QEValidation

/// Reports made in the tests from results with known speedups.
enum ReportFixture {
    /// A results file with one benchmark per entry of `speedups` (variants baseline and flash,
    /// paired runs, deterministic lognormal-ish noise, memory figures).
    static func results(_ speedups: [(String, Double)], runs: Int = 4, iterations: Int = 15, seed: UInt64 = 11) -> ResultsFile {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        func uniform() -> Double {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return (Double(state >> 11) + 0.5) / Double(1 << 53)
        }
        var benchmarks: [Benchmark] = []
        for (name, speedup) in speedups {
            for variant in ["baseline", "flash"] {
                let median = variant == "baseline" ? 2_000_000.0 : 2_000_000.0 / speedup
                let runList = (0..<runs).map { run in
                    BenchmarkRun(
                        samples: (0..<iterations).map { _ in
                            let z = (-2 * log(uniform())).squareRoot() * cos(2 * .pi * uniform())
                            return (median * (1 + 0.02 * Double(run)) * exp(0.04 * z)).rounded()
                        },
                        warmup: [median * 1.2])
                }
                benchmarks.append(Benchmark(
                    name: name, variant: variant, parameters: ["seqLen": 128, "dim": 64], runs: runList,
                    memory: MemoryFigures(workingSetBytes: variant == "baseline" ? 400_000 : 300_000, peakAllocatedBytes: nil)))
            }
        }
        return ResultsFile(
            suite: "synthetic", unit: .nanoseconds, createdAt: "2026-11-26T15:00:00Z",
            environment: EnvironmentInfo(host: "test-host", cpu: "Test CPU", cores: 2, toolchain: "Swift 6.3.1", build: "release"),
            outputsVerified: true, benchmarks: benchmarks)
    }

    static let defaultSpeedups: [(String, Double)] = [("fast", 3.2), ("slow", 1.8), ("close", 2.52)]

    /// The request of a report judging `claim` for every workload.
    static func request(claim: ClaimedRange = ClaimedRange(low: 2.49, high: 7.47), key: ReportSigningKey? = nil, name: String = "r") -> ReportRequest {
        ReportRequest(
            name: name, command: "qe-validate report results.json --claim 2.49x-7.47x --date 2026-11-27T09:00:00Z",
            claims: ClaimSet(global: claim), options: ClaimOptions(),
            signedOffBy: "Ada <ada@example.org>", date: "2026-11-27T09:00:00Z",
            signingKey: key?.publicKey.pemRepresentation)
    }

    /// A built report of `results`.
    static func report(
        _ results: ResultsFile = results(defaultSpeedups), claim: ClaimedRange = ClaimedRange(low: 2.49, high: 7.47),
        key: ReportSigningKey? = nil
    ) throws -> Report {
        try ReportBuilder.build(
            request: request(claim: claim, key: key),
            rawData: [EmbeddedResults(path: "results.json", content: String(decoding: results.jsonBytes(), as: UTF8.self))])
    }
}
