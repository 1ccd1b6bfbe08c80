import Foundation
import QEPresentation
import QETestSupport
import QEValidation
import Testing

/// `hyperfine --export-json hf.json 'old cmd' 'new cmd'`, then judging hf.json: two variants,
/// neither called baseline, taken in hyperfine's order, and said so.
@Suite("Choosing the variants of another tool's file", .tags(.slow), .skippedWhenFast)
struct VariantChoiceTests {
    /// The hyperfine fixture with its commands named as a user names them.
    static func hyperfine(in scratch: ScratchDirectory, commands: [String] = ["sort-old input.txt", "sort-new input.txt"]) throws -> String {
        var text = try String(contentsOfFile: ImportCommandTests.fixture("hyperfine/compare.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"command\": \"baseline\"", with: "\"command\": \"\(commands[0])\"")
        text = text.replacingOccurrences(of: "\"command\": \"candidate\"", with: "\"command\": \"\(commands[1])\"")
        return try scratch.write(text, to: "hf.json")
    }

    @Test func twoVariantsAreTakenInTheToolsOrder() {
        let choice = VariantChoice(variants: ["old", "new"], candidate: nil)
        #expect(choice.baseline == "old" && choice.candidate == "new")
        #expect(choice.note?.contains("'old' is the baseline and 'new' the candidate") == true)
        let named = VariantChoice(variants: ["old", "new"], candidate: "old")
        #expect(named.baseline == "new" && named.candidate == "old")
        let usual = VariantChoice(variants: ["baseline", "flash", "tiled"], candidate: nil)
        #expect(usual.baseline == "baseline" && usual.candidate == "flash" && usual.note == nil)
        #expect(VariantChoice(variants: ["baseline", "candidate"], candidate: nil).candidate == "candidate")
        let three = VariantChoice(variants: ["a", "b", "c"], candidate: nil)
        #expect(three.note == nil && three.baseline == "baseline", "three variants: no guess")
    }

    @Test func compareAndClaimJudgeAHyperfineFileOfTwoCommands() throws {
        let scratch = try ScratchDirectory()
        let input = try Self.hyperfine(in: scratch)
        let compared = try ExecutableTests.run(["compare", input, "--format", "json"])
        #expect(compared.status == 0, "\(compared.stderr)")
        let document = try DocumentJSON.decoder().decode(ComparisonDocument.self, from: Data(compared.stdout.utf8))
        #expect(document.benchmarks.map(\.baselineVariant) == ["sort-old input.txt"])
        #expect(document.benchmarks.map(\.candidateVariant) == ["sort-new input.txt"])
        #expect(document.warnings.contains { $0.hasPrefix("no 'baseline' variant: 'sort-old input.txt' is the baseline") })
        let claimed = try ExecutableTests.run(["--claim", "1.5x-2.5x", "--results", input])
        #expect(claimed.status == 0, "exceeds, so validated: \(claimed.stderr)")
        #expect(claimed.stdout.contains("• no 'baseline' variant: 'sort-old input.txt' is the baseline and 'sort-new input.txt' the candidate"))
        let report = try ExecutableTests.run(["report", input, "--claim", "2x", "--out", scratch.path, "--name", "r", "--date", "2026-01-01T00:00:00Z"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(try ExecutableTests.run(["verify", scratch.file("r.json")]).status == 0)
    }

    @Test func otherwiseTheErrorListsTheVariantsAndTheOptions() throws {
        let scratch = try ScratchDirectory()
        let input = try Self.hyperfine(in: scratch)
        let compared = try ExecutableTests.run(["compare", input, "--candidate-variant", "sort-newer"])
        #expect(compared.status == 65)
        #expect(compared.stderr.contains("variants present: sort-old input.txt, sort-new input.txt; choose them with --baseline-variant and --candidate-variant"))
        let claimed = try ExecutableTests.run(["--claim", "2x", "--results", input, "--baseline-variant", "old"])
        #expect(claimed.stderr.contains("variants present: sort-old input.txt, sort-new input.txt; choose them with --baseline-variant and --candidate-variant"))
    }
}

extension VariantChoiceTests {
    @Test func theGateListsBothSidesWhenNothingMatches() throws {
        let scratch = try ScratchDirectory()
        let input = try Self.hyperfine(in: scratch)
        let baseline = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/gate-aa/run-1.json").path
        let gated = try ExecutableTests.run(["gate", "--baseline", baseline, input, "--allow-foreign-machine"])
        #expect(gated.status == 65)
        #expect(gated.stderr.contains("nothing to gate (baseline: test-similarity (baseline), test-similarity (flash)"))
        #expect(gated.stderr.contains("results: command (sort-old input.txt), command (sort-new input.txt))"))
        #expect(gated.stderr.contains("--name-pattern and --variant"))
    }
}
