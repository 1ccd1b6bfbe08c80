import Foundation
import QEResults
import QEStatistics
import QETestSupport
import QEValidation
import Testing

@Suite("Sweep judge: points, crossover, scaling")
struct SweepJudgeTests {
    static func judge(_ file: ResultsFile, claim: ClaimedRange? = ClaimedRange(low: 1.2)) throws -> SweepDocument {
        try SweepJudge(options: SweepOptions(claim: claim, scalingReplicates: 200)).judge(file: file, path: "sweep.json")
    }

    @Test("a program that does no growing work, measured while other work slowed some runs at the largest size, is constant")
    func constantProgramUnderABurst() throws {
        // scripts/sweep/known-complexity.sh's loop-constant (a 4 ms start-up, nothing that
        // grows with n), as measured on a shared 2-core machine: three of the five runs at the
        // largest n were 10–20% slower. The model comparison alone prefers a + b·nᵏ (it named n
        // before); k's interval reaches 0 and the log-log slope is flat, so no growth is established.
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/sweep-constant-program.json").path
        let document = try SweepJudge(options: SweepOptions(claim: nil)).judge(file: try ResultsFile.read(from: path), path: path)
        let time = try #require(document.scaling.first { $0.metric == .time })
        #expect(try #require(time.exponent.low) <= ScalingFit.exponentTolerance, "k \(time.exponent)")
        #expect(time.complexityClass == .constant, "k \(time.exponent), slope \(time.logLogSlope)")
    }

    @Test("holds from a point on: the crossover is that point, decided by its interval")
    func holdsFromAPointOn() throws {
        let document = try Self.judge(SweepFixtures.file(speedups: [64: [0.9, 1.0, 1.5, 1.8, 2.2]]))
        #expect(document.along == "seqLen")
        #expect(document.points.map(\.verdict) == [.refuted, .refuted, .holds, .holds, .holds])
        let crossover = try #require(document.crossover)
        #expect(crossover.parameter == "seqLen")
        #expect(crossover.value == 1024)
        #expect(crossover.speedup.low >= 1.2 && crossover.speedup.estimate > 1.4 && crossover.speedup.estimate < 1.6)
        #expect(crossover.speedup.method == .pairedRuns)
        let previous = try #require(crossover.previous)
        #expect(previous.value == 512 && !previous.criterionHolds && previous.speedup.low < 1.2)
        #expect(!crossover.fromFirstPoint)
        #expect(document.crossovers.count == 1 && document.crossovers.first?.crossover == crossover)
        #expect(document.criterion == .claimHolds)
    }

    @Test("never holds: no crossover in the measured range")
    func never() throws {
        let document = try Self.judge(SweepFixtures.file(speedups: [64: [0.9, 1.0, 1.05, 1.0, 0.95]]))
        #expect(document.crossover == nil)
        #expect(document.points.allSatisfy { $0.criterionHolds == false })
    }

    @Test("holds only at one point in the middle: no crossover")
    func onlyInTheMiddle() throws {
        let document = try Self.judge(SweepFixtures.file(speedups: [64: [1.0, 1.0, 2.0, 1.0, 1.0]]))
        #expect(document.points[2].verdict == .holds)
        #expect(document.points[4].verdict == .refuted)
        #expect(document.crossover == nil)
    }

    @Test("holds everywhere: the crossover is the smallest value, with nothing below it")
    func everywhere() throws {
        let document = try Self.judge(SweepFixtures.file(speedups: [64: [1.5, 1.6, 1.7, 1.8, 50]]), claim: ClaimedRange(low: 1.2, high: 10))
        let crossover = try #require(document.crossover)
        #expect(crossover.value == 256 && crossover.fromFirstPoint && crossover.previous == nil)
        #expect(document.points.last?.verdict == .exceeds)
    }

    @Test("without a claim the crossover is where the candidate is faster")
    func withoutClaim() throws {
        let document = try Self.judge(SweepFixtures.file(speedups: [64: [0.8, 0.9, 1.0, 1.3, 1.5]]), claim: nil)
        #expect(document.criterion == .faster)
        #expect(document.points.allSatisfy { $0.verdict == nil })
        #expect(document.points.map(\.direction) == [.slower, .slower, .indistinguishable, .faster, .faster])
        #expect(document.crossover?.value == 2048)
    }

    @Test("several slices: Bonferroni over slices, a crossover per slice, the binding one overall")
    func slices() throws {
        let document = try Self.judge(SweepFixtures.file(speedups: [64: [1.0, 1.0, 1.5, 1.6, 1.7], 128: [1.0, 1.0, 1.0, 1.5, 1.6]]))
        #expect(isClose(document.intervalConfidence, 0.975, relative: 1e-12))
        #expect(document.crossovers.map { $0.at["dim"] } == [.number(64), .number(128)])
        #expect(document.crossovers.map { $0.crossover?.value } == [1024, 2048])
        #expect(document.crossover?.value == 2048 && document.crossover?.at == ["dim": .number(128)])
        // dim takes two values: no fit against it; seqLen's fits are per dim.
        #expect(document.scaling.allSatisfy { $0.parameter == "seqLen" })
        #expect(document.scaling.count == 2 * 2 * 3)
        let oneSliceNever = try Self.judge(SweepFixtures.file(speedups: [64: [1.0, 1.0, 1.5, 1.6, 1.7], 128: Array(repeating: 1.0, count: 5)]))
        #expect(oneSliceNever.crossover == nil)
        #expect(oneSliceNever.crossovers.first?.crossover?.value == 1024)
    }

