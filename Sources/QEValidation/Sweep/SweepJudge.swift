import Foundation
import QEResults
import QEStatistics

/// Judges a sweep (DESIGN §4 at every point, then across points): per point the speedup
/// interval by the claim's machinery (``Comparator``; with `auto`, paired runs when run k of
/// both variants came from one process and there are 3 or more runs) and the claim's verdict;
/// per slice of the other parameters the crossover along the swept parameter (``Crossover``);
/// and per variant, numeric parameter, slice and metric the growth (``ScalingFit``).
///
/// Error rates: the point intervals are at 1 − α/s for s slices (Bonferroni), and within a slice
/// the crossover is a fixed-sequence test from the largest value down, so every crossover of
/// the document holds together at 1 − α. Each scaling interval is at 1 − α on its own.
public struct SweepJudge: Sendable {
    public var options: SweepOptions

    public init(options: SweepOptions) {
        self.options = options
    }

    /// Judges `file` (read from `path`, for messages).
    /// - Throws: `SweepError`.
    public func judge(file: ResultsFile, path: String) throws(SweepError) -> SweepDocument {
        let grid = try SweepGrid(file: file)
        guard grid.points.count >= 2 else { throw .notASweep("\(path) has \(grid.points.count) point; a sweep needs two or more") }
        var warnings: [String] = []
        // One variant (a single command timed at each point): it is the one described.
        let choice = grid.variants.count == 1
            ? nil : VariantChoice(variants: grid.variants, baseline: options.baselineVariant, candidate: options.candidateVariant)
        let baseline = choice?.baseline ?? grid.variants[0]
        guard grid.variants.contains(baseline) else {
            throw .unknownName("no variant '\(baseline)' in \(path) (\(VariantChoice.advice(variants: grid.variants)))")
        }
        let candidate = choice?.candidate
        if let candidate, !grid.variants.contains(candidate) || candidate == baseline {
            throw .unknownName("no variant '\(candidate)' other than the baseline in \(path) (\(VariantChoice.advice(variants: grid.variants)))")
        }
        if let note = choice?.note { warnings.append(note) }
        let along = try alongParameter(grid: grid)
        let slices = Self.slices(of: grid.points, leaving: along)
        let alpha = 1 - options.confidence
        let comparable = candidate == nil ? 0 : slices.count
        let intervalConfidence = 1 - alpha / Double(max(comparable, 1))
        var points: [SweepPointResult] = []
        for point in grid.points {
            points.append(try judge(point: point, baseline: baseline, candidate: candidate, unit: file.unit, confidence: intervalConfidence))
        }
        var crossovers: [SliceCrossover] = []
        if let along, candidate != nil {
            for slice in slices {
                let measured = slice.members.compactMap { index -> (value: Double, speedup: SpeedupInterval, holds: Bool)? in
                    guard let value = points[index].parameters[along]?.numberValue, let speedup = points[index].speedup else { return nil }
                    return (value, speedup, points[index].criterionHolds ?? false)
                }
                crossovers.append(SliceCrossover(at: slice.at, crossover: Crossover.find(parameter: along, at: slice.at, points: measured)))
            }
        }
        var crossover: Crossover?
        if !crossovers.isEmpty, crossovers.allSatisfy({ $0.crossover != nil }) {
            crossover = crossovers.compactMap(\.crossover).max { $0.value < $1.value }
        }
        let scaling = scalingEntries(grid: grid, unit: file.unit, warnings: &warnings)
        if file.outputsVerified != true, candidate != nil {
            warnings.append("the outputs of the variants were never checked to agree in \(path): the verdicts assume they compute the same thing")
        }
        if file.environment.build?.hasPrefix("debug") == true {
            warnings.append("\(path) was measured with a debug build: its timings say little about optimised code")
        }
        return SweepDocument(
            parameters: grid.axes, along: along, baselineVariant: baseline, candidateVariant: candidate,
            claim: options.claim, criterion: options.claim == nil ? .faster : .claimHolds,
            confidence: options.confidence, intervalConfidence: intervalConfidence, method: options.method,
            seed: options.seed, replicates: options.bootstrapReplicates, unit: file.unit, points: points, scaling: scaling, crossover: crossover,
            crossovers: crossovers, warnings: warnings)
    }

    /// The swept parameter: the one asked for, or the numeric parameter with the most values.
    private func alongParameter(grid: SweepGrid) throws(SweepError) -> String? {
        if let along = options.along {
            guard let axis = grid.axes.first(where: { $0.name == along }) else {
                throw .unknownName("no parameter '\(along)' in the sweep (parameters: \(grid.axes.map(\.name).joined(separator: ", ")))")
            }
            guard axis.isNumeric else { throw .unknownName("parameter '\(along)' is not numeric, so it has no crossover") }
            return along
        }
        let numeric = grid.axes.filter { $0.isNumeric && $0.values.count >= 2 }
        return numeric.max { $0.values.count < $1.values.count || ($0.values.count == $1.values.count && $0.name > $1.name) }?.name
    }

    /// The points grouped by the values of every parameter but `parameter` (all other
    /// parameters when it is nil), slices in the order of their first point.
    static func slices(of points: [SweepGrid.Point], leaving parameter: String?) -> [(at: [String: ParameterValue], members: [Int])] {
        var slices: [(at: [String: ParameterValue], members: [Int])] = []
        for (index, point) in points.enumerated() {
            var at = point.parameters
            if let parameter { at[parameter] = nil }
            if let existing = slices.firstIndex(where: { $0.at == at }) {
                slices[existing].members.append(index)
            } else {
                slices.append((at, [index]))
            }
        }
        return slices
    }

