import Foundation
import QEStatistics

/// A simulation of the gate's error rates on data with known truth (the calibration):
/// how often an A/A comparison (no change at all) fails, and how often a true slowdown is
/// caught, for the gate at its default settings and for the rules it replaces.
///
/// Each simulation draws a baseline and a results side per benchmark from ``BenchmarkNoise``
/// (5 runs × 30 iterations by default), once with no change and once with the first benchmark
/// slowed by ``slowdown``, and applies every rule to both. The gate's rows go through
/// ``GateInterval`` and ``GateVerdict`` — the shipped code, with Bonferroni over the
/// ``benchmarks`` — so the rates are those of `qe-validate gate`.
///
/// Reproducible: simulation i draws from a GSL `mt19937` seeded from (`seed`, i), so the same
/// settings give the same table on every machine and with any number of threads.
public struct GateCalibration: Sendable {
    public var noise: BenchmarkNoise
    public var runs = 5
    public var iterations = 30
    /// Benchmarks gated together (the first one is slowed in the slowdown scenario).
    public var benchmarks = 1
    public var simulations = 2000
    /// The true time ratio of the slowed benchmark: 1.2 for a 20% slowdown.
    public var slowdown = 1.2
    /// The gate's threshold and the naive rules' fixed limit: 0.05 for 5%.
    public var threshold = GateThresholds.defaultMaxRegression
    /// The gate's family confidence.
    public var confidence = 0.95
    public var seed: UInt64 = 20_240_605
    /// Also simulate the gate with `--method hierarchical-bootstrap` (slow: B bootstrap
    /// replicates per benchmark per simulation).
    public var includeBootstrap = false
    public var bootstrapReplicates = 2000
    /// Also simulate the gate with the other run statistics (`--run-statistic median` and
    /// `geometric-mean`).
    public var includeOtherStatistics = false
    /// Also simulate the gate against history (`--baseline history --history-commits N`): the
    /// baseline is N commits of ``runs`` runs each, every commit with its own shift of
    /// ``BenchmarkNoise/sessionSigma`` (commits are measured on different days, as the results
    /// side is); nil leaves the rule out.
    public var historyCommits: Int?

    public init(noise: BenchmarkNoise) {
        self.noise = noise
    }

    /// A proportion with its 95% Wilson score interval.
    public struct Rate: Sendable, Equatable, Codable {
        public var count: Int
        public var total: Int
        public var fraction: Double { total == 0 ? 0 : Double(count) / Double(total) }
        /// Wilson score interval (Wilson 1927; R: `prop.test(correct = FALSE)$conf.int`).
        public var low: Double { wilson(-1) }
        public var high: Double { wilson(1) }

        private func wilson(_ sign: Double) -> Double {
            guard total > 0 else { return 0 }
            let z = 1.959963984540054
            let n = Double(total)
            let p = fraction
            let centre = p + z * z / (2 * n)
            let spread = z * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()
            return min(1, max(0, (centre + sign * spread) / (1 + z * z / n)))
        }
    }

    /// A decision rule compared in the simulation.
    public enum Rule: String, Sendable, CaseIterable, Codable {
        /// `qe-validate gate` at its defaults: fails on a regression verdict.
        case gate
        /// The same intervals with `--on-inconclusive fail`: fails unless every benchmark passes.
        case gateStrict = "gate-on-inconclusive-fail"
        /// `qe-validate gate --method hierarchical-bootstrap`.
        case gateBootstrap = "gate-hierarchical-bootstrap"
        /// `qe-validate gate --run-statistic median`.
        case gateMedian = "gate-run-median"
        /// `qe-validate gate --run-statistic geometric-mean`.
        case gateGeometricMean = "gate-run-geometric-mean"
        /// `qe-validate gate --baseline history` at its defaults: the baseline is
        /// ``GateCalibration/historyCommits`` commits at the current level.
        case gateHistory = "gate-history-baseline"
        /// Fails when mean(results) ÷ mean(baseline) > 1 + threshold.
        case meanRatio = "fixed-threshold-mean-ratio"
        /// The study's rule: fails when p95(results) ÷ p95(baseline) > 1 + threshold.
        case p95Ratio = "study-p95-ratio"

