import Foundation
import QEResults
import QEStatistics
import QETestSupport
import Testing

@testable import QEValidation

/// Outlying iterations in every judging command: named, counted in the documents, and left out
/// of the robust figures and the paired-runs interval.
@Suite("Outlying iterations in the judges")
struct OutlyingIterationsJudgingTests {
    /// `file` with `factor` × the run's value at `iterations` of `runs` of (`name`, `variant`).
    static func planting(
        _ file: ResultsFile, name: String = "alpha", variant: String = "baseline", runs: [Int], iterations: [Int], factor: Double = 20
    ) -> ResultsFile {
        var file = file
        let index = file.benchmarks.firstIndex { $0.name == name && $0.variant == variant }!
        for run in runs {
            for iteration in iterations { file.benchmarks[index].runs[run].samples[iteration] *= factor }
        }
        return file
    }

    static func variance(_ files: [(String, ResultsFile)]) throws -> RunVarianceDocument {
        try RunVarianceDocument(files: files.map { (path: $0.0, file: $0.1) }, workloads: [], options: .init())
    }

    @Test func varianceNamesPlantedIterationsAndKeepsItsFiguresRobust() throws {
        let quiet = GateFixtures.file(withinSigma: 0.08, betweenSigma: 0.01, seed: 11)
        // 4 of 150 iterations ×20, as in the busy file.
        let busy = Self.planting(GateFixtures.file(withinSigma: 0.08, betweenSigma: 0.01, seed: 12), runs: [0, 2, 3, 4], iterations: [7])
        let document = try Self.variance([("a.json", quiet), ("b.json", busy)])
        let clean = try #require(document.benchmarks.first { $0.file == "a.json" && $0.label == "alpha/baseline" })
        let hit = try #require(document.benchmarks.first { $0.file == "b.json" && $0.label == "alpha/baseline" })

        // Clean lognormal runs: nothing flagged, nothing robust to add, the classical figures used.
        #expect(document.benchmarks.filter { $0.file == "a.json" }.allSatisfy { $0.outlyingIterations?.count == 0 && $0.robust == nil })
        #expect(clean.findingsUse == .classical)

        let outlying = try #require(hit.outlyingIterations)
        #expect(outlying.count == 4)
        #expect(outlying.of == 150)
        #expect(outlying.rule == .standard)
        #expect(isClose(try #require(outlying.worst).ratioToMedian, 20, relative: 0.25))
        #expect(hit.findingsUse == .robust)
        #expect(document.findings.contains {
            $0.hasPrefix("b.json: 4 of 150 iterations of alpha/baseline took") && $0.contains("another process likely took the CPU")
        }, "\(document.findings)")

        // The robust figures are those of the runs without the 4 iterations.
        let robust = try #require(hit.robust)
        let runs = busy.benchmarks[0].runs.map(\.samples)
        let trimmed = try RobustVarianceComponents(runs: runs)
        #expect(isClose(try #require(robust.withinRunCV), trimmed.components.withinRunVariance.squareRoot() / trimmed.components.grandMean, relative: 1e-12))
        #expect(isClose(robust.typicalTime, trimmed.trimmedRuns.typicalTime, relative: 1e-12))

        // Classical planning explodes; the robust one stays within 3× of the quiet file's.
        let quietRuns = try #require(clean.runsNeeded)
        #expect(try #require(hit.runsNeeded) > 10 * quietRuns)
        let robustRuns = try #require(robust.runsNeeded)
        #expect(robustRuns <= 3 * quietRuns && quietRuns <= 3 * robustRuns, "quiet \(quietRuns), busy robust \(robustRuns)")
        #expect(hit.findings.contains { $0.contains("about \(robustRuns) runs") && $0.contains("of the iterations that are not outlying") })

        // Between files: the typical times agree once the outlying iterations are left out.
        let level = try #require(document.betweenFiles.first { $0.kind == .level && $0.name == "alpha" && $0.variant == "baseline" })
        #expect(level.ratio > 1.3)
        let robustLevel = try #require(level.robust)
        #expect(robustLevel.ratio < 1.05)
        #expect(level.judgedDiffers == robustLevel.differs)
        #expect(level.finding.contains("without its outlying iterations"))
        // Benchmarks of the two files without any outlying iteration compare as before.
        #expect(document.betweenFiles.first { $0.kind == .level && $0.name == "beta" }?.robust == nil)
    }

    @Test func histogramSamplesAreNotTestedForDriftOrASlowStart() throws {
        // Ascending samples (as an HDR histogram writes them) look like a strong trend.
        var file = GateFixtures.file(names: ["alpha"], variants: ["baseline"], seed: 5)
        for run in file.benchmarks[0].runs.indices { file.benchmarks[0].runs[run].samples.sort() }
        let asIterations = try Self.variance([("f.json", file)]).benchmarks[0]
        #expect(asIterations.drift.detected)
        #expect(asIterations.drift.p != nil)

        for kind in [SampleKind.histogramIteration, .histogramBatchMean] {
            file.benchmarks[0].sampleKind = kind
            let entry = try Self.variance([("f.json", file)]).benchmarks[0]
            #expect(entry.drift.p == nil)
            #expect(!entry.drift.detected)
            #expect(entry.drift.note == WithinRunDrift.orderLostNote)
            #expect(entry.perRun.allSatisfy { $0.trendTau == nil && $0.earlyToLate == nil })
            #expect(entry.warmup.startP == nil)
            #expect(entry.warmup.sufficient == nil)
            #expect(entry.warmup.reason.hasPrefix("the samples are HDR-histogram values"))
            #expect(!entry.findings.contains { $0.contains("drifts") || $0.contains("warm-up") })
        }
    }

    @Test func pairedRunsLeaveOutlyingIterationsOut() throws {
        let clean = GateFixtures.file(names: ["alpha"], withinSigma: 0.05, betweenSigma: 0.02, seed: 21)
        // 2 of 30 iterations ×20 in three baseline runs only: the mean log time would move by 0.2.
        let hit = Self.planting(clean, runs: [0, 1, 3], iterations: [4, 19])
        func compare(_ file: ResultsFile) throws -> ComparisonDocument {
            try ComparisonDocument(
                plan: ComparisonPlan(file: file, path: "r.json", baselineVariant: "baseline", candidateVariant: "flash"),
                options: .init())
        }
        let cleanSpeedup = try compare(clean).benchmarks[0].speedup
        let document = try compare(hit)
        let benchmark = document.benchmarks[0]
        #expect(benchmark.speedup.method == .pairedRuns)
        let runs = { (variant: String) in hit.benchmarks.first { $0.variant == variant }!.runs.map(\.samples) }
        let robust = try PairedRunsSpeedup(
            baselineRuns: runs("baseline"), candidateRuns: runs("flash"), confidence: 0.95, runLevel: .robust)
        let meanLog = try PairedRunsSpeedup(baselineRuns: runs("baseline"), candidateRuns: runs("flash"), confidence: 0.95)
        #expect(benchmark.speedup.low == robust.low && benchmark.speedup.high == robust.high)
        let width = { (low: Double, high: Double) in log(high) - log(low) }
        #expect(width(benchmark.speedup.low, benchmark.speedup.high) <= 1.5 * width(cleanSpeedup.low, cleanSpeedup.high))
        #expect(width(meanLog.low, meanLog.high) > 2 * width(cleanSpeedup.low, cleanSpeedup.high))

        #expect(benchmark.baseline.outlyingIterations?.count == 6)
        #expect(benchmark.baseline.outlyingIterations?.of == 150)
        // The clean side: judged, and at most the rare chance flag of lognormal noise.
        #expect(try #require(benchmark.candidate.outlyingIterations).count <= 1)
        #expect(benchmark.warnings.contains {
            $0.hasPrefix("6 of 150 iterations of alpha/baseline in r.json took") && $0.hasSuffix("they are left out of the paired-runs interval")
        }, "\(benchmark.warnings)")
    }

    @Test func theGateSaysOnceThatItsRunStatisticIgnoresThem() throws {
        let baseline = GateFixtures.file(seed: 31)
        let results = Self.planting(GateFixtures.file(seed: 32), name: "beta", variant: "flash", runs: [1, 2], iterations: [3])
        let document = try GateJudge(options: GateOptions()).judge(
            baseline: .init(path: "baseline.json", results: baseline), results: .init(path: "results.json", results: results))
        let beta = try #require(document.benchmarks.first { $0.name == "beta" && $0.variant == "flash" })
        #expect(beta.candidate.outlyingIterations?.count == 2)
        #expect(beta.baseline.outlyingIterations?.count == 0)
        #expect(beta.warnings.isEmpty)
        let said = document.warnings.filter { $0.contains("far in the slow tail") }
        #expect(said.count == 1)
        #expect(said.first?.hasPrefix("1 of 4 benchmarks has iterations far in the slow tail of their run") == true, "\(said)")
        #expect(said.first?.contains("beta (flash) in the results") == true)
    }
}
