import Foundation
import QEResults

/// Results files with known run-to-run structure: a planted slow run, drift within runs, a slow
/// start, or none of these.
enum VarianceSynthetic {
    /// The shape of one benchmark's runs.
    struct Shape {
        var runs = 5
        var iterations = 30
        var median = 70_000_000.0
        /// Lognormal within-run noise (log scale).
        var sigma = 0.02
        /// Multiplies run k's times; defaults to small, harmless differences.
        var runFactors: [Double]? = nil
        /// Times grow by this fraction from the first to the last iteration of every run.
        var drift = 0.0
        /// The first `slowStart.count` timed iterations of every run are this much slower.
        var slowStart: (count: Int, factor: Double)? = nil
        /// Warm-up iterations per run, as multiples of the run's level.
        var warmup: [Double] = [1.5, 1.0, 1.0]
        var seed: UInt64 = 11
    }

    static let harmlessFactors = [1.0, 1.003, 0.998, 1.001, 0.997, 1.002, 0.999, 1.004]

    static func runs(_ shape: Shape) -> [BenchmarkRun] {
        (0..<shape.runs).map { run in
            let factor = shape.runFactors?[run] ?? harmlessFactors[run % harmlessFactors.count]
            let level = shape.median * factor
            var samples = SyntheticResults.times(
                count: shape.iterations, median: level, sigma: shape.sigma, seed: shape.seed &* 1000 &+ UInt64(run))
            for index in samples.indices {
                var multiplier = 1 + shape.drift * Double(index) / Double(max(1, shape.iterations - 1))
                if let slowStart = shape.slowStart, index < slowStart.count { multiplier *= slowStart.factor }
                samples[index] = (samples[index] * multiplier).rounded()
            }
            return BenchmarkRun(samples: samples, warmup: shape.warmup.map { ($0 * level).rounded() })
        }
    }

    /// A file of benchmarks (name, variant, shape), in the order given.
    static func file(_ benchmarks: [(name: String, variant: String, shape: Shape)], suite: String = "synthetic") -> ResultsFile {
        ResultsFile(
            suite: suite, unit: .nanoseconds,
            benchmarks: benchmarks.map { Benchmark(name: $0.name, variant: $0.variant, runs: runs($0.shape)) })
    }

    /// The study's situation: every workload in two variants, run 3 of code-embedding/baseline
    /// 40% slower, pattern-adaptation/flash drifting 15% over each run, the rest clean.
    static func study(seed: UInt64 = 3) -> ResultsFile {
        var benchmarks: [(name: String, variant: String, shape: Shape)] = []
        for (index, (name, median)) in [("test-similarity", 13_400_000.0), ("code-embedding", 71_000_000.0), ("pattern-adaptation", 280_000.0)].enumerated() {
            for (variantIndex, variant) in ["baseline", "flash"].enumerated() {
                var shape = Shape(median: variant == "baseline" ? median : median / 4, seed: seed &+ UInt64(index * 10 + variantIndex))
                if name == "code-embedding" && variant == "baseline" { shape.runFactors = [1, 1.003, 1.4, 0.998, 1.001] }
                if name == "pattern-adaptation" && variant == "flash" { shape.drift = 0.15 }
                benchmarks.append((name, variant, shape))
            }
        }
        return file(benchmarks, suite: "flash-attention")
    }
}