        public var title: String {
            switch self {
            case .gate: return "qe-validate gate (defaults)"
            case .gateStrict: return "qe-validate gate --on-inconclusive fail"
            case .gateBootstrap: return "qe-validate gate --method hierarchical-bootstrap"
            case .gateMedian: return "qe-validate gate --run-statistic median"
            case .gateGeometricMean: return "qe-validate gate --run-statistic geometric-mean"
            case .gateHistory: return "qe-validate gate --baseline history"
            case .meanRatio: return "fixed 5% threshold on the ratio of means"
            case .p95Ratio: return "the study's rule: ratio of p95s over 5%"
            }
        }
    }

    /// One rule's rates.
    public struct Row: Sendable, Equatable, Codable {
        public var rule: Rule
        /// A/A simulations in which the rule failed the build.
        public var falseFailures: Rate
        /// Slowdown simulations in which the rule flagged the slowed benchmark.
        public var detections: Rate
        /// For interval rules: how often the slowed benchmark's interval held the true ratio
        /// (over both scenarios), at the per-benchmark confidence.
        public var coverage: Rate?
        /// For the gate: A/A simulations with at least one inconclusive benchmark.
        public var inconclusive: Rate?
    }

    public struct Report: Sendable, Equatable, Codable {
        public var noise: BenchmarkNoise
        public var runs: Int
        public var iterations: Int
        public var benchmarks: Int
        public var simulations: Int
        public var slowdown: Double
        public var threshold: Double
        public var confidence: Double
        public var intervalConfidence: Double
        public var seed: UInt64
        public var rows: [Row]
    }

    /// What one simulation found, per rule: (failed A/A, flagged the slowdown, covered truth
    /// A/A, covered truth slowed, inconclusive A/A).
    private struct Outcome: Sendable {
        var failedAA: [Rule: Bool] = [:]
        var detected: [Rule: Bool] = [:]
        var covered: [Rule: Int] = [:]
        var inconclusiveAA = false
    }

    var rules: [Rule] {
        Rule.allCases.filter { rule in
            switch rule {
            case .gateBootstrap: return includeBootstrap
            case .gateMedian, .gateGeometricMean: return includeOtherStatistics
            case .gateHistory: return historyCommits != nil
            case .gate, .gateStrict, .meanRatio, .p95Ratio: return true
            }
        }
    }

    private static func isGate(_ rule: Rule) -> Bool {
        switch rule {
        case .gate, .gateStrict, .gateBootstrap, .gateMedian, .gateGeometricMean, .gateHistory: return true
        case .meanRatio, .p95Ratio: return false
        }
    }

    /// Runs the simulations.
    /// - Throws: `StatisticsError` if a parameter makes an interval impossible (fewer than 2
    ///   runs for the run-based method, for example).
    public func run() throws(StatisticsError) -> Report {
        guard runs >= 2, iterations >= 2, benchmarks >= 1, simulations >= 1, slowdown > 0, (historyCommits ?? 1) >= 1 else {
            throw .invalidParameter("a calibration needs at least 2 runs of 2 iterations, 1 benchmark, 1 simulation and a positive slowdown")
        }
        let intervalConfidence = GateOptions(confidence: confidence).intervalConfidence(count: benchmarks)
        let outcomes = Array(0..<simulations).concurrentMap { index in
            Result { () throws(StatisticsError) in try simulate(index: index, intervalConfidence: intervalConfidence) }
        }
        var rows: [Row] = []
        for rule in rules {
            var failures = 0, detections = 0, covered = 0, inconclusive = 0
            for outcome in outcomes {
                let value = try outcome.get()
                if value.failedAA[rule] == true { failures += 1 }
                if value.detected[rule] == true { detections += 1 }
                covered += value.covered[rule] ?? 0
                if value.inconclusiveAA { inconclusive += 1 }
            }
            let isInterval = Self.isGate(rule) && rule != .gateStrict
            rows.append(Row(
                rule: rule,
                falseFailures: Rate(count: failures, total: simulations),
                detections: Rate(count: detections, total: simulations),
                coverage: isInterval ? Rate(count: covered, total: 2 * simulations) : nil,
                inconclusive: rule == .gate ? Rate(count: inconclusive, total: simulations) : nil))
        }
        return Report(
            noise: noise, runs: runs, iterations: iterations, benchmarks: benchmarks, simulations: simulations,
            slowdown: slowdown, threshold: threshold, confidence: confidence, intervalConfidence: intervalConfidence,
            seed: seed, rows: rows)
    }

