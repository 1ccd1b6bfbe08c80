import Foundation
import QEStatistics

/// In-process timings of the statistics, for `scripts/bench/run-benchmarks.sh`. Not a test:
/// it measures, it asserts nothing. Build in release.
///
///     qe-validate-bench hodges-lehmann N [REPEATS]
///     qe-validate-bench bootstrap RUNS ITERATIONS REPLICATES [REPEATS]
///
/// Prints one line per measurement: `name key=value ... median_seconds=S min_seconds=S`.
@main
struct BenchmarkMain {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let kind = arguments.first else { usage() }
        let numbers = arguments.dropFirst().compactMap { Int($0) }
        switch (kind, numbers.count) {
        case ("hodges-lehmann", 1...2):
            hodgesLehmann(n: numbers[0], repeats: numbers.count > 1 ? numbers[1] : 5)
        case ("bootstrap", 3...4):
            bootstrap(runs: numbers[0], iterations: numbers[1], replicates: numbers[2], repeats: numbers.count > 3 ? numbers[3] : 3)
        default:
            usage()
        }
    }

    static func usage() -> Never {
        FileHandle.standardError.write(Data("""
            usage: qe-validate-bench hodges-lehmann N [REPEATS]
                   qe-validate-bench bootstrap RUNS ITERATIONS REPLICATES [REPEATS]

            """.utf8))
        exit(64)
    }

    /// Lognormal times around `median` (σ = 0.1 on the log scale), from a seeded generator.
    static func times(_ count: Int, median: Double, seed: UInt64) -> [Double] {
        var random = RandomSource(seed: seed)
        return (0..<count).map { _ in
            let u1 = random.nextUniform() + 1e-300
            let u2 = random.nextUniform()
            let z = (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
            return median * exp(0.1 * z)
        }
    }

    static func time(repeats: Int, _ body: () throws -> Void) rethrows -> (median: Double, min: Double) {
        var seconds: [Double] = []
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        seconds.sort()
        return (seconds[seconds.count / 2], seconds[0])
    }

    static func hodgesLehmann(n: Int, repeats: Int) {
        let baseline = times(n, median: 13.4e6, seed: 1)
        let candidate = times(n, median: 3.8e6, seed: 2)
        var result: SpeedupEstimate?
        let timing = time(repeats: repeats) {
            result = try? SpeedupEstimate.hodgesLehmann(baseline: baseline, candidate: candidate)
        }
        let estimate = result.map { "\($0.estimate)" } ?? "failed"
        print("hodges-lehmann n=\(n) m=\(n) speedup=\(estimate) median_seconds=\(timing.median) min_seconds=\(timing.min)")
    }

    static func bootstrap(runs: Int, iterations: Int, replicates: Int, repeats: Int) {
        let baseline = (0..<runs).map { times(iterations, median: 13.4e6 * (1 + 0.02 * Double($0)), seed: UInt64(100 + $0)) }
        let candidate = (0..<runs).map { times(iterations, median: 3.8e6 * (1 + 0.02 * Double($0)), seed: UInt64(200 + $0)) }
        let bootstrap = Bootstrap(statistic: .mean, replicates: replicates)
        var result: BootstrapInterval?
        let timing = time(repeats: repeats) {
            result = try? bootstrap.hierarchicalRatioInterval(baselineRuns: baseline, candidateRuns: candidate)
        }
        let interval = result.map { "[\($0.low), \($0.high)]" } ?? "failed"
        print("hierarchical-bootstrap runs=\(runs) iterations=\(iterations) replicates=\(replicates) interval=\(interval) median_seconds=\(timing.median) min_seconds=\(timing.min)")
    }
}
