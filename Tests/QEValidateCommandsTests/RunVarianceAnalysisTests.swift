import Foundation
import QEResults
import QEStatistics
import QETestSupport
import QEValidation
import Testing

@Suite("Run-to-run variance analysis (QEValidation)")
struct RunVarianceAnalysisTests {
    static func analyse(_ shape: VarianceSynthetic.Shape, options: RunVarianceOptions = .init()) throws -> BenchmarkVariance {
        let runs = VarianceSynthetic.runs(shape)
        return try RunVarianceAnalysis(options: options).analyse(
            file: "synthetic.json", name: "w", variant: "baseline", unit: .nanoseconds,
            runs: runs.map(\.samples), warmups: runs.map(\.warmup))
    }

    @Test func handComputedVarianceComponentsAndKruskalWallisWithTies() throws {
        // Runs (10, 12, 12, 13, 11), (12, 13, 13, 14, 12), (15, 15, 16, 14, 15): means 11.6, 12.8, 15,
        // grand mean 13.1333…; within sums of squares 5.2 + 2.8 + 2 = 10 → MSW = T1² = 10/12;
        // MSB = 5·Σ(ȳᵢ − ȳ)²/2 = 14.8666…; σ²_b = (MSB − MSW)/5 = 2.80666…;
        // S2² = var(11.6, 12.8, 15) = 2.97333…, T2² = S2² − T1²/5 = σ²_b.
        // R 4.2.2: kruskal.test(runs) gives 10.563401109057299 on 2 df, p = 0.0050837781956445793.
        let runs: [[Double]] = [[10, 12, 12, 13, 11], [12, 13, 13, 14, 12], [15, 15, 16, 14, 15]]
        let entry = try RunVarianceAnalysis(options: .init()).analyse(
            file: "f", name: "w", variant: "v", unit: .nanoseconds, runs: runs, warmups: [[], [], []])
        let mean = 197.0 / 15
        let msw = 10.0 / 12
        let msb = 5 * ((11.6 - mean) * (11.6 - mean) + (12.8 - mean) * (12.8 - mean) + (15 - mean) * (15 - mean)) / 2
        let between = (msb - msw) / 5
        let components = try #require(entry.varianceComponents)
        #expect(isClose(components.t1Squared, msw, relative: 1e-13))
        #expect(isClose(components.betweenRunVariance, between, relative: 1e-13))
        #expect(isClose(components.t2Squared, between, relative: 1e-12))
        #expect(isClose(components.varianceOfRunMeans, 2.973333333333333, relative: 1e-13))
        #expect(isClose(try #require(entry.withinRunCV), msw.squareRoot() / mean, relative: 1e-13))
        #expect(isClose(try #require(entry.betweenRunCV), between.squareRoot() / mean, relative: 1e-12))
        #expect(isClose(try #require(entry.betweenRunShare), between / (between + msw), relative: 1e-12))
        let kruskal = try #require(entry.kruskalWallis)
        #expect(isClose(kruskal.h, 10.563401109057299, relative: 1e-12))
        #expect(kruskal.df == 2)
        #expect(isClose(kruskal.p, 0.0050837781956445793, relative: 1e-9))
        // No warm-up, no overhead: a run costs one iteration; r = ⌈√(1 · T1²/T2²)⌉ = ⌈0.545⌉ = 1.
        #expect(entry.plan?.costRatio == 1)
        #expect(entry.optimalIterationsPerRun == 1)
        #expect(entry.iterations == [5, 5, 5])
        #expect(entry.n == 15)
    }

