import Foundation
import QEStatistics
import QETestSupport
import Testing

/// noisy-neighbours.json (scripts/reference/noisy_neighbours.py): the classical and robust
/// figures of examples/noisy-neighbours/quiet.json and busy.json, computed by hand, with the
/// files' samples, so that this test needs neither the example files nor Python.
struct NoisyNeighboursReference: Decodable, Sendable {
    struct Plan: Decodable, Sendable {
        let costRatio: Double
        let optimalIterationsPerRun: Int?
        let iterationsPerRun: Int
        let runsNeeded: Int
        let withinRunCV: Double
        let typicalTime: Double
    }

    struct Benchmark: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let variant: String
        let runs: [[Double]]
        let count: Int
        let of: Int
        let worst: RobustVarianceReference.Flagged?
        let outlyingPerRun: [[Int]]
        let warmupPerRun: Double
        let classical: Plan
        let robust: Plan
        var testDescription: String { "\(name)/\(variant)" }
    }

    struct Interval: Decodable, Sendable {
        let estimate: Double
        let low: Double
        let high: Double
    }

    struct Workload: Decodable, Sendable {
        let name: String
        let speedup: [String: Interval]
    }

    struct File: Decodable, Sendable {
        let file: String
        let benchmarks: [Benchmark]
        let workloads: [Workload]
    }

    struct Levels: Decodable, Sendable {
        let quiet: Double
        let busy: Double
        let f: Double
        let p: Double
    }

    struct BetweenFiles: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let variant: String
        let classical: Levels
        let robust: Levels
        var testDescription: String { "\(name)/\(variant)" }
    }

    let targetWidth: Double
    let files: [File]
    let betweenFiles: [BetweenFiles]

    static let fixture: NoisyNeighboursReference = ReferenceFixture.load("noisy-neighbours.json")
}

@Suite("Robust figures of the quiet/busy example files (examples/noisy-neighbours)")
struct NoisyNeighboursTests {
    static let benchmarks = NoisyNeighboursReference.fixture.files.flatMap(\.benchmarks)

    @Test("outlying iterations and planning match the hand computation", arguments: benchmarks)
    func figuresMatch(_ reference: NoisyNeighboursReference.Benchmark) throws {
        let outlying = try OutlyingIterations(runs: reference.runs)
        #expect(outlying.count == reference.count)
        #expect(outlying.iterationCount == reference.of)
        #expect(outlying.runs.map(\.outlying) == reference.outlyingPerRun)
        #expect(outlying.worst?.time == reference.worst?.time)
        expectClose(outlying.worst?.ratioToMedian, reference.worst?.ratioToMedian, relative: 1e-13, "worst ratio")

        let classical = try VarianceComponents(runs: reference.runs)
        let robust = try RobustVarianceComponents(runs: reference.runs)
        let classicalTypical = exp(classical.runMeans.map { log($0) }.reduce(0, +) / Double(classical.runCount))
        try Self.expectPlan(classical, typicalTime: classicalTypical, reference, reference.classical, "classical")
        try Self.expectPlan(robust.components, typicalTime: robust.trimmedRuns.typicalTime, reference, reference.robust, "robust")
    }

    @Test func pairedRunsIntervalsMatch() throws {
        for file in NoisyNeighboursReference.fixture.files {
            for workload in file.workloads {
                let baseline = try #require(file.benchmarks.first { $0.name == workload.name && $0.variant == "baseline" })
                let flash = try #require(file.benchmarks.first { $0.name == workload.name && $0.variant == "flash" })
                for (name, level) in [("meanLog", RunLogLevel.meanLog), ("meanLogWithoutOutlyingIterations", .robust)] {
                    let expected = try #require(workload.speedup[name])
                    let speedup = try PairedRunsSpeedup(
                        baselineRuns: baseline.runs, candidateRuns: flash.runs, confidence: 0.95, runLevel: level)
                    let what = "\(file.file) \(workload.name) \(name)"
                    expectClose(speedup.estimate, expected.estimate, relative: 1e-12, "\(what): estimate")
                    expectClose(speedup.low, expected.low, relative: 1e-12, "\(what): low")
                    expectClose(speedup.high, expected.high, relative: 1e-12, "\(what): high")
                }
            }
        }
    }

    @Test("between files: typical times and the ANOVA of log run levels", arguments: NoisyNeighboursReference.fixture.betweenFiles)
    func betweenFilesMatch(_ reference: NoisyNeighboursReference.BetweenFiles) throws {
        let files = NoisyNeighboursReference.fixture.files
        let runs = try files.map { file in
            try #require(file.benchmarks.first { $0.name == reference.name && $0.variant == reference.variant }).runs
        }
        let classical = runs.map { $0.map { log($0.reduce(0, +) / Double($0.count)) } }
        let trimmed = try runs.map { try TrimmedRuns(runs: $0) }
        for (levels, expected, what) in [(classical, reference.classical, "classical"), (trimmed.map(\.logRunMeans), reference.robust, "robust")] {
            let anova = try OneWayAnova(groups: levels)
            expectClose(anova.statistic, expected.f, relative: 1e-9, "\(what): F")
            expectClose(anova.pValue, expected.p, relative: 1e-9, "\(what): p")
        }
        expectClose(trimmed[0].typicalTime, reference.robust.quiet, relative: 1e-13, "robust typical time, quiet")
        expectClose(trimmed[1].typicalTime, reference.robust.busy, relative: 1e-13, "robust typical time, busy")
    }

    /// The glue `qe-validate variance` puts around the components (RunVarianceAnalysis.planning):
    /// cost ratio from the recorded warm-up, the Kalibera & Jones optimum or else the current
    /// iterations per run, and the runs needed for the target width.
    private static func expectPlan(
        _ components: VarianceComponents, typicalTime: Double, _ benchmark: NoisyNeighboursReference.Benchmark,
        _ expected: NoisyNeighboursReference.Plan, _ what: String
    ) throws {
        var costRatio = benchmark.warmupPerRun / components.grandMean
        if !(costRatio > 0) || !costRatio.isFinite { costRatio = 1 }
        expectClose(costRatio, expected.costRatio, relative: 1e-12, "\(what): cost ratio")
        var optimal: Int?
        if case let .iterationsPerRun(count) = try components.optimalIterationsPerRun(costRatio: costRatio) { optimal = count }
        #expect(optimal == expected.optimalIterationsPerRun, "\(what): optimal iterations per run")
        let current = try Summary(benchmark.runs.map { Double($0.count) }).median
        let perRun = optimal ?? max(1, Int(current.rounded()))
        #expect(perRun == expected.iterationsPerRun)
        let needed = try components.runsNeeded(
            relativeWidth: NoisyNeighboursReference.fixture.targetWidth, iterationsPerRun: perRun, confidence: 0.95)
        #expect(needed == expected.runsNeeded, "\(what): runs needed")
        expectClose(components.withinRunVariance.squareRoot() / components.grandMean, expected.withinRunCV, relative: 1e-9, "\(what): within-run CV")
        expectClose(typicalTime, expected.typicalTime, relative: 1e-13, "\(what): typical time")
    }
}
