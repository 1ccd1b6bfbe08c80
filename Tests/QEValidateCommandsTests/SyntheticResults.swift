import Foundation
import QEResults

/// Results files made in the test, with known speedups and run-to-run shifts.
enum SyntheticResults {
    /// Deterministic lognormal-ish times: `median × exp(σ·z)` with z from a seeded generator.
    static func times(count: Int, median: Double, sigma: Double, seed: UInt64) -> [Double] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        func uniform() -> Double {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return (Double(state >> 11) + 0.5) / Double(1 << 53)
        }
        return (0..<count).map { _ in
            let z = (-2 * log(uniform())).squareRoot() * cos(2 * .pi * uniform())
            return (median * exp(sigma * z)).rounded()
        }
    }

    /// A file with one benchmark per entry of `speedups`, variants baseline and flash,
    /// `runs` runs of `iterations` each; run k of both variants shares a factor 1 + 0.01·k.
    static func file(
        speedups: [String: Double], runs: Int, iterations: Int, suite: String = "synthetic", seed: UInt64 = 7
    ) -> ResultsFile {
        var benchmarks: [Benchmark] = []
        for (index, name) in speedups.keys.sorted().enumerated() {
            let speedup = speedups[name] ?? 1
            for (variantIndex, variant) in ["baseline", "flash"].enumerated() {
                let median = variant == "baseline" ? 1_000_000.0 : 1_000_000.0 / speedup
                let runList = (0..<runs).map { run in
                    let factor = 1 + 0.01 * Double(run)
                    let samples = times(
                        count: iterations, median: median * factor, sigma: 0.05,
                        seed: seed &+ UInt64(index * 1000 + variantIndex * 100 + run))
                    return BenchmarkRun(samples: samples)
                }
                benchmarks.append(Benchmark(name: name, variant: variant, runs: runList))
            }
        }
        return ResultsFile(suite: suite, unit: .nanoseconds, benchmarks: benchmarks)
    }

    /// `file` with run k of every benchmark slowed by a further factor 1 + `step`·k, shared by
    /// both variants of the run (as machine-state shifts are).
    static func shiftingRuns(_ file: ResultsFile, step: Double) -> ResultsFile {
        var shifted = file
        for index in shifted.benchmarks.indices {
            shifted.benchmarks[index].runs = shifted.benchmarks[index].runs.enumerated().map { run, data in
                BenchmarkRun(samples: data.samples.map { $0 * (1 + step * Double(run)) })
            }
        }
        return shifted
    }
}
