import Foundation
import QEResults
import QETestSupport
import Testing

@Suite("qe-validate run (the executable, with its worker processes)", .tags(.slow), .skippedWhenFast)
struct RunExecutableTests {
    @Test func builtInKernelsMakeACompleteResultsFile() throws {
        let scratch = try ScratchDirectory()
        let out = scratch.file("results.json")
        let result = try ExecutableTests.run([
            "run", "--workload", "pattern-adaptation", "--workload", "coverage-analysis",
            "--runs", "2", "--iterations", "3", "--warmup", "1", "--out", out,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "no progress when standard error is not a terminal")
        let file = try ResultsFile.read(from: out)
        #expect(file.suite == "flash-attention")
        #expect(file.unit == .nanoseconds)
        #expect(file.benchmarks.map(\.key.description) == [
            "pattern-adaptation (baseline)", "pattern-adaptation (flash)",
            "coverage-analysis (baseline)", "coverage-analysis (flash)",
        ])
        for benchmark in file.benchmarks {
            #expect(benchmark.runs.count == 2)
            #expect(benchmark.runs.allSatisfy { $0.samples.count == 3 && $0.warmup.count == 1 && $0.startedAt != nil })
            let memory = try #require(benchmark.memory)
            #expect(try #require(memory.workingSetBytes) > 0)
            #expect(try #require(memory.peakAllocatedBytes) > 0)
            #expect(benchmark.parameters["seqLen"] != nil && benchmark.parameters["dim"] != nil)
        }
        let environment = file.environment
        #expect(environment.cores != nil && environment.cpu != nil && environment.os != nil && environment.kernel != nil)
        #expect(environment.toolchain != nil)
        // The build names the kernels' instruction set: the two paths' timings must not mix.
        let build = try #require(environment.build)
        #expect(build.hasPrefix("debug; kernels ") || build.hasPrefix("release; kernels "), "\(build)")
        #expect(try #require(environment.command).contains("--workload pattern-adaptation"))
        #expect(file.createdAt != nil)
        // The file is ready for judging.
        let compared = try ExecutableTests.run(["compare", out, "--format", "csv"])
        #expect(compared.status == 0)
        #expect(compared.stdout.contains("pattern-adaptation,baseline,flash"))
    }

    @Test func externalCommandsAreTimedAndJudged() throws {
        let scratch = try ScratchDirectory()
        let out = scratch.file("commands.json")
        let result = try ExecutableTests.run([
            "run", "--baseline-cmd", "sleep 0.02", "--candidate-cmd", "true", "--name", "sleepy",
            "--runs", "2", "--iterations", "4", "--warmup", "1", "--out", out,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let file = try ResultsFile.read(from: out)
        #expect(file.benchmarks.map(\.key.description) == ["sleepy (baseline)", "sleepy (candidate)"])
        #expect(file.benchmarks[0].runs.flatMap(\.samples).allSatisfy { $0 >= 20_000_000 })
        #expect(file.environment.build.map { !$0.contains("kernels") } == true, "no kernels ran")
        let compared = try ExecutableTests.run(["compare", out, "--format", "json"])
        #expect(compared.status == 0)
        #expect(compared.stdout.contains("\"verdict\" : \"faster\""))
    }

    @Test func aFailingCommandLeavesNoResults() throws {
        let scratch = try ScratchDirectory()
        let out = scratch.file("never.json")
        let result = try ExecutableTests.run([
            "run", "--baseline-cmd", "true", "--candidate-cmd", "echo cannot >&2; exit 5",
            "--runs", "1", "--iterations", "2", "--out", out,
        ])
        #expect(result.status == 65)
        #expect(result.stderr.contains("echo cannot >&2; exit 5") && result.stderr.contains("cannot"))
        #expect(try scratch.contents().isEmpty)
    }

    @Test(arguments: [
        ["run", "--workload", "no-such-workload"], ["run", "--variants", "baseline,turbo"],
        ["run", "--runs", "0"], ["run", "--baseline-cmd", "true"],
    ])
    func badRequestsAreUsageErrors(arguments: [String]) throws {
        let result = try ExecutableTests.run(arguments)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }
}
