import Foundation
import QEReports
import QEResults
import QETestSupport
import QEValidation
import Testing

/// The report's run-to-run variance and gate sections, made and verified as a user does (the
/// built executable).
@Suite("qe-validate report: variance and gate sections", .tags(.slow), .skippedWhenFast)
struct ReportSectionsTests {
    static let date = "2026-11-27T09:00:00Z"

    static func document(_ path: String) throws -> ReportDocument {
        try ReportJSON.decode(ReportDocument.self, from: Array(try Data(contentsOf: URL(fileURLWithPath: path))), source: path)
    }

    static func verifies(_ path: String) throws -> Bool {
        let result = try ExecutableTests.run(["verify", path])
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        return result.status == 0 && result.stdout.hasSuffix("verified\n")
    }

    @Test func everyReportHasTheVarianceSectionAndNoGateWithoutABaseline() throws {
        let scratch = try ScratchDirectory()
        let input = try ReportCommandTests.results(["a": 3.0, "b": 4.0], in: scratch)
        #expect(try ExecutableTests.run(["report", input, "--claim", "2.49x-7.47x", "--out", scratch.path, "--name", "r", "--date", Self.date]).status == 0)
        let document = try Self.document(scratch.file("r.json"))
        #expect(document.gate == nil && document.request.gate == nil)
        let variance = try #require(document.variance)
        #expect(variance.rows.map { "\($0.name)/\($0.variant)" } == ["a/baseline", "a/flash", "b/baseline", "b/flash"])
        #expect(variance.rows.allSatisfy { $0.runs == 5 && $0.betweenRunShare != nil && $0.kruskalWallisP != nil && !$0.findings.isEmpty })
        #expect(try Self.verifies(scratch.file("r.json")))
        // No gate key at all in the JSON: reports made before the gate section read the same.
        let json = try String(contentsOfFile: scratch.file("r.json"), encoding: .utf8)
        #expect(!json.contains("\"gate\""))
        let markdown = try String(contentsOfFile: scratch.file("r.md"), encoding: .utf8)
        #expect(markdown.contains("## Run-to-run variance") && markdown.contains("| a | flash | 5 |") && !markdown.contains("## Gate results"))
        let html = try String(contentsOfFile: scratch.file("r.html"), encoding: .utf8)
        #expect(html.contains("id=\"variance\"") && html.contains("<table class=\"variance\">") && !html.contains("id=\"gate\""))
    }

    /// An edited variance figure fails verification.
    @Test func anEditedVarianceFigureFails() throws {
        let scratch = try ScratchDirectory()
        let input = try ReportCommandTests.results(["a": 3.0], in: scratch)
        _ = try ExecutableTests.run(["report", input, "--claim", "2x", "--out", scratch.path, "--name", "r", "--date", Self.date])
        var document = try Self.document(scratch.file("r.json"))
        document.variance?.rows[0].betweenRunShare = 0.5
        document.variance?.rows[1].findings = ["all runs alike"]
        try Data(try ReportJSON.encode(document)).write(to: URL(fileURLWithPath: scratch.file("r.json")))
        let result = try ExecutableTests.run(["verify", scratch.file("r.json")])
        #expect(result.status == 1)
        #expect(result.stdout.contains("variance.rows[0") && result.stdout.contains("].betweenRunShare: the report states 0.5"))
        #expect(result.stdout.contains("variance.rows[1") && result.stdout.contains("].findings"))
    }

    static func gateFiles(_ scratch: ScratchDirectory, results environment: EnvironmentInfo = GateResults.machine) throws -> (baseline: String, results: String) {
        let baseline = scratch.file("baseline.json")
        try BaselineFile(results: GateResults.file(seed: 1), provenance: BaselineProvenance(recordedAt: "2026-11-20T10:00:00Z")).write(to: baseline)
        let results = scratch.file("results.json")
        try GateResults.file(factors: ["alpha": 1.3], seed: 2, environment: environment).write(to: results)
        return (baseline, results)
    }

