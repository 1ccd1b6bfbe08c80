import Foundation
import QEStatistics

/// The time-ratio interval (candidate ÷ baseline time; above 1: slower) the gate judges, by
/// one of the ``GateMethod``s. The gate and its calibration both go through here, so the
/// simulated error rates are those of the shipped code.
public struct GateInterval: Sendable, Equatable {
    public var estimate: Double
    public var low: Double
    public var high: Double
    /// The method used.
    public var method: IntervalMethod
    /// The confidence reached (below the one asked for only for tiny samples, Hodges–Lehmann).
    public var achievedConfidence: Double
    /// For unpaired runs: Welch–Satterthwaite degrees of freedom.
    public var degreesOfFreedom: Double?
    /// Every run has the same statistic: the interval is a single point.
    public var degenerate: Bool
    /// For unpaired runs: each run's statistic (its fastest iteration, say), baseline then results.
    public var baselineRunValues: [Double]?
    public var candidateRunValues: [Double]?

    /// The interval for `baselineRuns` against `candidateRuns` (times in one unit, run by run).
    /// - Parameters:
    ///   - method: `auto` resolves by ``GateMethod/resolved(baselineRuns:candidateRuns:)``.
    ///   - confidence: two-sided confidence of this one interval.
    ///   - statistic: what stands for a run in the unpaired-runs interval.
    ///   - seed, replicates: for the hierarchical bootstrap.
    /// - Throws: `StatisticsError` when a side cannot be used (empty runs, non-positive times, a
    ///   run-based method with fewer than 2 runs).
    public init(
        baselineRuns: [[Double]], candidateRuns: [[Double]], method: GateMethod, confidence: Double,
        statistic: RunStatistic = GateOptions.defaultRunStatistic, seed: UInt64 = Bootstrap.defaultSeed, replicates: Int = Bootstrap.defaultReplicates
    ) throws(StatisticsError) {
        switch method.resolved(baselineRuns: baselineRuns.count, candidateRuns: candidateRuns.count) {
        case .unpairedRuns, .auto:
            self.method = .unpairedRuns
            let speedup = try UnpairedRunsSpeedup(
                baselineRuns: baselineRuns, candidateRuns: candidateRuns, statistic: statistic, confidence: confidence)
            (estimate, low, high) = speedup.timeRatio
            achievedConfidence = confidence
            degreesOfFreedom = speedup.degreesOfFreedom
            degenerate = speedup.degenerate
            var baselineValues: [Double] = []
            for run in baselineRuns { baselineValues.append(try statistic.value(run, "a baseline run")) }
            var candidateValues: [Double] = []
            for run in candidateRuns { candidateValues.append(try statistic.value(run, "a candidate run")) }
            baselineRunValues = baselineValues
            candidateRunValues = candidateValues
        case .hierarchicalBootstrap:
            self.method = .hierarchicalBootstrap
            let bootstrap = Bootstrap(statistic: .mean, replicates: replicates, confidence: confidence, seed: seed)
            let interval = try bootstrap.hierarchicalRatioInterval(baselineRuns: baselineRuns, candidateRuns: candidateRuns)
            // The bootstrap's ratio is baseline ÷ candidate (a speedup); the gate wants its reciprocal.
            (estimate, low, high) = (1 / interval.estimate, 1 / interval.high, 1 / interval.low)
            achievedConfidence = confidence
            degreesOfFreedom = nil
            degenerate = false
            baselineRunValues = nil
            candidateRunValues = nil
        case .hodgesLehmann:
            self.method = .hodgesLehmann
            let speedup = try SpeedupEstimate.hodgesLehmann(
                baseline: baselineRuns.flatMap { $0 }, candidate: candidateRuns.flatMap { $0 }, confidence: confidence)
            (estimate, low, high) = speedup.timeRatio
            achievedConfidence = speedup.achievedConfidence
            degreesOfFreedom = nil
            degenerate = false
            baselineRunValues = nil
            candidateRunValues = nil
        }
    }

    /// The verdict of this interval against `threshold` (0.05 for 5%).
    public func verdict(threshold: Double) -> GateVerdict {
        GateVerdict(timeRatioLow: low, high: high, threshold: threshold)
    }
}
