import Foundation
import QEBench
import QEKernels
import QEResults
import Testing

@Suite("Sweep plans: parameters, grid, order, kernel shapes, memory")
struct SweepPlanTests {
    @Test func parametersReadAsNumbersOrStrings() throws {
        let sizes = try SweepParameter.parse("seqLen=128, 256,4096")
        #expect(sizes == SweepParameter(name: "seqLen", values: [.number(128), .number(256), .number(4096)]))
        let modes = try SweepParameter.parse("opt-level=O2,fast,1.5")
        #expect(modes.values == [.string("O2"), .string("fast"), .number(1.5)])
    }

    @Test("malformed parameters are refused", arguments: ["seqLen", "=1,2", "1x=3", "n=1,,2", "n=", "n=1,1", "a b=1", "n=inf,2"])
    func malformed(_ text: String) {
        if text == "n=inf,2" {
            // Not a finite number, so a string: allowed.
            #expect((try? SweepParameter.parse(text))?.values == [.string("inf"), .number(2)])
            return
        }
        #expect(throws: SweepPlanError.self) { try SweepParameter.parse(text) }
    }

    @Test func theGridIsTheCrossProductFirstParameterSlowest() throws {
        let grid = try ParameterGrid([SweepParameter.parse("seqLen=128,256,512"), SweepParameter.parse("dim=64,128")])
        #expect(grid.points.count == 6)
        #expect(grid.points.map { $0["seqLen"] } == [128, 128, 256, 256, 512, 512].map { ParameterValue.number($0) })
        #expect(grid.points.map { $0["dim"] } == [64, 128, 64, 128, 64, 128].map { ParameterValue.number($0) })
        #expect(grid.name(base: "custom", point: grid.points[3]) == "custom[seqLen=256,dim=128]")
        #expect(throws: SweepPlanError.repeatedParameter("n")) {
            try ParameterGrid([SweepParameter.parse("n=1"), SweepParameter.parse("n=2")])
        }
        #expect(throws: SweepPlanError.noParameters) { try ParameterGrid([]) }
    }

    @Test func theOrderIsShuffledPerRoundAndSeeded() {
        let schedule = SweepSchedule(pointCount: 8, rounds: 5, seed: 42)
        #expect(schedule == SweepSchedule(pointCount: 8, rounds: 5, seed: 42))
        #expect(schedule != SweepSchedule(pointCount: 8, rounds: 5, seed: 43))
        #expect(schedule.rounds.count == 5)
        for round in schedule.rounds { #expect(round.sorted() == Array(0..<8)) }
        // Not the grid's order, and not the same order in every round.
        #expect(schedule.rounds.allSatisfy { $0 != Array(0..<8) })
        #expect(Set(schedule.rounds).count == 5)
        // Over many rounds every point is measured at every position about equally often.
        let long = SweepSchedule(pointCount: 4, rounds: 4000, seed: 7)
        for point in 0..<4 {
            let first = long.rounds.filter { $0[0] == point }.count
            #expect(first > 850 && first < 1150, "point \(point) first in \(first) of 4000 rounds")
        }
    }

    @Test func customShapesComeFromTheParametersRaggedIncluded() throws {
        let grid = try ParameterGrid([SweepParameter.parse("seqLen=67,4096"), SweepParameter.parse("dim=13")])
        let plan = try KernelSweepPlan(workload: "custom", suite: "flash-attention", grid: grid)
        #expect(plan.shapes == [
            KernelShape(name: "custom[seqLen=67,dim=13]", seqLen: 67, dim: 13),
            KernelShape(name: "custom[seqLen=4096,dim=13]", seqLen: 4096, dim: 13),
        ])
        #expect(plan.parameters[1] == ["seqLen": .number(4096), "dim": .number(13)])
    }

    @Test func aCatalogueWorkloadKeepsItsOtherDimension() throws {
        let grid = try ParameterGrid([SweepParameter.parse("seqLen=256,1024")])
        let plan = try KernelSweepPlan(workload: "test-similarity", suite: "flash-attention", grid: grid)
        #expect(plan.shapes.map(\.dim) == [768, 768])
        #expect(plan.shapes.first?.name == "test-similarity[seqLen=256]")
        #expect(plan.parameters.first == ["seqLen": .number(256), "dim": .number(768)])
    }

    @Test func badKernelParametersAreRefused() throws {
        let seqLen = try SweepParameter.parse("seqLen=128")
        #expect(throws: SweepPlanError.missingShapeParameter("dim")) {
            try KernelSweepPlan(workload: "custom", suite: "flash-attention", grid: ParameterGrid([seqLen]))
        }
        #expect(throws: SweepPlanError.unknownKernelParameter("heads")) {
            try KernelSweepPlan(workload: "custom", suite: "flash-attention", grid: ParameterGrid([seqLen, SweepParameter.parse("heads=8")]))
        }
        for bad in ["dim=0", "dim=1.5", "dim=big", "dim=-4"] {
            #expect(throws: SweepPlanError.self) {
                try KernelSweepPlan(workload: "custom", suite: "flash-attention", grid: ParameterGrid([seqLen, SweepParameter.parse(bad)]))
            }
        }
        #expect(throws: HarnessError.self) {
            try KernelSweepPlan(workload: "no-such", suite: "flash-attention", grid: ParameterGrid([seqLen]))
        }
    }

    @Test func aPointThatCannotFitIsRefusedBeforeMeasuring() throws {
        let grid = try ParameterGrid([SweepParameter.parse("seqLen=1024,65536"), SweepParameter.parse("dim=64")])
        let plan = try KernelSweepPlan(workload: "custom", suite: "flash-attention", grid: grid)
        let machine = MachineMemory(totalBytes: 24 << 30, availableBytes: 20 << 30)
        // The baseline's 65536² scores alone are 16 GiB: within 20 GiB available, beyond a
        // machine of 8 GiB.
        let needed = KernelSweepPlan.memoryNeeded(shape: plan.shapes[1], variants: [.baseline, .flash])
        #expect(needed >= 65536 * 65536 * 4)
        #expect(KernelSweepPlan.memoryNeeded(shape: plan.shapes[1], variants: [.flash]) < 200 << 20, "flash holds n·d, not n²")
        let small = MachineMemory(totalBytes: 8 << 30, availableBytes: 6 << 30)
        #expect(throws: SweepPlanError.notEnoughMemory(
            point: "custom[seqLen=65536,dim=64]", neededBytes: needed, availableBytes: 6 << 30, totalBytes: 8 << 30)
        ) {
            try plan.checkMemory(variants: [.baseline, .flash], machine: small)
        }
        try plan.checkMemory(variants: [.baseline, .flash], machine: machine)
        try plan.checkMemory(variants: [.flash], machine: small)
        let message = SweepPlanError.notEnoughMemory(point: "p", neededBytes: 17 << 30, availableBytes: 6 << 30, totalBytes: 8 << 30).description
        #expect(message.contains("17 GiB") && message.contains("8.0 GiB") && message.contains("6.0 GiB"))
    }

    @Test func commandsGetTheirPlaceholdersFilled() throws {
        let grid = try ParameterGrid([SweepParameter.parse("n=10,20")])
        #expect(CommandSweepRunner.substitute("sort -n {n} {n} {m}", point: ["n": .number(10)]) == "sort -n 10 10 {m}")
        #expect(throws: SweepPlanError.unusedParameter("n")) {
            try CommandSweepRunner(
                grid: grid, templates: [.init(variant: "command", command: "true")], name: "x", runs: 1, iterations: 1,
                warmup: 0, orderSeed: 1, timeout: 10)
        }
    }

    @Test func aCommandSweepRecordsEveryPointWithItsParameters() throws {
        let grid = try ParameterGrid([SweepParameter.parse("n=1,2,3"), SweepParameter.parse("mode=a,b")])
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("qe-sweep-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: log) }
        let runner = try CommandSweepRunner(
            grid: grid,
            templates: [
                .init(variant: "baseline", command: "echo {n}{mode} >> '\(log)'"),
                .init(variant: "candidate", command: "test {n} -gt 0 && test {mode} != z"),
            ],
            name: "shell", runs: 2, iterations: 2, warmup: 1, orderSeed: 3, timeout: 30)
        let results = try runner.run(progress: ProgressDisplay(quiet: true), environment: EnvironmentInfo(), createdAt: "now")
        #expect(results.benchmarks.count == 12)
        #expect(results.benchmarks.first?.name == "shell[n=1,mode=a]")
        #expect(results.benchmarks.first?.parameters == ["n": .number(1), "mode": .string("a")])
        #expect(results.benchmarks.allSatisfy { $0.runs.count == 2 && $0.runs.allSatisfy { $0.samples.count == 2 && $0.warmup.count == 1 } })
        try results.validate(source: "sweep")
        // The baseline command ran at the points in the schedule's order, round by round.
        let expected = runner.schedule.rounds.flatMap { $0 }.flatMap { index -> [String] in
            let point = grid.points[index]
            return Array(repeating: "\(point["n"]?.description ?? "")\(point["mode"]?.description ?? "")", count: 3)
        }
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines == expected)
    }

    @Test func aKernelSweepStartsOneWorkerPerVisitInTheScheduledOrder() throws {
        let grid = try ParameterGrid([SweepParameter.parse("seqLen=16,32,64"), SweepParameter.parse("dim=8")])
        let plan = try KernelSweepPlan(workload: "custom", suite: "flash-attention", grid: grid)
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("qe-sweep-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: log) }
        // A worker that records the shape it was given and reports one sample per variant.
        let script = #"""
            plan="$2"
            name=$(printf '%s' "$plan" | sed -n 's/.*"name":"\([^"]*\)".*/\1/p')
            run=$(printf '%s' "$plan" | sed -n 's/.*"run":\([0-9]*\).*/\1/p')
            echo "$name $run" >> "$LOG"
            s='"samples":[1000,1100],"warmup":[],"workingSetBytes":64,"peakAllocatedBytes":64,"startedAt":"t"'
            echo "{\"run\":$run,\"series\":[{\"workload\":\"$name\",\"variant\":\"baseline\",$s},{\"workload\":\"$name\",\"variant\":\"flash\",$s}],\"maxOutputDifference\":{}}"
            """#
        let runner = KernelSweepRunner(
            plan: plan, suite: "flash-attention", variants: ["baseline", "flash"], runs: 3, iterations: 2, warmup: 0,
            inputSeed: 1, orderSeed: 9, timeout: 30, workerCommand: ["/bin/sh", "-c", "LOG='\(log)'; " + script, "worker"])
        let results = try runner.run(progress: ProgressDisplay(quiet: true), environment: EnvironmentInfo(), createdAt: "now")
        let visits = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map(String.init)
        let expected = runner.schedule.rounds.enumerated().flatMap { round, order in
            order.map { "\(plan.shapes[$0].name) \(round + 1)" }
        }
        #expect(visits == expected)
        #expect(results.benchmarks.map(\.name) == ["custom[seqLen=16,dim=8]", "custom[seqLen=16,dim=8]", "custom[seqLen=32,dim=8]",
                                                   "custom[seqLen=32,dim=8]", "custom[seqLen=64,dim=8]", "custom[seqLen=64,dim=8]"])
        #expect(results.benchmarks.allSatisfy { $0.runs.count == 3 && $0.memory?.workingSetBytes == 64 })
        #expect(results.benchmarks[4].parameters == ["seqLen": .number(64), "dim": .number(8)])
        #expect(results.outputsVerified == true)
        try results.validate(source: "sweep")
    }
}
