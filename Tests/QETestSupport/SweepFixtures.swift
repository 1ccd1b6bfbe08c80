import Foundation
import QEResults

/// Results files of sweeps for the sweep judge's tests: baseline times a + c·n² per point,
/// the candidate's the baseline's divided by a chosen speedup, both variants of a run sharing
/// the run's shift (paired runs, as the harness records them), lognormal noise per iteration.
public enum SweepFixtures {
    /// A sweep over seqLen (and dim, one slice per value), with `speedups[dim][i]` the true
    /// speedup at the i-th seqLen.
    public static func file(
        seqLens: [Double] = [256, 512, 1024, 2048, 4096], speedups: [Double: [Double]], runs: Int = 5,
        iterations: Int = 10, noise: Double = 0.01, seed: UInt64 = 1
    ) -> ResultsFile {
        var generator = GateFixtures.Generator(seed: seed)
        var benchmarks: [Benchmark] = []
        for dim in speedups.keys.sorted() {
            for (index, seqLen) in seqLens.enumerated() {
                let parameters: [String: ParameterValue] = ["seqLen": .number(seqLen), "dim": .number(dim)]
                let name = "custom[seqLen=\(Int(seqLen)),dim=\(Int(dim))]"
                let baselineTime = 2e5 + 0.05 * dim * seqLen * seqLen
                let speedup = speedups[dim]?[index] ?? 1
                var baselineRuns: [BenchmarkRun] = []
                var flashRuns: [BenchmarkRun] = []
                for _ in 0..<runs {
                    let shift = 0.02 * generator.normal()
                    baselineRuns.append(BenchmarkRun(samples: (0..<iterations).map { _ in
                        baselineTime * exp(shift + noise * generator.normal())
                    }))
                    flashRuns.append(BenchmarkRun(samples: (0..<iterations).map { _ in
                        baselineTime / speedup * exp(shift + noise * generator.normal())
                    }))
                }
                let n = Int(seqLen)
                let d = Int(dim)
                benchmarks.append(Benchmark(
                    name: name, variant: "baseline", parameters: parameters, runs: baselineRuns,
                    memory: MemoryFigures(workingSetBytes: 16 * n * d + 4 * n * n + 104_448, peakAllocatedBytes: 16 * n * d + 4 * n * n + 110_000)))
                benchmarks.append(Benchmark(
                    name: name, variant: "flash", parameters: parameters, runs: flashRuns,
                    memory: MemoryFigures(workingSetBytes: 16 * n * d + 153_984, peakAllocatedBytes: 16 * n * d + 160_000)))
            }
        }
        return ResultsFile(
            suite: "flash-attention", unit: .nanoseconds, environment: GateFixtures.machine, outputsVerified: true,
            benchmarks: benchmarks)
    }
}
