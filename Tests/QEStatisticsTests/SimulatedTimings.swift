import Foundation
import QEStatistics

/// Reproducible simulated samples for the bootstrap tests (seeded GSL mt19937, Box–Muller).
struct SimulatedTimings: ~Copyable {
    private var random: RandomSource

    init(seed: UInt64) { random = RandomSource(seed: seed) }

    /// A standard normal deviate.
    mutating func normal() -> Double {
        // 1 − U is in (0, 1], so the logarithm is finite.
        let radius = (-2 * log(1 - random.nextUniform())).squareRoot()
        return radius * cos(2 * Double.pi * random.nextUniform())
    }

    /// A uniformly distributed integer in `0..<bound`.
    mutating func index(below bound: Int) -> Int { random.nextIndex(below: bound) }

    /// `count` values from N(mean, sd²).
    mutating func normal(count: Int, mean: Double, sd: Double) -> [Double] {
        (0..<count).map { _ in mean + sd * normal() }
    }

    /// `runs` runs of `iterations` values: each run's mean is N(mean, between²), its
    /// iterations N(run mean, within²).
    mutating func runs(_ runs: Int, iterations: Int, mean: Double, between: Double, within: Double) -> [[Double]] {
        (0..<runs).map { _ in
            let runMean = mean + between * normal()
            return normal(count: iterations, mean: runMean, sd: within)
        }
    }
}
