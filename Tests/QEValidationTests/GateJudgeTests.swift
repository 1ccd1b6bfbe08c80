import Foundation
import QEResults
import QETestSupport
import Testing

@testable import QEValidation

@Suite("The gate's judgement")
struct GateJudgeTests {
    func judge(
        baseline: ResultsFile, results: ResultsFile, options: GateOptions = GateOptions()
    ) throws -> GateDocument {
        try GateJudge(options: options).judge(
            baseline: .init(path: "baseline.json", results: baseline), results: .init(path: "results.json", results: results))
    }

    @Test(arguments: [
        (1.00, 1.10, GateVerdict.inconclusive), (1.06, 1.20, .regression), (0.90, 1.05, .pass), (0.98, 1.02, .pass),
        (0.80, 0.94, .improvement), (0.80, 0.95, .pass), (1.05, 1.06, .inconclusive), (1.0500001, 1.2, .regression),
    ])
    func verdictsFollowDesign(low: Double, high: Double, expected: GateVerdict) {
        #expect(GateVerdict(timeRatioLow: low, high: high, threshold: 0.05) == expected)
    }

    @Test func aaDataPasses() throws {
        let document = try judge(baseline: GateFixtures.file(seed: 1), results: GateFixtures.file(seed: 2))
        #expect(document.verdict == .passed)
        #expect(document.exitStatus == .success)
        #expect(document.count(.regression) == 0)
        #expect(document.benchmarks.count == 4)
        for benchmark in document.benchmarks {
            #expect(benchmark.speedup.method == .unpairedRuns)
            #expect(benchmark.timeRatio.low < 1 && benchmark.timeRatio.high > 1, "\(benchmark.label): \(benchmark.timeRatio)")
        }
    }

    @Test func aTwentyPercentSlowdownFails() throws {
        let document = try judge(
            baseline: GateFixtures.file(seed: 1), results: GateFixtures.file(factors: ["beta": 1.2], seed: 2))
        #expect(document.verdict == .regression)
        #expect(document.exitStatus == .refutedOrRegression)
        let regressions = document.benchmarks.filter { $0.verdict == .regression }.map(\.label)
        #expect(regressions == ["beta (baseline)", "beta (flash)"])
        #expect(document.benchmarks.filter { $0.name == "alpha" }.allSatisfy { $0.verdict != .regression })
        #expect(document.reason.contains("beta (baseline)"))
        let beta = try #require(document.benchmarks.first { $0.label == "beta (flash)" })
        #expect(beta.timeRatio.low > 1.05 && beta.timeRatio.low < 1.2 && beta.timeRatio.high > 1.2)
    }

    @Test func aTwoPercentChangeUnderAFivePercentThresholdPasses() throws {
        let document = try judge(
            baseline: GateFixtures.file(runs: 10, seed: 3), results: GateFixtures.file(factors: ["alpha": 1.02, "beta": 1.02], runs: 10, seed: 4))
        #expect(document.verdict == .passed)
        for benchmark in document.benchmarks {
            #expect(benchmark.verdict == .pass, "\(benchmark.label): \(benchmark.timeRatio)")
            #expect(benchmark.timeRatio.estimate > 1.005 && benchmark.timeRatio.estimate < 1.035)
        }
        #expect(document.warnings.isEmpty, "\(document.warnings)")
    }

    @Test func inconclusiveFollowsThePolicy() throws {
        // Runs that differ by ±10% and a slowdown of exactly the threshold: the interval is
        // centred on 1.05 and reaches across it.
        func file(_ factor: Double) -> ResultsFile {
            let runs = [1.0, 1.1, 0.9, 1.05, 0.95].map { shift in
                BenchmarkRun(samples: [0.99, 1.0, 1.01].map { 1_000_000 * factor * shift * $0 })
            }
            return ResultsFile(suite: "s", unit: .nanoseconds, environment: GateFixtures.machine,
                               benchmarks: [Benchmark(name: "alpha", variant: "baseline", runs: runs)])
        }
        let baseline = file(1)
        let results = file(1.05)
        let passing = try judge(baseline: baseline, results: results)
        #expect(passing.benchmarks.allSatisfy { $0.verdict == .inconclusive }, "\(passing.benchmarks.map(\.timeRatio)) \(passing.benchmarks.map(\.degreesOfFreedom))")
        #expect(passing.verdict == .passed)
        #expect(passing.exitStatus == .success)
        #expect(passing.warnings.contains { $0.contains("inconclusive, passed under --on-inconclusive pass") })

        let failing = try judge(baseline: baseline, results: results, options: GateOptions(onInconclusive: .fail))
        #expect(failing.verdict == .inconclusive)
        #expect(failing.exitStatus == .inconclusive)
        #expect(failing.reason.contains("cannot decide"))
    }