    @Test("scaling: time and memory per variant, with classes")
    func scaling() throws {
        let document = try Self.judge(
            SweepFixtures.file(seqLens: [256, 512, 1024, 2048, 4096, 8192], speedups: [64: [1, 1, 1, 1, 1, 1]]))
        func entry(_ variant: String, _ metric: ScalingEntry.Metric) throws -> ScalingEntry {
            try #require(document.scaling.first { $0.variant == variant && $0.metric == metric })
        }
        let time = try entry("baseline", .time)
        #expect(time.complexityClass == .quadratic, "\(time.exponent)")
        #expect(time.method == .runBootstrap && time.unit == "ns" && time.values.first?.count == 5)
        #expect(try entry("flash", .time).complexityClass == .quadratic)
        #expect(try entry("flash", .workingSetBytes).complexityClass == .linear)
        #expect(try entry("flash", .workingSetBytes).method == .residualT)
        let baselineMemory = try entry("baseline", .workingSetBytes)
        #expect(baselineMemory.exponent.estimate > 1.5 && baselineMemory.unit == "bytes")
        #expect(try entry("baseline", .peakAllocatedBytes).exponent.estimate > 1.5)
    }

    @Test("the JSON has the documented fields, null where there is no value")
    func json() throws {
        let never = try Self.judge(SweepFixtures.file(speedups: [64: [0.9, 1.0, 1.0, 1.0, 0.9]]), claim: nil)
        let holds = try Self.judge(SweepFixtures.file(speedups: [64: [0.9, 1.0, 1.5, 1.8, 2.2]]))
        func object(_ document: SweepDocument) throws -> [String: Any] {
            let data = try JSONEncoder().encode(document)
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        }
        let neverJSON = try object(never)
        #expect(neverJSON["schema"] as? String == "qe-validate/sweep@1")
        #expect(neverJSON["crossover"] is NSNull)
        let point = try #require((neverJSON["points"] as? [[String: Any]])?.first)
        #expect(point["verdict"] is NSNull)
        #expect((point["parameters"] as? [String: Any])?["seqLen"] as? Double == 256)
        let speedup = try #require(point["speedup"] as? [String: Any])
        #expect(Set(speedup.keys).isSuperset(of: ["estimate", "low", "high"]))

        let holdsJSON = try object(holds)
        #expect((holdsJSON["points"] as? [[String: Any]])?.last?["verdict"] as? String == "holds")
        let crossover = try #require(holdsJSON["crossover"] as? [String: Any])
        #expect(crossover["parameter"] as? String == "seqLen" && crossover["value"] as? Double == 1024)
        let crossoverSpeedup = try #require(crossover["speedup"] as? [String: Any])
        #expect(Set(crossoverSpeedup.keys).isSuperset(of: ["estimate", "low", "high"]))
        let scaling = try #require((holdsJSON["scaling"] as? [[String: Any]])?.first)
        #expect(Set(scaling.keys).isSuperset(of: ["variant", "parameter", "metric", "exponent", "class"]))
        let exponent = try #require(scaling["exponent"] as? [String: Any])
        #expect(Set(exponent.keys).isSuperset(of: ["estimate", "low", "high"]))
        #expect(["time", "workingSetBytes", "peakAllocatedBytes"].contains(scaling["metric"] as? String ?? ""))
        let decoded = try JSONDecoder().decode(SweepDocument.self, from: JSONEncoder().encode(holds))
        #expect(decoded == holds)
    }

    @Test("a file is a sweep when its points are a complete grid")
    func detection() {
        #expect(SweepGrid.isSweep(SweepFixtures.file(speedups: [64: [1, 1, 1, 1, 1]])))
        // The built-in suite's shapes are not a grid.
        let shapes: [(Double, Double)] = [(512, 768), (1024, 1024), (256, 512), (256, 384), (128, 256)]
        let catalogue = ResultsFile(
            suite: "flash-attention", unit: .nanoseconds,
            benchmarks: shapes.map { Benchmark(name: "w\($0.0)-\($0.1)", variant: "baseline", parameters: ["seqLen": .number($0.0), "dim": .number($0.1)], runs: [BenchmarkRun(samples: [1])]) })
        #expect(!SweepGrid.isSweep(catalogue))
        #expect(!SweepGrid.isSweep(GateFixtures.file(seed: 1)))
    }

    @Test("two benchmarks of a variant at one point are refused")
    func duplicatePoint() {
        let run = BenchmarkRun(samples: [1, 2])
        let file = ResultsFile(suite: "s", unit: .nanoseconds, benchmarks: [
            Benchmark(name: "a", variant: "baseline", parameters: ["n": 1], runs: [run]),
            Benchmark(name: "b", variant: "baseline", parameters: ["n": 1], runs: [run]),
        ])
        #expect(throws: SweepError.self) { try SweepJudge(options: SweepOptions()).judge(file: file, path: "x.json") }
    }

    @Test("one variant: no speedups, scaling only")
    func oneVariant() throws {
        let sweep = SweepFixtures.file(speedups: [64: [1, 1, 1, 1, 1]])
        let file = ResultsFile(suite: "sweep", unit: .nanoseconds, benchmarks: sweep.benchmarks.filter { $0.variant == "baseline" })
        let document = try Self.judge(file, claim: nil)
        #expect(document.candidateVariant == nil && document.crossover == nil && document.crossovers.isEmpty)
        #expect(document.baselineVariant == "baseline")
        let renamed = ResultsFile(suite: "sweep", unit: .nanoseconds, benchmarks: file.benchmarks.map {
            var benchmark = $0
            benchmark.variant = "command"
            return benchmark
        })
        #expect(try Self.judge(renamed, claim: nil).baselineVariant == "command")
        #expect(document.points.allSatisfy { $0.speedup == nil })
        #expect(document.scaling.contains { $0.metric == .time && $0.complexityClass == .quadratic })
    }
}
