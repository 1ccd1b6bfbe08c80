import Foundation
import QEStatistics

/// How often the exponent interval of `ScalingFit` covers the true exponent, by simulation, for
/// `scripts/simulation/scaling_coverage.sh`. Not a test: it simulates and prints a Markdown
/// table; it asserts nothing. Build in release.
///
///     qe-scaling-simulation [EXPERIMENTS] [REPLICATES] [SEED]
///
/// Each experiment draws costs a + b·nᵏ at the sizes of its scenario, every run's level with
/// lognormal noise (a run's level is its mean log time, so run effects and iteration noise
/// together make it lognormal around the truth), fits them with a 95% run-bootstrap interval,
/// and counts whether the interval holds k (and, for n log n, whether that class is among the
/// compatible ones), and how often the class named is the true one (none for n^1.5).
@main
struct ScalingSimulationMain {
    struct Scenario {
        var name: String
        var sizes: [Double]
        var runs: Int
        var noise: Double
        /// The true exponent, or nil for n log n.
        var exponent: Double?
        /// The fixed cost, as a multiple of the growing part's cost at the middle size.
        var interceptShare: Double
    }

    static let powersOfTwo: [Double] = (7...13).map { pow(2, Double($0)) }

    static let scenarios: [Scenario] = [
        Scenario(name: "n^2, 7 sizes 128-8192, 5 runs, 3% noise", sizes: powersOfTwo, runs: 5, noise: 0.03, exponent: 2, interceptShare: 1),
        Scenario(name: "n^2, 7 sizes, 5 runs, 10% noise", sizes: powersOfTwo, runs: 5, noise: 0.10, exponent: 2, interceptShare: 1),
        Scenario(name: "n^2, 7 sizes, 3 runs, 5% noise", sizes: powersOfTwo, runs: 3, noise: 0.05, exponent: 2, interceptShare: 1),
        Scenario(name: "n^2, 7 sizes, 10 runs, 5% noise", sizes: powersOfTwo, runs: 10, noise: 0.05, exponent: 2, interceptShare: 1),
        Scenario(name: "n, 7 sizes, 5 runs, 5% noise, start-up 10x", sizes: powersOfTwo, runs: 5, noise: 0.05, exponent: 1, interceptShare: 10),
        Scenario(name: "n^3, 7 sizes, 5 runs, 5% noise", sizes: powersOfTwo, runs: 5, noise: 0.05, exponent: 3, interceptShare: 1),
        Scenario(name: "n^1.5, 4 sizes 1000-8000, 5 runs, 5% noise", sizes: [1000, 2000, 4000, 8000], runs: 5, noise: 0.05, exponent: 1.5, interceptShare: 0.5),
        Scenario(name: "n^2, 4 sizes 512-4096, 5 runs, 20% noise", sizes: [512, 1024, 2048, 4096], runs: 5, noise: 0.20, exponent: 2, interceptShare: 1),
        Scenario(name: "n^2 without start-up, 7 sizes, 5 runs, 5% noise", sizes: powersOfTwo, runs: 5, noise: 0.05, exponent: 2, interceptShare: 0),
        Scenario(name: "n log n, 6 sizes 1e2-1e7, 5 runs, 5% noise", sizes: (2...7).map { pow(10, Double($0)) }, runs: 5, noise: 0.05, exponent: nil, interceptShare: 1),
    ]

    static func main() {
        let arguments = CommandLine.arguments.dropFirst().compactMap { UInt64($0) }
        let experiments = Int(arguments.first ?? 1000)
        let replicates = Int(arguments.dropFirst().first ?? 1000)
        let seed = arguments.dropFirst(2).first ?? 2026
        print("| scenario | experiments | covered | coverage | median width of k's interval | class named correctly |")
        print("|---|---|---|---|---|---|")
        for (index, scenario) in scenarios.enumerated() {
            var random = RandomSource(seed: seed &+ UInt64(index))
            var covered = 0
            var named = 0
            var widths: [Double] = []
            let middle = scenario.sizes[scenario.sizes.count / 2]
            func cost(_ size: Double) -> Double {
                if let exponent = scenario.exponent { return pow(size / middle, exponent) }
                return size * log(size) / (middle * log(middle))
            }
            for _ in 0..<experiments {
                let points = scenario.sizes.map { size in
                    ScalingPoint(size: size, values: (0..<scenario.runs).map { _ in
                        (scenario.interceptShare + cost(size)) * exp(scenario.noise * random.nextGaussian())
                    })
                }
                guard let fit = try? ScalingFit(points: points, replicates: replicates, seed: UInt64(random.nextBits())),
                    let low = fit.exponent.low, let high = fit.exponent.high
                else { continue }
                widths.append(high - low)
                if let exponent = scenario.exponent {
                    if low <= exponent && exponent <= high { covered += 1 }
                    // Between the classes (n^1.5) the right answer is none.
                    let expected: ComplexityClass? = [1: .linear, 2: .quadratic, 3: .cubic][exponent]
                    if fit.complexityClass == expected { named += 1 }
                } else {
                    if fit.compatibleClasses.contains(.linearithmic) { covered += 1 }
                    if fit.complexityClass == .linearithmic { named += 1 }
                }
            }
            widths.sort()
            let width = widths.isEmpty ? Double.nan : widths[widths.count / 2]
            let classColumn = String(format: "%.1f%%", 100 * Double(named) / Double(experiments))
            print(String(
                format: "| %@ | %d | %d | %.1f%% | %.3f | %@ |", scenario.name, experiments, covered,
                100 * Double(covered) / Double(experiments), width, classColumn))
        }
    }
}
