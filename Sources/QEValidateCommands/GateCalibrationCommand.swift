import ArgumentParser
import Foundation
import QEPresentation
import QEResults
import QEStatistics
import QEValidation

/// `qe-validate gate-calibration` (hidden): simulates the gate's false-failure and detection
/// rates on data with known truth, beside the fixed-threshold rules it replaces.
public struct GateCalibrationCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "gate-calibration",
        abstract: "Simulate the gate's false-failure rate (A/A) and its detection of a true slowdown.",
        discussion: """
            Each simulation draws a baseline and a results side of --runs runs × --iterations \
            iterations with lognormal per-iteration noise and lognormal run-to-run shifts (by \
            default sd 5% and 3% of log times; see the README's calibration), once with \
            no change (A/A) and once with the first benchmark slowed by --slowdown, and applies: \
            the gate at its defaults, the gate with --on-inconclusive fail, a fixed threshold on \
            the ratio of means, and the study's ratio of p95s. Seeded: the same settings give the \
            same table everywhere.

            Examples:
              qe-validate gate-calibration
              qe-validate gate-calibration --benchmarks 10 --compare-bootstrap
              qe-validate gate-calibration --noise-from baselines/flash-attention.json
            """,
        shouldDisplay: false
    )

    /// The noise of the README's table: standard deviations of log times of 5% within runs and
    /// 3% between runs — above this machine's typical 2% and 2% (robust estimates over the
    /// eight runs in examples/gate-aa), below its spread while other builds run.
    public static let defaultWithinRunSigma = 0.05
    public static let defaultBetweenRunSigma = 0.03

    @Option(help: "Runs per side.") var runs = 5
    @Option(help: "Iterations per run.") var iterations = 30
    @Option(help: "Benchmarks gated together (one-sided Bonferroni over them); the first is slowed.") var benchmarks = 1
    @Option(help: "Simulations.") var simulations = 2000
    @Option(help: "The true slowdown to detect, e.g. 20%.") var slowdown = "20%"
    @Option(help: "Threshold of the gate and of the fixed rules.") var maxRegression = "5%"
    @Option(help: "Within-run standard deviation of log times.") var withinRunSigma = GateCalibrationCommand.defaultWithinRunSigma
    @Option(help: "Run-to-run standard deviation of log times.") var betweenRunSigma = GateCalibrationCommand.defaultBetweenRunSigma
    @Option(help: "Shift shared by all runs of one side (session drift), standard deviation of log times.") var sessionSigma = 0.0
    @Option(help: "Take the noise from a results file instead: the median over its benchmarks.") var noiseFrom: String?
    @Option(help: "Also simulate --baseline history with this many commits of --runs runs each.") var historyCommits: Int?
    @Flag(help: "Also simulate --method hierarchical-bootstrap (slower).") var compareBootstrap = false
    @Flag(help: "Also simulate the other --run-statistic choices.") var compareStatistics = false
    @Option(help: "Bootstrap replicates for --compare-bootstrap.") var replicates = 2000
    @Option(help: "Seed.") var seed: UInt64 = 20_240_605
    @Option(help: "Output format: text, markdown or json.") var format: OutputFormat = .markdown

    public init() {}

    public func validate() throws {
        try OptionRange("--runs", from: 2, to: 1000).check(runs)
        try OptionRange("--iterations", from: 2, to: 100_000).check(iterations)
        try OptionRange("--benchmarks", from: 1, to: 1000).check(benchmarks)
        try OptionRange("--simulations", from: 1, to: 1_000_000).check(simulations)
        try OptionRange.replicates.check(replicates)
        if let historyCommits { try OptionRange.historyCommits.check(historyCommits) }
        for (option, sigma) in [("--within-run-sigma", withinRunSigma), ("--between-run-sigma", betweenRunSigma), ("--session-sigma", sessionSigma)] {
            try OptionRange(option, from: 0, to: 1).check(sigma)
        }
        do {
            _ = try GateThresholds.parsePercent(slowdown)
            _ = try GateThresholds.parsePercent(maxRegression)
        } catch {
            throw ValidationError(error.description)
        }
    }

    public func run() throws {
        do {
            var noise = BenchmarkNoise(withinRunSigma: withinRunSigma, betweenRunSigma: betweenRunSigma, sessionSigma: sessionSigma)
            var source = "given"
            if let noiseFrom {
                guard let typical = BenchmarkNoise.typical(in: try BaselineFile.read(from: noiseFrom).results, sessionSigma: sessionSigma) else {
                    throw ValidationError("\(noiseFrom): no benchmark has 2 or more runs of 2 or more iterations to estimate the noise from")
                }
                noise = typical.noise
                source = "median over the \(typical.benchmarks) benchmarks of \(noiseFrom)"
            }
            var calibration = GateCalibration(noise: noise)
            calibration.runs = runs
            calibration.iterations = iterations
            calibration.benchmarks = benchmarks
            calibration.simulations = simulations
            calibration.slowdown = 1 + (try GateThresholds.parsePercent(slowdown))
            calibration.threshold = try GateThresholds.parsePercent(maxRegression)
            calibration.includeBootstrap = compareBootstrap
            calibration.includeOtherStatistics = compareStatistics
            calibration.historyCommits = historyCommits
            calibration.bootstrapReplicates = replicates
            calibration.seed = seed
            let report: GateCalibration.Report
            do {
                report = try calibration.run()
            } catch {
                throw ValidationError(error.description)
            }
            print(try render(GateCalibrationTable(report: report, noiseSource: source), as: format == .json ? .json : .markdown), terminator: "")
        } catch let error as ValidationError {
            throw CommandFailure.report(error.message, .usage)
        } catch {
            throw CommandFailure.exitCode(for: error)
        }
    }
}
