import Foundation
import QEResults
import QETestSupport
import Testing

/// The judging commands read pyperf, asv, package-benchmark and XCTest files directly, through
/// the same import options as every other format.
@Suite("Judging pyperf, asv, package-benchmark and XCTest files")
struct ForeignFormatCommandTests {
    private static func fixture(_ relative: String) -> String { ImportCommandTests.fixture(relative) }

    private static func json(_ path: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    private static func warnings(_ document: [String: Any]) -> [String] {
        document["warnings"] as? [String] ?? []
    }

    @Test func compareReadsAPackageBenchmarkBaseline() async throws {
        let scratch = try ScratchDirectory()
        let output = scratch.file("verdict.json")
        let status = await CommandRunner.run([
            "compare", Self.fixture("package-benchmark/fixture/results.json"), "--baseline-variant", "baseline",
            "--candidate-variant", "candidate", "--format", "json", "--output", output,
        ])
        #expect(status == 0)
        let document = try Self.json(output)
        let benchmarks = try #require(document["benchmarks"] as? [[String: Any]])
        #expect(benchmarks.compactMap { $0["name"] as? String } == ["sum"])
        let speedup = try #require(benchmarks.first?["speedup"] as? [String: Any])
        // Four accumulators against one: 11.02 µs ÷ 4.631 µs.
        let estimate = try #require(speedup["estimate"] as? Double)
        #expect(estimate > 2.3 && estimate < 2.45)
        #expect(Self.warnings(document).contains { $0.contains("rounded to an HDR histogram's precision") })
    }

    @Test func claimReadsAPyperfSuiteWithAPattern() async throws {
        let scratch = try ScratchDirectory()
        let output = scratch.file("claim.json")
        // In Python the unrolled loop is slower: a claimed 3x speedup is refuted.
        let status = await CommandRunner.run([
            "--claim", "3x", "--results", Self.fixture("pyperf/suite.json"), "--name-pattern", "(?<name>.+)-(?<variant>baseline|candidate)",
            "--baseline-variant", "baseline", "--candidate-variant", "candidate", "--format", "json", "-o", output,
        ])
        #expect(status == 1)
        let document = try Self.json(output)
        let benchmarks = try #require(document["benchmarks"] as? [[String: Any]])
        #expect(benchmarks.compactMap { $0["name"] as? String } == ["sum"])
        #expect(benchmarks.first?["verdict"] as? String == "refuted")
        #expect(Self.warnings(document).contains { $0.contains("mean of a batch of iterations") })
    }

    @Test func gateReadsPackageBenchmarkResultsAgainstABaseline() async throws {
        let scratch = try ScratchDirectory()
        let baseline = scratch.file("baseline.json")
        try ResultsInput.load(path: Self.fixture("package-benchmark/fixture/results.json")).write(to: baseline)
        let output = scratch.file("gate.json")
        let status = await CommandRunner.run([
            "gate", "--baseline", baseline, Self.fixture("package-benchmark/second/results.json"), "--format", "json", "--output", output,
        ])
        #expect(status == 0)
        let document = try Self.json(output)
        #expect((document["benchmarks"] as? [[String: Any]])?.count == 3)
        #expect(Self.warnings(document).contains { $0.contains("second/results.json") && $0.contains("HDR histogram") })
    }

    @Test func varianceReadsXCTestLogs() async throws {
        let scratch = try ScratchDirectory()
        let joined = try (1...3).flatMap { try Array(Data(contentsOf: URL(fileURLWithPath: Self.fixture("xctest/linux-run\($0).log")))) }
        let log = try scratch.write(joined, to: "all.log")
        let output = scratch.file("variance.json")
        let status = await CommandRunner.run(["variance", log, "--format", "json", "--output", output])
        #expect(status == 0)
        let benchmarks = try #require(try Self.json(output)["benchmarks"] as? [[String: Any]])
        #expect(benchmarks.count == 2)
    }

    @Test func compareReadsAsvResults() throws {
        let result = try ExecutableTests.run(["compare", Self.fixture("asv/samples.json"), "--baseline-variant", "baseline", "--candidate-variant", "candidate"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("bench_sum.SumSuite.time_sum(size=1000)"))
        #expect(result.stdout.contains("bench_sum.SumSuite.time_sum(size=10000)"))
    }

    /// A pattern the linear-time matcher cannot run is a usage error naming it; a pattern that
    /// makes backtracking engines explode runs at once.
    @Test func namePatternsAreUsageErrorsOrLinear() throws {
        let input = Self.fixture("pyperf/suite.json")
        let lookahead = try ExecutableTests.run(["compare", input, "--name-pattern", "(?<name>sum)(?=-)"])
        #expect(lookahead.status == 64)
        #expect(lookahead.stderr.contains("--name-pattern '(?<name>sum)(?=-)': not a valid regular expression: lookahead"), "\(lookahead.stderr)")
        let pathological = try ExecutableTests.run(["import", "pyperf", input, "--name-pattern", "^(?<name>(s|u|m|s+)+)(?<variant>-.*)$"])
        #expect(pathological.status == 0, "\(pathological.stderr)")
        #expect(pathological.stderr.contains("imported 2 benchmarks (sum (-baseline), sum (-candidate))"), "\(pathological.stderr)")
    }
}
