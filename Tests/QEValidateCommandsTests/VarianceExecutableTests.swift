import Foundation
import QETestSupport
import Testing

@Suite("qe-validate variance (the executable)", .tags(.slow), .skippedWhenFast)
struct VarianceExecutableTests {
    @Test func theShippedExampleIsAnalysed() throws {
        let example = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/flash-attention-sample.json").path
        let result = try ExecutableTests.run(["variance", example])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("benchmark"))
        #expect(result.stdout.contains("Findings:"))
        #expect(result.stderr.isEmpty)
    }

    @Test func aBadFileGetsOneLineNamingItAndNoOutput() throws {
        let scratch = try ScratchDirectory()
        let input = try scratch.write(
            #"{"schema": "qe-validate/results@1", "suite": "s", "unit": "ns", "benchmarks": [{"name": "w", "variant": "v", "runs": [{"samples": [1, NaN]}]}]}"#,
            to: "bad.json")
        let result = try ExecutableTests.run(["variance", input, "--output", scratch.file("variance.txt")])
        #expect(result.status == 65)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains(input))
        #expect(result.stdout.isEmpty)
        #expect(try scratch.contents() == ["bad.json"])
    }

    @Test func anUnknownWorkloadIsAUsageErrorNamingTheWorkloads() throws {
        let example = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/flash-attention-sample.json").path
        let result = try ExecutableTests.run(["variance", example, "--workload", "sorting"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("'sorting'"))
        #expect(result.stderr.contains("code-embedding"))
        #expect(result.stdout.isEmpty)
    }

    @Test func helpShowsExamplesAndExitCodes() throws {
        let result = try ExecutableTests.run(["variance", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Examples:"))
        #expect(result.stdout.contains("Exit codes:"))
        #expect(result.stdout.contains("--target-width"))
    }
}
