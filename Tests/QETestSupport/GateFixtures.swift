import Foundation
import QEResults

/// Results files for the gate's tests: benchmarks with lognormal per-iteration noise and
/// random run-to-run shifts, each side drawn from its own seed, with known true time ratios.
public enum GateFixtures {
    public static let machine = EnvironmentInfo(
        host: "runner-1", os: "Debian GNU/Linux 12 (bookworm)", cpu: "AMD EPYC 7B13", cores: 2,
        toolchain: "Swift 6.3", build: "release")

    /// A file with `names` × `variants`, each `runs` runs of `iterations` times around 1 ms ×
    /// the benchmark's factor (`factors[name]`, 1 by default).
    public static func file(
        names: [String] = ["alpha", "beta"], variants: [String] = ["baseline", "flash"],
        factors: [String: Double] = [:], runs: Int = 5, iterations: Int = 30,
        withinSigma: Double = 0.03, betweenSigma: Double = 0.01, seed: UInt64,
        environment: EnvironmentInfo = GateFixtures.machine
    ) -> ResultsFile {
        var generator = Generator(seed: seed)
        var benchmarks: [Benchmark] = []
        for name in names {
            for variant in variants {
                let scale = 1_000_000 * (factors[name] ?? 1) * (variant == "flash" ? 0.25 : 1)
                let runList = (0..<runs).map { _ in
                    let shift = betweenSigma * generator.normal()
                    return BenchmarkRun(samples: (0..<iterations).map { _ in
                        (scale * exp(shift + withinSigma * generator.normal())).rounded()
                    })
                }
                benchmarks.append(Benchmark(name: name, variant: variant, runs: runList))
            }
        }
        return ResultsFile(suite: "synthetic", unit: .nanoseconds, environment: environment, benchmarks: benchmarks)
    }

    /// xorshift64 with Box–Muller: deterministic on every machine.
    public struct Generator {
        public var state: UInt64
        public init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }
        public mutating func uniform() -> Double {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return (Double(state >> 11) + 0.5) / Double(UInt64(1) << 53)
        }
        public mutating func normal() -> Double {
            (-2 * log(uniform())).squareRoot() * cos(2 * .pi * uniform())
        }
    }
}
