import Foundation
@testable import QEBench
import QEKernels
import QETestSupport
import Testing

@Suite("Timing kernels in process", .tags(.slow), .skippedWhenFast)
struct KernelWorkerTests {
    @Test func everyVariantIsTimedInterleavedWithItsMemory() throws {
        let plan = KernelWorkerPlan(
            suite: "flash-attention", workloads: ["pattern-adaptation"], variants: ["baseline", "flash"],
            iterations: 4, warmup: 2, seed: 7, run: 3)
        var events: [KernelWorker.Progress] = []
        let report = try KernelWorker(plan: plan).run { events.append($0) }
        #expect(report.run == 3)
        #expect(report.series.map(\.variant) == ["baseline", "flash"])
        for series in report.series {
            #expect(series.workload == "pattern-adaptation")
            #expect(series.samples.count == 4)
            #expect(series.warmup.count == 2)
            #expect(series.samples.allSatisfy { $0 > 0 })
            #expect(!series.startedAt.isEmpty)
        }
        // Peak allocation is read from the process-wide allocator, which other tests running in
        // parallel disturb; RunExecutableTests checks it in a real worker process.
        // Working sets are the kernels' own figures; the baseline also holds the 128 × 128 scores.
        let baseline = try #require(report.series.first)
        #expect(baseline.workingSetBytes == KernelVariant.baseline.makeKernel(seqLen: 128, dim: 256).workingSetBytes)
        #expect(baseline.workingSetBytes >= (4 * 128 * 256 + 128 * 128) * 4, "Q, K, V, output and the scores at least")
        #expect(try #require(report.series.last).workingSetBytes < baseline.workingSetBytes)
        #expect(try #require(report.maxOutputDifference["pattern-adaptation"]) < 1e-3)
        // Interleaved, alternating order: baseline, flash, then flash, baseline, ...
        let timed = events.filter { $0.phase == "timing" }.map(\.variant)
        #expect(timed == ["baseline", "flash", "flash", "baseline", "baseline", "flash", "flash", "baseline"])
        #expect(events.filter { $0.phase == "warmup" }.count == 4)
    }

    @Test func shapesOfASweepAreTimedUnderTheirOwnNames() throws {
        let shape = KernelShape(name: "custom[seqLen=67,dim=13]", seqLen: 67, dim: 13)
        let plan = KernelWorkerPlan(
            suite: "flash-attention", workloads: [], variants: ["baseline", "flash"], iterations: 2, warmup: 1, seed: 1,
            run: 2, shapes: [shape])
        let decoded = try JSONDecoder().decode(KernelWorkerPlan.self, from: JSONEncoder().encode(plan))
        #expect(decoded == plan)
        let report = try KernelWorker(plan: decoded).run()
        #expect(report.series.map(\.workload) == [shape.name, shape.name])
        #expect(report.series.map(\.workingSetBytes) == [
            KernelVariant.baseline.workingSetBytes(seqLen: 67, dim: 13), KernelVariant.flash.workingSetBytes(seqLen: 67, dim: 13),
        ])
        #expect(try #require(report.maxOutputDifference[shape.name]) < 1e-3)
    }

    @Test func inputsAreTheSameInEveryRunAndDifferPerWorkload() {
        #expect(KernelWorker.inputSeed(1, workload: "a") == KernelWorker.inputSeed(1, workload: "a"))
        #expect(KernelWorker.inputSeed(1, workload: "a") != KernelWorker.inputSeed(1, workload: "b"))
        #expect(KernelWorker.inputSeed(1, workload: "a") != KernelWorker.inputSeed(2, workload: "a"))
    }

    @Test func unknownNamesAreRefusedBeforeAnythingRuns() throws {
        #expect(throws: HarnessError.self) {
            try KernelWorker.resolve(workloads: ["no-such"], suite: "flash-attention")
        }
        #expect(throws: HarnessError.self) { try KernelWorker.resolve(variants: ["turbo"]) }
        #expect(throws: HarnessError.self) { try KernelWorker.resolve(workloads: [], suite: "nope") }
        #expect(try KernelWorker.resolve(workloads: [], suite: "flash-attention").count == 5)
    }
}