    @Test func improvementsAreReported() throws {
        let document = try judge(
            baseline: GateFixtures.file(seed: 7), results: GateFixtures.file(factors: ["alpha": 0.7], seed: 8))
        #expect(document.verdict == .passed)
        #expect(document.benchmarks.filter { $0.verdict == .improvement }.map(\.label) == ["alpha (baseline)", "alpha (flash)"])
        #expect(document.reason.contains("improved"))
    }

    @Test func perNameThresholds() throws {
        let options = GateOptions(thresholds: GateThresholds(default: 0.05, perName: ["beta": 0.30]))
        let document = try judge(
            baseline: GateFixtures.file(seed: 1), results: GateFixtures.file(factors: ["beta": 1.2], seed: 2), options: options)
        #expect(document.verdict == .passed)
        #expect(document.benchmarks.filter { $0.name == "beta" }.allSatisfy { $0.threshold == 0.30 && $0.verdict == .pass })
        #expect(throws: GateError.self) {
            try judge(baseline: GateFixtures.file(seed: 1), results: GateFixtures.file(seed: 2),
                      options: GateOptions(thresholds: GateThresholds(perName: ["gamma": 0.1])))
        }
    }

    @Test func intervalsAreSimultaneous() throws {
        let document = try judge(baseline: GateFixtures.file(seed: 1), results: GateFixtures.file(seed: 2))
        // One-sided Bonferroni: each end a 1 − α/k bound, so the two-sided level is 1 − 2α/k.
        #expect(isClose(document.intervalConfidence, 1 - 2 * 0.05 / 4, relative: 1e-12))
        #expect(isClose(GateOptions().intervalConfidence(count: 1), 0.9, relative: 1e-12))
        #expect(document.benchmarks.allSatisfy { $0.speedup.confidence == document.intervalConfidence })
        #expect(document.benchmarks.allSatisfy { $0.mannWhitney.pHolm != nil })
    }

    @Test func benchmarksOnOneSideAreListed() throws {
        let baseline = GateFixtures.file(names: ["alpha", "beta"], seed: 1)
        let results = GateFixtures.file(names: ["alpha", "gamma"], seed: 2)
        let document = try judge(baseline: baseline, results: results)
        #expect(document.benchmarks.map(\.name) == ["alpha", "alpha"])
        #expect(document.onlyInBaseline == ["beta (baseline)", "beta (flash)"])
        #expect(document.onlyInResults == ["gamma (baseline)", "gamma (flash)"])
        #expect(document.warnings.contains { $0.contains("not gated") && $0.contains("beta (flash)") })
        #expect(throws: GateError.self) {
            try judge(baseline: GateFixtures.file(names: ["alpha"], seed: 1), results: GateFixtures.file(names: ["beta"], seed: 2))
        }
    }

    @Test func aForeignMachineIsRefusedSayingWhatDiffers() throws {
        var other = GateFixtures.machine
        other.cpu = "Intel Xeon Platinum 8375C"
        other.cores = 4
        other.host = "elsewhere"
        let results = GateFixtures.file(seed: 2, environment: other)
        do {
            _ = try judge(baseline: GateFixtures.file(seed: 1), results: results)
            Issue.record("a baseline from another machine was accepted")
        } catch let error as GateError {
            #expect(!error.isUsage)
            #expect(error.description.contains("CPU model 'AMD EPYC 7B13' (baseline) vs 'Intel Xeon Platinum 8375C' (results)"))
            #expect(error.description.contains("core count '2' (baseline) vs '4' (results)"))
            #expect(!error.description.contains("host"), "host names may differ")
            #expect(error.description.contains("--allow-foreign-machine"))
        }
        let allowed = try judge(baseline: GateFixtures.file(seed: 1), results: results, options: GateOptions(allowForeignMachine: true))
        #expect(allowed.verdict == .passed)
        #expect(allowed.machine.foreignAllowed)
        #expect(allowed.warnings.contains { $0.contains("different machine") && $0.contains("--allow-foreign-machine") })
    }

    @Test func unrecordedMachinesAreSaidToBeUnchecked() throws {
        let bare = GateFixtures.file(seed: 2, environment: EnvironmentInfo())
        let document = try judge(baseline: GateFixtures.file(seed: 1), results: bare)
        #expect(document.warnings.contains { $0.contains("cannot check") && $0.contains("CPU model") })
    }

    @Test func fewRunsFallBackToHodgesLehmannWithAWarning() throws {
        let document = try judge(baseline: GateFixtures.file(runs: 1, seed: 1), results: GateFixtures.file(runs: 2, seed: 2))
        #expect(document.benchmarks.allSatisfy { $0.speedup.method == .hodgesLehmann })
        #expect(document.benchmarks.allSatisfy { $0.warnings.contains { $0.contains("cannot see run-to-run variation") } })
    }

    @Test func theDefaultRunStatisticIsTheFastestIteration() throws {
        let baseline = GateFixtures.file(names: ["alpha"], variants: ["baseline"], seed: 1)
        let results = GateFixtures.file(names: ["alpha"], variants: ["baseline"], seed: 2)
        let document = try judge(baseline: baseline, results: results)
        #expect(document.runStatistic == .minimum)
        let benchmark = try #require(document.benchmarks.first)
        #expect(benchmark.baselineRunValues == baseline.benchmarks[0].runs.map { $0.samples.min() ?? 0 })
        #expect(benchmark.candidateRunValues == results.benchmarks[0].runs.map { $0.samples.min() ?? 0 })
        let median = try judge(baseline: baseline, results: results, options: GateOptions(runStatistic: .median))
        #expect(median.runStatistic == .median)
        #expect(median.benchmarks[0].timeRatio != benchmark.timeRatio)
    }

    @Test func runsOfDifferentLengthsAreWarnedAboutWithTheMinimum() throws {
        let baseline = GateFixtures.file(names: ["alpha"], variants: ["baseline"], iterations: 30, seed: 1)
        let results = GateFixtures.file(names: ["alpha"], variants: ["baseline"], iterations: 100, seed: 2)
        let document = try judge(baseline: baseline, results: results)
        #expect(document.benchmarks[0].warnings.contains { $0.contains("different numbers of iterations") })
        let median = try judge(baseline: baseline, results: results, options: GateOptions(runStatistic: .median))
        #expect(median.benchmarks[0].warnings.isEmpty)
    }

    @Test func theBootstrapCanBeAskedFor() throws {
        let document = try judge(
            baseline: GateFixtures.file(names: ["alpha"], seed: 1), results: GateFixtures.file(names: ["alpha"], seed: 2),
            options: GateOptions(method: .hierarchicalBootstrap, bootstrapReplicates: 500))
        #expect(document.benchmarks.allSatisfy { $0.speedup.method == .hierarchicalBootstrap && $0.speedup.replicates == 500 })
    }

    @Test func unitsAreConverted() throws {
        let baseline = GateFixtures.file(seed: 1)
        var results = GateFixtures.file(seed: 2)
        results.unit = .microseconds
        for index in results.benchmarks.indices {
            for run in results.benchmarks[index].runs.indices {
                results.benchmarks[index].runs[run].samples = results.benchmarks[index].runs[run].samples.map { $0 / 1000 }
            }
        }
        let document = try judge(baseline: baseline, results: results)
        #expect(document.unit == .nanoseconds)
        #expect(document.benchmarks.allSatisfy { abs($0.timeRatio.estimate - 1) < 0.05 })
    }

    @Test(arguments: [("5%", 0.05), ("2.5%", 0.025), ("5", 0.05), (" 10 % ", 0.10), ("0%", 0.0), ("0", 0.0)])
    func thresholdsParse(text: String, value: Double) throws {
        #expect(isClose(try GateThresholds.parsePercent(text), value, relative: 1e-12))
    }

    @Test(arguments: ["0.05", "five", "-1%", "5%%", "", "nan%", "1e9"])
    func badThresholdsAreRefused(text: String) {
        #expect(throws: GateThresholds.ParseError.self) { try GateThresholds.parsePercent(text) }
    }

    @Test func namedThresholdsParse() throws {
        let named = try GateThresholds.parseNamed("code-embedding=10%")
        #expect(named.name == "code-embedding")
        #expect(isClose(named.threshold, 0.1, relative: 1e-12))
        #expect(throws: GateThresholds.ParseError.self) { try GateThresholds.parseNamed("10%") }
        #expect(throws: GateThresholds.ParseError.self) { try GateThresholds.parseNamed("=10%") }
    }
}