    private func judge(
        point: SweepGrid.Point, baseline: String, candidate: String?, unit: TimeUnit, confidence: Double
    ) throws(SweepError) -> SweepPointResult {
        let runs = point.benchmarks.mapValues(\.runs.count)
        let name = (point.benchmarks[baseline] ?? point.benchmarks.values.first)?.name ?? ""
        guard let candidate, let base = point.benchmarks[baseline], let cand = point.benchmarks[candidate] else {
            var warnings: [String] = []
            if candidate != nil {
                warnings.append("not compared: the point lacks the '\(point.benchmarks[baseline] == nil ? baseline : candidate ?? "")' variant")
            }
            return SweepPointResult(
                name: name, parameters: point.parameters, speedup: nil, verdict: nil, direction: nil, criterionHolds: nil,
                runs: runs, warnings: warnings)
        }
        let paired = base.runs.count == cand.runs.count
        let method = options.method.resolved(paired: paired, baselineRuns: base.runs.count, candidateRuns: cand.runs.count)
        let comparator = Comparator(options: ComparisonOptions(
            confidence: confidence, method: method, seed: options.seed, bootstrapReplicates: options.bootstrapReplicates))
        let comparison: BenchmarkComparison
        do {
            comparison = try comparator.compare(
                name: name, unit: unit,
                baseline: ComparisonSide(variant: baseline, file: "", runs: base.runs.map(\.samples)),
                candidate: ComparisonSide(variant: candidate, file: "", runs: cand.runs.map(\.samples)),
                paired: paired)
        } catch {
            throw .comparisonFailed("\(SweepGrid.describe(point.parameters)): \(error)")
        }
        let interval = comparison.speedup
        // An interval that cannot reach the confidence asked (too few samples) decides nothing.
        let reachesConfidence = interval.achievedConfidence >= interval.confidence - 1e-12
        var verdict: ClaimVerdict?
        let holds: Bool
        if let claim = options.claim {
            let judged = reachesConfidence ? claim.verdict(low: interval.low, high: interval.high) : .inconclusive
            verdict = judged
            holds = judged == .holds || judged == .exceeds
        } else {
            holds = reachesConfidence && interval.low > 1
        }
        return SweepPointResult(
            name: name, parameters: point.parameters,
            speedup: SpeedupInterval(estimate: interval.estimate, low: interval.low, high: interval.high, method: interval.method),
            verdict: verdict, direction: comparison.verdict, criterionHolds: holds, runs: runs, warnings: comparison.warnings)
    }

    /// Every fit: per variant, numeric parameter with three or more values, slice of the other
    /// parameters, and metric.
    private func scalingEntries(grid: SweepGrid, unit: TimeUnit, warnings: inout [String]) -> [ScalingEntry] {
        var entries: [ScalingEntry] = []
        for axis in grid.axes where axis.isNumeric && axis.values.count >= 3 {
            for slice in Self.slices(of: grid.points, leaving: axis.name) {
                for variant in grid.variants {
                    let members = slice.members.compactMap { index -> (Double, Benchmark)? in
                        guard let size = grid.points[index].parameters[axis.name]?.numberValue,
                            let benchmark = grid.points[index].benchmarks[variant]
                        else { return nil }
                        return (size, benchmark)
                    }
                    for metric in ScalingEntry.Metric.allCases {
                        let points = Self.scalingPoints(members, metric: metric)
                        guard points.count == members.count, Set(points.map(\.size)).count >= 3 else { continue }
                        do {
                            let fit = try ScalingFit(
                                points: points, confidence: options.confidence, replicates: options.scalingReplicates, seed: options.seed)
                            entries.append(ScalingEntry(
                                variant: variant, parameter: axis.name, at: slice.at, metric: metric,
                                unit: metric == .time ? unit.rawValue : "bytes",
                                exponent: fit.exponent, logLogSlope: fit.logLogSlope, intercept: fit.curve.intercept,
                                coefficient: fit.curve.coefficient, complexityClass: fit.complexityClass,
                                compatibleClasses: fit.compatibleClasses, method: fit.method, confidence: fit.confidence,
                                replicates: fit.replicates, seed: fit.seed, sizes: points.map(\.size), values: points.map(\.values),
                                exponentAtBound: fit.curve.exponentAtBound))
                        } catch {
                            warnings.append("\(variant), \(metric.rawValue) against \(axis.name)\(slice.at.isEmpty ? "" : " at \(SweepGrid.describe(slice.at))"): no fit (\(error))")
                        }
                    }
                }
            }
        }
        return entries
    }

    /// The values a metric fits at each size: each run's level exp(mean log time) for time, the
    /// figure for memory (none when a figure is missing or zero).
    static func scalingPoints(_ members: [(Double, Benchmark)], metric: ScalingEntry.Metric) -> [ScalingPoint] {
        members.compactMap { size, benchmark in
            switch metric {
            case .time:
                let levels = benchmark.runs.compactMap { run -> Double? in
                    guard let level = try? RunLogLevel.meanLog.value(run.samples) else { return nil }
                    return Foundation.exp(level)
                }
                return levels.count == benchmark.runs.count ? ScalingPoint(size: size, values: levels) : nil
            case .workingSetBytes:
                guard let bytes = benchmark.memory?.workingSetBytes, bytes > 0 else { return nil }
                return ScalingPoint(size: size, values: [Double(bytes)])
            case .peakAllocatedBytes:
                guard let bytes = benchmark.memory?.peakAllocatedBytes, bytes > 0 else { return nil }
                return ScalingPoint(size: size, values: [Double(bytes)])
            }
        }
    }
}
