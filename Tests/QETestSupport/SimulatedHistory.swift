import Foundation

/// Reproducible benchmark histories with known change points for the change-point tests: the
/// noise model of `scripts/changepoints/simulate.py` (lognormal iterations, run and commit
/// effects, slow runs, outlying commits) on a self-contained SplitMix64 generator, so that a seed
/// gives the same history everywhere.
public struct SimulatedHistory {
    /// What noise to add; log-scale standard deviations and probabilities.
    public struct Noise: Sendable {
        public var within = 0.05
        public var betweenRuns = 0.03
        public var betweenCommits = 0.015
        /// Probability that a run is slowed 1.1–1.4×.
        public var slowRun = 0.0
        /// Probability that a commit (all its runs) is 1.15–1.5× slower or faster.
        public var outlyingCommit = 0.0

        public init(within: Double = 0.05, betweenRuns: Double = 0.03, betweenCommits: Double = 0.015,
                    slowRun: Double = 0, outlyingCommit: Double = 0) {
            self.within = within
            self.betweenRuns = betweenRuns
            self.betweenCommits = betweenCommits
            self.slowRun = slowRun
            self.outlyingCommit = outlyingCommit
        }
    }

    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A uniform double in [0, 1).
    public mutating func uniform() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }

    /// A standard normal deviate (Box–Muller).
    public mutating func normal() -> Double {
        let radius = (-2 * log(1 - uniform())).squareRoot()
        return radius * cos(2 * Double.pi * uniform())
    }

    /// `commits` commits of `runs` runs of `iterations` times around 1 ms; `changes` maps the index
    /// of a change's first commit to its ratio (after ÷ before); `outliers` forces outlying
    /// commits (index → factor) besides the random ones.
    public mutating func commits(
        _ commits: Int, runs: Int = 5, iterations: Int = 10, noise: Noise = Noise(),
        changes: [Int: Double] = [:], outliers: [Int: Double] = [:]
    ) -> [[[Double]]] {
        var level = log(1e6)
        return (0..<commits).map { index in
            if let ratio = changes[index] { level += log(ratio) }
            var commit = noise.betweenCommits * normal()
            if uniform() < noise.outlyingCommit {
                commit += log(1.15 + 0.35 * uniform()) * (uniform() < 0.5 ? 1 : -1)
            }
            if let factor = outliers[index] { commit += log(factor) }
            return (0..<runs).map { _ in
                var run = noise.betweenRuns * normal()
                if uniform() < noise.slowRun { run += log(1.1 + 0.3 * uniform()) }
                return (0..<iterations).map { _ in exp(level + commit + run + noise.within * normal()) }
            }
        }
    }
}
