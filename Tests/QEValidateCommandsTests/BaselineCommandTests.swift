import Foundation
import QEResults
import QETestSupport
import QEValidation
import Testing

@testable import QEValidateCommands

@Suite("qe-validate baseline update and show")
struct BaselineCommandTests {
    /// Runs the built executable through /bin/sh, so a test can set resource limits first.
    static func shell(_ script: String, arguments: [String]) throws -> (status: Int32, signalled: Bool, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, try ExecutableTests.executable().path] + arguments
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, process.terminationReason == .uncaughtSignal, String(decoding: stderr, as: UTF8.self))
    }

    @Test func updateRecordsProvenanceAndShowReportsIt() async throws {
        let scratch = try ScratchDirectory()
        let results = scratch.file("results.json")
        try GateResults.file(seed: 1).write(to: results)
        let baseline = scratch.file("flash-attention.json")
        #expect(await CommandRunner.run(["baseline", "update", results, "--to", baseline, "--signed-off-by", "Ada Lovelace <ada@example.org>", "--quiet"]) == 0)
        let file = try BaselineFile.read(from: baseline)
        let provenance = try #require(file.provenance)
        #expect(provenance.signedOffBy == "Ada Lovelace <ada@example.org>")
        #expect(provenance.source == results)
        #expect(provenance.gitCommit == GateResults.machine.gitCommit, "the measured code's commit")
        #expect(provenance.recordedAt.hasSuffix("Z"))
        #expect(file.results == (try ResultsFile.read(from: results)), "raw samples kept")

        let shown = scratch.file("shown.txt")
        #expect(await CommandRunner.run(["baseline", "show", baseline, "--output", shown]) == 0)
        let text = try String(contentsOfFile: shown, encoding: .utf8)
        for words in ["alpha", "beta", "flash", "Signed off by: Ada Lovelace <ada@example.org>", "Recorded: ", "AMD EPYC 7B13", "run-to-run sd"] {
            #expect(text.contains(words), "missing \(words)")
        }
        let json = scratch.file("shown.json")
        #expect(await CommandRunner.run(["baseline", "show", baseline, "--format", "json", "--output", json]) == 0)
        let summary = try JSONDecoder().decode(BaselineSummary.self, from: Data(contentsOf: URL(fileURLWithPath: json)))
        #expect(summary.benchmarks.count == 4)
        #expect(summary.benchmarks.allSatisfy { $0.description.runs == 5 && $0.noise != nil })
        let markdown = scratch.file("shown.md")
        #expect(await CommandRunner.run(["baseline", "show", baseline, "--format", "markdown", "--output", markdown]) == 0)
        #expect(try String(contentsOfFile: markdown, encoding: .utf8).contains("Ada Lovelace &lt;ada@example.org&gt;"))
    }

    @Test func aBaselineIsReadByCompareAsItIs() async throws {
        let scratch = try ScratchDirectory()
        let results = scratch.file("results.json")
        try GateResults.file(seed: 1).write(to: results)
        let baseline = scratch.file("b.json")
        #expect(await CommandRunner.run(["baseline", "update", results, "--to", baseline, "--quiet"]) == 0)
        #expect(await CommandRunner.run(["compare", baseline, "--output", scratch.file("c.txt")]) == 0)
    }

    @Test func aPlainResultsFileIsShownWithoutProvenance() async throws {
        let scratch = try ScratchDirectory()
        let results = scratch.file("results.json")
        try GateResults.file(seed: 1).write(to: results)
        let shown = scratch.file("shown.txt")
        #expect(await CommandRunner.run(["baseline", "show", results, "--output", shown]) == 0)
        #expect(try String(contentsOfFile: shown, encoding: .utf8).contains("Provenance: none"))
    }

    @Test func invalidNewResultsLeaveTheOldBaselineIntact() async throws {
        let scratch = try ScratchDirectory()
        let results = scratch.file("results.json")
        try GateResults.file(seed: 1).write(to: results)
        let baseline = scratch.file("b.json")
        #expect(await CommandRunner.run(["baseline", "update", results, "--to", baseline, "--quiet"]) == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: baseline))

        let bad = try scratch.write("{\"schema\": \"qe-validate/results@1\", \"suite\": \"s\", \"unit\": \"ns\", \"benchmarks\": [{\"name\": \"w\", \"variant\": \"v\", \"runs\": [{\"samples\": [1, NaN]}]}]}", to: "bad.json")
        let truncated = try scratch.write(Array(try Data(contentsOf: URL(fileURLWithPath: results)).prefix(500)), to: "truncated.json")
        for input in [bad, truncated] {
            #expect(await CommandRunner.run(["baseline", "update", input, "--to", baseline]) == 65)
            #expect(try Data(contentsOf: URL(fileURLWithPath: baseline)) == before)
        }
        #expect(await CommandRunner.run(["baseline", "update", scratch.file("missing.json"), "--to", baseline]) == 66)
        #expect(try Data(contentsOf: URL(fileURLWithPath: baseline)) == before)
        #expect(try scratch.contents() == ["b.json", "bad.json", "results.json", "truncated.json"], "no temporary files")
    }

    @Test func aWriteThatFailsMidwayLeavesTheOldBaselineIntact() throws {
        let scratch = try ScratchDirectory()
        let results = scratch.file("results.json")
        try GateResults.file(seed: 1).write(to: results)
        let baseline = scratch.file("b.json")
        try BaselineFile(results: GateResults.file(seed: 9), provenance: BaselineProvenance(recordedAt: "2026-01-01T00:00:00Z"))
            .write(to: baseline)
        let before = try Data(contentsOf: URL(fileURLWithPath: baseline))
        // Files may grow to 2 KB only (the baseline is about 6 KB) (root ignores permissions, not this limit); SIGXFSZ is
        // ignored, so the write fails with EFBIG and the command must clean up and exit 73.
        let result = try Self.shell("ulimit -f 4; trap '' XFSZ; exec \"$0\" baseline update \"$1\" --to \"$2\"", arguments: [results, baseline])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains(baseline))
        #expect(try Data(contentsOf: URL(fileURLWithPath: baseline)) == before)
        #expect(try scratch.contents() == ["b.json", "results.json"], "the temporary file is removed")
    }

    @Test(.tags(.slow), .skippedWhenFast) func anUpdateKilledMidWriteLeavesTheOldBaselineIntact() throws {
        let scratch = try ScratchDirectory()
        // Big enough (about 10 MB) that writing it takes a while.
        let runs = (0..<5).map { run in BenchmarkRun(samples: (0..<200_000).map { Double(1_000_000 + 37 * ($0 % 1000) + run) }) }
        let big = ResultsFile(suite: "s", unit: .nanoseconds, environment: GateResults.machine,
                              benchmarks: [Benchmark(name: "w", variant: "baseline", runs: runs)])
        let results = scratch.file("results.json")
        try big.write(to: results)
        let baseline = scratch.file("b.json")
        try BaselineFile(results: GateResults.file(seed: 9), provenance: BaselineProvenance(recordedAt: "2026-01-01T00:00:00Z"))
            .write(to: baseline)
        let before = try Data(contentsOf: URL(fileURLWithPath: baseline))

        let process = Process()
        process.executableURL = try ExecutableTests.executable()
        process.arguments = ["baseline", "update", results, "--to", baseline, "--quiet"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it (SIGKILL: no clean-up) as soon as the new baseline's temporary file appears.
        var killedWhileWriting = false
        while process.isRunning {
            if try scratch.contents().contains(where: { $0.hasPrefix(".b.json.tmp-") }) {
                kill(process.processIdentifier, SIGKILL)
                killedWhileWriting = true
                break
            }
            usleep(200)
        }
        process.waitUntilExit()
        try #require(killedWhileWriting, "the update finished before it could be interrupted")
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try Data(contentsOf: URL(fileURLWithPath: baseline)) == before, "the old baseline is intact")
        #expect(try BaselineFile.read(from: baseline).results == GateResults.file(seed: 9))
        // Only the killed process's partial temporary file may remain beside it; a new update
        // works regardless.
        #expect(try scratch.contents().filter { !$0.hasPrefix(".b.json.tmp-") } == ["b.json", "results.json"])
        let small = scratch.file("small.json")
        try GateResults.file(seed: 1).write(to: small)
        let again = try ExecutableTests.run(["baseline", "update", small, "--to", baseline, "--quiet"])
        #expect(again.status == 0)
    }

    @Test(arguments: ["Ada", "ada@example.org", "<ada@example.org>", "Ada <ada>", "Ada <ada@example.org", "Ada <a da@example.org>"])
    func malformedSignOffsAreUsageErrors(signOff: String) async throws {
        let scratch = try ScratchDirectory()
        let results = scratch.file("results.json")
        try GateResults.file(seed: 1).write(to: results)
        #expect(await CommandRunner.run(["baseline", "update", results, "--to", scratch.file("b.json"), "--signed-off-by", signOff]) == 64)
        #expect(try scratch.contents() == ["results.json"])
    }

    @Test func anUnwritableTargetIs73() async throws {
        let scratch = try ScratchDirectory()
        let results = scratch.file("results.json")
        try GateResults.file(seed: 1).write(to: results)
        #expect(await CommandRunner.run(["baseline", "update", results, "--to", scratch.file("missing/dir/b.json")]) == 73)
    }

    @Test func warningsForPoorBaselines() {
        var file = GateResults.file(runs: 2, seed: 1)
        file.environment.build = "debug"
        file.environment.cpu = nil
        let warnings = BaselineAdvice.warnings(for: file)
        #expect(warnings.count == 3)
        #expect(BaselineAdvice.warnings(for: GateResults.file(seed: 1)).isEmpty)
    }
}