    @Test func aPlantedSlowRunIsFlaggedWithItsIndex() throws {
        var shape = VarianceSynthetic.Shape()
        shape.runFactors = [1, 1.003, 1.4, 0.998, 1.001]
        let entry = try Self.analyse(shape)
        #expect(entry.runsThatStandOut == [2])
        #expect(entry.perRun[2].standsOut)
        #expect(isClose(try #require(entry.perRun[2].relativeToOthers), 0.4, relative: 0.03))
        // "run 3 of w/baseline is 39% slower than the other four (median 97.58ms against 70.00ms)"
        #expect(entry.findings.contains { $0.hasPrefix("run 3 of w/baseline is") && $0.contains("% slower than the other four (median") },
                "\(entry.findings)")
        #expect(!entry.drift.detected)
        #expect(try #require(entry.kruskalWallis).p < 0.001)
    }

    @Test func twoFastRunsOfSevenAreBothFlagged() throws {
        var shape = VarianceSynthetic.Shape()
        shape.runs = 7
        shape.runFactors = [1, 0.7, 1.002, 0.998, 0.7, 1.003, 0.999]
        let entry = try Self.analyse(shape)
        #expect(entry.runsThatStandOut == [1, 4])
        #expect(entry.findings.contains { $0.contains("run 2 of w/baseline is") && $0.contains("faster than the other six") })
    }

    @Test func driftWithinRunsIsDetected() throws {
        var shape = VarianceSynthetic.Shape()
        shape.drift = 0.15
        let entry = try Self.analyse(shape)
        #expect(entry.drift.detected)
        #expect(entry.drift.direction == .slower)
        // The last third is ~2/3 of the 15% further along than the first third: about +10%.
        #expect(isClose(try #require(entry.drift.change), 0.10, relative: 0.25))
        #expect(try #require(entry.drift.p) < 1e-6)
        #expect(entry.runsThatStandOut.isEmpty)
        #expect(entry.findings.contains { $0.contains("drifts within runs: times rise") })
        #expect(entry.perRun.allSatisfy { ($0.trendTau ?? 0) > 0 })
    }

    @Test func cleanRunsFlagNothing() throws {
        var shape = VarianceSynthetic.Shape()
        shape.runFactors = [1, 1, 1, 1, 1]
        for seed: UInt64 in [1, 2, 3, 4, 5] {
            shape.seed = seed
            let entry = try Self.analyse(shape)
            #expect(entry.runsThatStandOut.isEmpty, "seed \(seed)")
            #expect(!entry.drift.detected, "seed \(seed)")
            #expect(entry.warmup.sufficient == true, "seed \(seed): \(entry.warmup.reason)")
            #expect(entry.warmup.settledAfter == 1, "seed \(seed)")
            #expect(!entry.findings.contains { $0.contains("stands out") || $0.contains("slower than") || $0.contains("drifts") })
        }
    }

    @Test func aSlowStartMeansTheWarmupIsTooShort() throws {
        var shape = VarianceSynthetic.Shape()
        shape.slowStart = (3, 1.3)
        shape.warmup = [1.6, 1.5, 1.4]
        let entry = try Self.analyse(shape)
        #expect(entry.warmup.sufficient == false)
        #expect(entry.warmup.startIterations == 3)
        #expect(isClose(try #require(entry.warmup.startChange), 0.3, relative: 0.15))
        #expect(try #require(entry.warmup.startP) < 0.001)
        #expect(entry.warmup.settledAfter == 3)
        #expect(entry.warmup.runsStillSettling == [0, 1, 2, 3, 4])
        #expect(entry.findings.contains { $0.hasPrefix("the warm-up of w/baseline looks too short") })
    }

    @Test func planningFollowsKaliberaAndJones() throws {
        var shape = VarianceSynthetic.Shape()
        shape.runFactors = [1, 1.05, 0.96, 1.02, 0.99]
        shape.warmup = [2, 1, 1]
        let runs = VarianceSynthetic.runs(shape)
        let options = RunVarianceOptions(targetWidth: 0.01, runOverheadSeconds: 0.5)
        let entry = try RunVarianceAnalysis(options: options).analyse(
            file: "f", name: "w", variant: "v", unit: .nanoseconds, runs: runs.map(\.samples), warmups: runs.map(\.warmup))
        let components = try VarianceComponents(runs: runs.map(\.samples))
        let warmupPerRun = runs.map { $0.warmup.reduce(0, +) }.reduce(0, +) / 5
        let costRatio = (warmupPerRun + 0.5e9) / components.grandMean
        let plan = try #require(entry.plan)
        #expect(isClose(plan.costRatio, costRatio, relative: 1e-12))
        #expect(plan.costBasis.rawValue.contains("--run-overhead"))
        guard case let .iterationsPerRun(optimal) = try components.optimalIterationsPerRun(costRatio: costRatio) else {
            Issue.record("the planted run effect should give a finite optimum")
            return
        }
        #expect(entry.optimalIterationsPerRun == optimal)
        #expect(plan.iterationsPerRun == optimal)
        let needed = try components.runsNeeded(relativeWidth: 0.01, iterationsPerRun: optimal, confidence: 0.95)
        #expect(entry.runsNeeded == needed)
        #expect(try #require(plan.expectedWidth) <= 0.01)
        #expect(entry.findings.contains { $0.contains("would give a 95% interval for the mean within ±0.5%") })
    }

    @Test func oneRunIsDescribedNotJudged() throws {
        var shape = VarianceSynthetic.Shape()
        shape.runs = 1
        let entry = try Self.analyse(shape)
        #expect(entry.kruskalWallis == nil)
        #expect(entry.betweenRunCV == nil)
        #expect(entry.betweenRunShare == nil)
        #expect(entry.withinRunCV != nil)
        #expect(entry.runsThatStandOut.isEmpty)
        #expect(entry.standOutThreshold == nil)
        #expect(entry.optimalIterationsPerRun == nil)
        #expect(entry.runsNeeded == nil)
        #expect(entry.findings.contains { $0.contains("has a single run") })
    }

    @Test func runsOfOneIterationAndConstantTimesDoNotCrash() throws {
        let oneEach = try RunVarianceAnalysis(options: .init()).analyse(
            file: "f", name: "w", variant: "v", unit: .nanoseconds, runs: [[5], [6], [7]], warmups: [[], [], []])
        #expect(oneEach.varianceComponents == nil)
        #expect(oneEach.kruskalWallis == nil, "with one iteration per run H is N − 1 whatever the data")
        #expect(oneEach.drift.detected == false)
        #expect(oneEach.warmup.sufficient == nil)
        let constant = try RunVarianceAnalysis(options: .init()).analyse(
            file: "f", name: "w", variant: "v", unit: .nanoseconds, runs: [[5, 5], [5, 5], [5, 5]], warmups: [[], [], []])
        #expect(constant.kruskalWallis == nil)
        #expect(constant.runsThatStandOut.isEmpty)
        #expect(constant.betweenRunShare == nil)
    }
}

