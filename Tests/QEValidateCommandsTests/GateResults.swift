import Foundation
import QEResults

/// Baselines and results for the gate's command tests: benchmarks `alpha` and `beta`, variants
/// `baseline` and `flash`, 5 runs × 30 iterations with small lognormal noise and run shifts,
/// each file drawn from its own seed, with known true time ratios.
enum GateResults {
    static let machine = EnvironmentInfo(
        host: "runner-1", os: "Debian GNU/Linux 12 (bookworm)", cpu: "AMD EPYC 7B13", cores: 2,
        toolchain: "Swift 6.3", build: "release", gitCommit: "1111111111111111111111111111111111111111")

    static func file(
        factors: [String: Double] = [:], runs: Int = 5, betweenSigma: Double = 0.01, seed: UInt64,
        environment: EnvironmentInfo = GateResults.machine, names: [String] = ["alpha", "beta"]
    ) -> ResultsFile {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        func uniform() -> Double {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return (Double(state >> 11) + 0.5) / Double(UInt64(1) << 53)
        }
        func normal() -> Double { (-2 * log(uniform())).squareRoot() * cos(2 * .pi * uniform()) }
        var benchmarks: [Benchmark] = []
        for name in names {
            for variant in ["baseline", "flash"] {
                let scale = 1_000_000 * (factors[name] ?? 1) * (variant == "flash" ? 0.25 : 1)
                let runList = (0..<runs).map { _ in
                    let shift = betweenSigma * normal()
                    return BenchmarkRun(samples: (0..<30).map { _ in (scale * exp(shift + 0.03 * normal())).rounded() })
                }
                benchmarks.append(Benchmark(name: name, variant: variant, runs: runList))
            }
        }
        return ResultsFile(
            suite: "synthetic", unit: .nanoseconds, createdAt: "2026-11-26T15:00:00Z", environment: environment,
            benchmarks: benchmarks)
    }
}
