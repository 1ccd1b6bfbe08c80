import Foundation
import QEResults
import QETestSupport
import Testing

@Suite("qe-validate compare: bad input and exit codes")
struct CompareCommandErrorTests {
    @Test func missingFileExits66() async throws {
        let scratch = try ScratchDirectory()
        #expect(await CommandRunner.run(["compare", scratch.file("absent.json")]) == 66)
    }

    @Test(arguments: [
        ("not json at all", "garbage"),
        (#"{"schema": "qe-validate/results@1", "suite": "s", "unit": "ns", "benchmarks": [{"name": "a", "variant": "baseline", "runs": [{"samples": [1, NaN]}]}]}"#, "nan"),
        (#"{"schema": "qe-validate/results@1", "suite": "s", "unit": "ns", "benchmarks": [{"name": "a", "variant": "baseline", "runs": []}]}"#, "no runs"),
        (#"{"schema": "other", "suite": "s", "unit": "ns", "benchmarks": []}"#, "schema"),
    ])
    func invalidDataExits65(text: String, label: String) async throws {
        let scratch = try ScratchDirectory()
        let input = try scratch.write(text, to: "\(label.replacingOccurrences(of: " ", with: "-")).json")
        #expect(await CommandRunner.run(["compare", input]) == 65)
    }

    @Test func noBenchmarkWithBothVariantsExits65() async throws {
        let scratch = try ScratchDirectory()
        let input = scratch.file("results.json")
        try SyntheticResults.file(speedups: ["alpha": 2], runs: 1, iterations: 10).write(to: input)
        #expect(await CommandRunner.run(["compare", input, "--candidate-variant", "tiled"]) == 65)
    }

    @Test(arguments: [
        ["--confidence", "1.5"], ["--confidence", "0"], ["--method", "magic"], ["--format", "xml"],
        ["--baseline-variant", "flash", "--candidate-variant", "flash"],
    ])
    func badOptionsAreUsageErrors(options: [String]) async throws {
        let scratch = try ScratchDirectory()
        let input = scratch.file("results.json")
        try SyntheticResults.file(speedups: ["alpha": 2], runs: 1, iterations: 10).write(to: input)
        #expect(await CommandRunner.run(["compare", input] + options) == 64)
    }

    @Test func unwritableOutputExits73AndLeavesNothingBehind() async throws {
        let scratch = try ScratchDirectory()
        let input = scratch.file("results.json")
        try SyntheticResults.file(speedups: ["alpha": 2], runs: 1, iterations: 10).write(to: input)
        let blocked = scratch.file("no-such-directory/verdict.json")
        #expect(await CommandRunner.run(["compare", input, "--format", "json", "-o", blocked]) == 73)
        #expect(try scratch.contents() == ["results.json"])
    }

    @Test func anExistingOutputIsReplacedWhole() async throws {
        let scratch = try ScratchDirectory()
        let input = scratch.file("results.json")
        try SyntheticResults.file(speedups: ["alpha": 2], runs: 1, iterations: 10).write(to: input)
        let output = try scratch.write(String(repeating: "old content\n", count: 10_000), to: "verdict.csv")
        #expect(await CommandRunner.run(["compare", input, "--format", "csv", "-o", output]) == 0)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(!text.contains("old content"))
        #expect(try scratch.contents() == ["results.json", "verdict.csv"])
    }
}