@Suite("Comparing results files (QEValidation)")
struct BetweenFilesTests {
    static func file(speedup: Double, runs: Int = 5, seed: UInt64) -> ResultsFile {
        let factors = [1.0, 1.02, 0.98, 1.01, 0.99]
        var baseline = VarianceSynthetic.Shape(runs: runs, median: 1_000_000, seed: seed)
        baseline.runFactors = factors
        var flash = VarianceSynthetic.Shape(runs: runs, median: 1_000_000 / speedup, seed: seed &+ 50)
        flash.runFactors = factors
        return VarianceSynthetic.file([("code-embedding", "baseline", baseline), ("code-embedding", "flash", flash)])
    }

    static func document(_ files: [ResultsFile]) throws -> RunVarianceDocument {
        try RunVarianceDocument(
            files: files.enumerated().map { (path: "run\($0.offset + 1).json", file: $0.element) }, workloads: [],
            options: .init())
    }

    @Test func aSpeedupThatChangesBetweenFilesIsCalledOut() throws {
        let document = try Self.document([Self.file(speedup: 4, seed: 1), Self.file(speedup: 1.04, seed: 2)])
        let speedup = try #require(document.betweenFiles.first { $0.kind == .speedup })
        #expect(speedup.differs == true)
        #expect(speedup.baselineVariant == "baseline")
        #expect(speedup.candidateVariant == "flash")
        #expect(speedup.files.map(\.file) == ["run1.json", "run2.json"])
        #expect(isClose(speedup.files[0].estimate, 4, relative: 0.03))
        #expect(isClose(speedup.files[1].estimate, 1.04, relative: 0.03))
        #expect(try #require(speedup.test).df1 == 1)
        #expect(try #require(speedup.test).df2 == 8)
        #expect(speedup.finding.contains("differs between files more than the runs inside each file explain"))
        let flashLevel = try #require(document.betweenFiles.first { $0.kind == .level && $0.variant == "flash" })
        #expect(flashLevel.differs == true)
        let baselineLevel = try #require(document.betweenFiles.first { $0.kind == .level && $0.variant == "baseline" })
        #expect(baselineLevel.differs == false)
        #expect(document.benchmarks.count == 4)
        #expect(document.findings.contains { $0.hasPrefix("the speedup of code-embedding (baseline ÷ flash) differs") })
    }

    @Test func aSteadySpeedupIsNotCalledOut() throws {
        let document = try Self.document([Self.file(speedup: 4, seed: 1), Self.file(speedup: 4, seed: 2)])
        let speedup = try #require(document.betweenFiles.first { $0.kind == .speedup })
        #expect(speedup.differs == false)
        #expect(speedup.finding.contains("does not differ between files"))
    }

    @Test func oneRunPerFileCannotBeJudged() throws {
        let document = try Self.document([Self.file(speedup: 4, runs: 1, seed: 1), Self.file(speedup: 1.04, runs: 1, seed: 2)])
        let speedup = try #require(document.betweenFiles.first { $0.kind == .speedup })
        #expect(speedup.test == nil)
        #expect(speedup.differs == nil)
        #expect(speedup.finding.contains("each file has a single run"))
    }

    @Test func unknownWorkloadsAreAUsageError() throws {
        #expect(throws: RunVarianceError.unknownWorkload(names: ["nope"], available: ["code-embedding"])) {
            try RunVarianceDocument(files: [(path: "a.json", file: Self.file(speedup: 2, seed: 1))], workloads: ["nope"], options: .init())
        }
    }
}