    private func simulate(index: Int, intervalConfidence: Double) throws(StatisticsError) -> Outcome {
        var random = RandomSource(seed: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        // The history baseline draws from its own stream, so the other rules' rows are the same
        // with or without it.
        var historyRandom = RandomSource(seed: (seed ^ 0x4849_5354_4F52_5900) &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        var outcome = Outcome()
        for rule in rules {
            outcome.failedAA[rule] = false
            outcome.detected[rule] = false
        }
        for scenario in 0..<2 {
            let slowed = scenario == 1
            for benchmark in 0..<benchmarks {
                let ratio = slowed && benchmark == 0 ? slowdown : 1
                let baseline = side(ratio: 1, random: &random)
                let candidate = side(ratio: ratio, random: &random)
                let history = historyCommits.map { commits in (0..<commits).flatMap { _ in side(ratio: 1, random: &historyRandom) } }
                for rule in rules {
                    let (flagged, covered, inconclusive) = try apply(
                        rule, baseline: rule == .gateHistory ? history ?? baseline : baseline, candidate: candidate,
                        trueRatio: ratio, intervalConfidence: intervalConfidence)
                    if !slowed {
                        if flagged { outcome.failedAA[rule] = true }
                        if rule == .gate && inconclusive { outcome.inconclusiveAA = true }
                    } else if benchmark == 0 && flagged {
                        outcome.detected[rule] = true
                    }
                    if benchmark == 0 && covered { outcome.covered[rule, default: 0] += 1 }
                }
            }
        }
        return outcome
    }

    /// (flagged, interval covered the truth, inconclusive) for one benchmark.
    private func apply(
        _ rule: Rule, baseline: [[Double]], candidate: [[Double]], trueRatio: Double, intervalConfidence: Double
    ) throws(StatisticsError) -> (Bool, Bool, Bool) {
        switch rule {
        case .gate, .gateStrict, .gateBootstrap, .gateMedian, .gateGeometricMean, .gateHistory:
            let statistic: RunStatistic = rule == .gateMedian ? .median : (rule == .gateGeometricMean ? .geometricMean : GateOptions.defaultRunStatistic)
            let interval = try GateInterval(
                baselineRuns: baseline, candidateRuns: candidate,
                method: rule == .gateBootstrap ? .hierarchicalBootstrap : .auto,
                confidence: intervalConfidence, statistic: statistic, seed: seed, replicates: bootstrapReplicates)
            let verdict = interval.verdict(threshold: threshold)
            let covered = interval.low <= trueRatio && trueRatio <= interval.high
            let flagged = rule == .gateStrict ? (verdict == .regression || verdict == .inconclusive) : verdict == .regression
            return (flagged, covered, verdict == .inconclusive)
        case .meanRatio:
            let ratio = mean(candidate) / mean(baseline)
            return (ratio > 1 + threshold, false, false)
        case .p95Ratio:
            let ratio = try Summary(candidate.flatMap { $0 }).quantile(0.95) / Summary(baseline.flatMap { $0 }).quantile(0.95)
            return (ratio > 1 + threshold, false, false)
        }
    }

    private func mean(_ runs: [[Double]]) -> Double {
        var sum = 0.0
        var count = 0
        for run in runs {
            for value in run { sum += value }
            count += run.count
        }
        return sum / Double(count)
    }

    /// One side: `runs` runs of `iterations` times around 1 ms × `ratio`.
    private func side(ratio: Double, random: inout RandomSource) -> [[Double]] {
        let session = noise.sessionSigma * Self.normal(&random)
        let scale = 1_000_000 * ratio
        return (0..<runs).map { _ in
            let shift = session + noise.betweenRunSigma * Self.normal(&random)
            return (0..<iterations).map { _ in scale * Foundation.exp(shift + noise.withinRunSigma * Self.normal(&random)) }
        }
    }

    /// A standard normal deviate (Box–Muller; one of the pair is used).
    private static func normal(_ random: inout RandomSource) -> Double {
        let u1 = 1 - random.nextUniform()
        let u2 = random.nextUniform()
        return (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
    }
}