    @Test func theGateSectionJudgesAgainstTheEmbeddedBaselineAndVerifies() throws {
        let scratch = try ScratchDirectory()
        let (baseline, results) = try Self.gateFiles(scratch)
        let report = try ExecutableTests.run([
            "report", results, "--claim", "3x-5x", "--baseline", baseline, "--max-regression", "3%", "--out", scratch.path, "--name", "g", "--date", Self.date,
        ])
        #expect(report.status == 0, "the claim holds; the gate does not change the exit status: \(report.stderr)")
        #expect(report.stdout.contains("gate (\(results) against \(baseline)): regression"))
        let document = try Self.document(scratch.file("g.json"))
        #expect(document.rawData.map(\.role) == [.results, .baseline])
        #expect(document.rawData[1].content == (try String(contentsOfFile: baseline, encoding: .utf8)))
        let gate = try #require(document.gate)
        let judgement = try #require(gate.judgements.first)
        #expect(judgement.verdict == .regression && judgement.refusal == nil)
        let verdicts = Dictionary(uniqueKeysWithValues: judgement.rows.map { ("\($0.name)/\($0.variant)", $0.verdict) })
        #expect(verdicts["alpha/baseline"] == .regression && verdicts["alpha/flash"] == .regression)
        #expect(verdicts["beta/baseline"] != .regression && verdicts["beta/flash"] != .regression)
        #expect(judgement.rows.allSatisfy { $0.low <= $0.timeRatio && $0.timeRatio <= $0.high && $0.threshold == 0.03 })
        #expect(document.request.command.contains("--baseline \(baseline) --max-regression 3%"))
        #expect(try Self.verifies(scratch.file("g.json")))
        let markdown = try String(contentsOfFile: scratch.file("g.md"), encoding: .utf8)
        #expect(markdown.contains("## Gate results") && markdown.contains("| alpha | baseline | 1.3"))
        let html = try String(contentsOfFile: scratch.file("g.html"), encoding: .utf8)
        #expect(html.contains("id=\"gate\"") && html.contains("data-gate-verdict=\"regression\"") && !html.contains("<script"))

        // The gate command finds the same verdict and intervals.
        let output = scratch.file("gate.json")
        _ = try ExecutableTests.run(["gate", "--baseline", baseline, results, "--max-regression", "3%", "--format", "json", "--output", output])
        let gateDocument = try JSONDecoder().decode(GateDocument.self, from: Data(contentsOf: URL(fileURLWithPath: output)))
        #expect(gateDocument.verdict == judgement.verdict)
        #expect(gateDocument.benchmarks.map(\.timeRatio.low) == judgement.rows.map(\.low))

        // An edited gate verdict fails verification.
        var edited = document
        edited.gate?.judgements[0].rows[0].verdict = .pass
        try Data(try ReportJSON.encode(edited)).write(to: URL(fileURLWithPath: scratch.file("g.json")))
        let tampered = try ExecutableTests.run(["verify", scratch.file("g.json")])
        #expect(tampered.status == 1 && tampered.stdout.contains("gate.judgements[0].rows[0") && tampered.stdout.contains("].verdict: the report states \"pass\""))
    }

    @Test func aForeignBaselineIsStatedAsARefusalUnlessAllowed() throws {
        let scratch = try ScratchDirectory()
        var other = GateResults.machine
        other.cores = 64
        let (baseline, results) = try Self.gateFiles(scratch, results: other)
        let refused = try ExecutableTests.run(["report", results, "--claim", "3x-5x", "--baseline", baseline, "--out", scratch.path, "--name", "f", "--date", Self.date])
        #expect(refused.status == 0, "the report is written: \(refused.stderr)")
        let judgement = try #require(try Self.document(scratch.file("f.json")).gate?.judgements.first)
        #expect(judgement.verdict == nil && judgement.rows.isEmpty)
        #expect(judgement.refusal?.contains("core count '2' (baseline) vs '64' (results)") == true)
        #expect(try Self.verifies(scratch.file("f.json")))
        #expect(try String(contentsOfFile: scratch.file("f.md"), encoding: .utf8).contains("The gate refused to judge:"))

        let allowed = try ExecutableTests.run([
            "report", results, "--claim", "3x-5x", "--baseline", baseline, "--allow-foreign-machine", "--out", scratch.path, "--name", "a", "--date", Self.date,
        ])
        #expect(allowed.status == 0)
        let judged = try #require(try Self.document(scratch.file("a.json")).gate?.judgements.first)
        #expect(judged.verdict == .regression && judged.warnings.contains { $0.contains("--allow-foreign-machine") })
        #expect(try Self.verifies(scratch.file("a.json")))
    }

    @Test func gateOptionsNeedABaselineAndBadBaselinesAreRefused() throws {
        let scratch = try ScratchDirectory()
        let input = try ReportCommandTests.results(["a": 3.0], in: scratch)
        let usage = try ExecutableTests.run(["report", input, "--claim", "2x", "--max-regression", "3%", "--out", scratch.path])
        #expect(usage.status == 64 && usage.stderr.contains("need --baseline"))
        #expect(try ExecutableTests.run(["report", input, "--claim", "2x", "--baseline", scratch.file("none.json"), "--out", scratch.path]).status == 66)
        try Data("{\"schema\": \"qe-validate/results@1\"".utf8).write(to: URL(fileURLWithPath: scratch.file("bad.json")))
        #expect(try ExecutableTests.run(["report", input, "--claim", "2x", "--baseline", scratch.file("bad.json"), "--out", scratch.path]).status == 65)
        #expect(try scratch.contents() == ["bad.json", "results.json"], "nothing written")
    }

    /// `--baseline git:REV:PATH` embeds the committed baseline, not the working copy's.
    @Test func aGitBaselineIsReadFromTheRevision() throws {
        let (scratch, results) = try GateGitBaselineTests.repository()
        let report = try GateGitBaselineTests.runExecutable(
            ["report", results, "--claim", "3x-5x", "--baseline", "git:HEAD:baselines/x.json", "--out", scratch.path, "--name", "g", "--date", Self.date],
            in: scratch.path)
        #expect(report.status == 0, "\(report.stderr)")
        let document = try Self.document(scratch.file("g.json"))
        #expect(document.rawData[1].path == "git:HEAD:baselines/x.json" && document.rawData[1].role == .baseline)
        #expect(document.gate?.judgements.first?.verdict == .regression, "the committed baseline shows alpha's regression")
        #expect(try Self.verifies(scratch.file("g.json")))
    }
}
