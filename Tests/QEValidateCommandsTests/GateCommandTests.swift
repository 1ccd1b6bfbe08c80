import Foundation
import QEResults
import QETestSupport
import QEValidation
import Testing

@testable import QEValidateCommands

@Suite("qe-validate gate")
struct GateCommandTests {
    static func document(_ path: String) throws -> GateDocument {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try decoder.decode(GateDocument.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Writes a baseline (with provenance) and a results file into `scratch`.
    static func files(
        _ scratch: ScratchDirectory, baseline: ResultsFile = GateResults.file(seed: 1), results: ResultsFile
    ) throws -> (baseline: String, results: String) {
        let baselinePath = scratch.file("baseline.json")
        try BaselineFile(results: baseline, provenance: BaselineProvenance(recordedAt: "2026-11-20T10:00:00Z", signedOffBy: "Ada <ada@example.org>"))
            .write(to: baselinePath)
        let resultsPath = scratch.file("results.json")
        try results.write(to: resultsPath)
        return (baselinePath, resultsPath)
    }

    @Test func aaDataPassesWithExitZero() async throws {
        let scratch = try ScratchDirectory()
        let (baseline, results) = try Self.files(scratch, results: GateResults.file(seed: 2))
        let output = scratch.file("verdict.json")
        let status = await CommandRunner.run(["gate", "--baseline", baseline, results, "--format", "json", "--output", output])
        #expect(status == 0)
        let document = try Self.document(output)
        #expect(document.verdict == .passed)
        #expect(document.command == "gate")
        #expect(document.schema == "qe-validate/verdict@1")
        #expect(document.threshold == 0.05)
        #expect(document.baseline.provenance?.signedOffBy == "Ada <ada@example.org>")
        #expect(document.benchmarks.count == 4)
    }

    @Test func aTwentyPercentSlowdownExitsOneAfterWritingTheVerdict() async throws {
        let scratch = try ScratchDirectory()
        let (baseline, results) = try Self.files(scratch, results: GateResults.file(factors: ["alpha": 1.2], seed: 2))
        let output = scratch.file("verdict.md")
        let status = await CommandRunner.run(["gate", "--baseline", baseline, results, "--format", "markdown", "--output", output])
        #expect(status == 1)
        let markdown = try String(contentsOfFile: output, encoding: .utf8)
        #expect(markdown.hasPrefix("### Performance gate: ❌ regression"))
        #expect(markdown.contains("| alpha | flash |"))
        #expect(markdown.contains("❌ **regression**"))
    }

    @Test func aTwoPercentChangeUnderFivePercentPasses() async throws {
        let scratch = try ScratchDirectory()
        let (baseline, results) = try Self.files(
            scratch, baseline: GateResults.file(runs: 10, seed: 3),
            results: GateResults.file(factors: ["alpha": 1.02, "beta": 1.02], runs: 10, seed: 4))
        let output = scratch.file("verdict.json")
        let status = await CommandRunner.run(["gate", "--baseline", baseline, results, "--max-regression", "5%", "--format", "json", "--output", output])
        #expect(status == 0)
        let document = try Self.document(output)
        #expect(document.benchmarks.allSatisfy { $0.verdict == .pass }, "\(document.benchmarks.map(\.timeRatio))")
    }

    @Test func inconclusiveUnderBothPolicies() async throws {
        let scratch = try ScratchDirectory()
        // Run shifts of 10% leave a 5% change undecided.
        let (baseline, results) = try Self.files(
            scratch, baseline: GateResults.file(betweenSigma: 0.10, seed: 5),
            results: GateResults.file(factors: ["alpha": 1.05, "beta": 1.05], betweenSigma: 0.10, seed: 6))
        let passOutput = scratch.file("pass.json")
        #expect(await CommandRunner.run(["gate", "--baseline", baseline, results, "--format", "json", "--output", passOutput]) == 0)
        let passed = try Self.document(passOutput)
        #expect(passed.verdict == .passed)
        #expect(passed.count(.inconclusive) > 0, "\(passed.benchmarks.map(\.timeRatio))")
        #expect(passed.count(.regression) == 0)

        let failOutput = scratch.file("fail.json")
        let status = await CommandRunner.run([
            "gate", "--baseline", baseline, results, "--on-inconclusive", "fail", "--format", "json", "--output", failOutput,
        ])
        #expect(status == 3)
        let failed = try Self.document(failOutput)
        #expect(failed.verdict == .inconclusive)
        #expect(failed.onInconclusive == .fail)
    }

    @Test func aForeignMachineIsRefusedUnlessAllowed() async throws {
        let scratch = try ScratchDirectory()
        var other = GateResults.machine
        other.toolchain = "Swift 6.1"
        other.os = "Ubuntu 24.04 LTS"
        let (baseline, results) = try Self.files(scratch, results: GateResults.file(seed: 2, environment: other))
        let output = scratch.file("verdict.json")
        #expect(await CommandRunner.run(["gate", "--baseline", baseline, results, "--output", output]) == 65)
        #expect(try scratch.contents() == ["baseline.json", "results.json"], "no verdict after a refusal")
        #expect(await CommandRunner.run(["gate", "--baseline", baseline, results, "--allow-foreign-machine", "--format", "json", "--output", output]) == 0)
        let document = try Self.document(output)
        #expect(document.machine.foreignAllowed)
        #expect(document.machine.comparison.differences.map(\.field) == [.os, .toolchain])
    }

    @Test func theRefusalSaysWhatDiffersOnOneLine() throws {
        let scratch = try ScratchDirectory()
        var other = GateResults.machine
        other.cores = 64
        let (baseline, results) = try Self.files(scratch, results: GateResults.file(seed: 2, environment: other))
        let result = try ExecutableTests.run(["gate", "--baseline", baseline, results])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("core count '2' (baseline) vs '64' (results)"))
        #expect(result.stderr.contains("--allow-foreign-machine"))
    }

    @Test func aCorruptedOrTruncatedBaselineExits65AndIsLeftAlone() async throws {
        let scratch = try ScratchDirectory()
        let (baseline, results) = try Self.files(scratch, results: GateResults.file(seed: 2))
        let good = try Data(contentsOf: URL(fileURLWithPath: baseline))
        for broken in [good.prefix(good.count / 2), good.prefix(good.count - 2), Data(good.map { $0 == UInt8(ascii: "7") ? UInt8(ascii: "x") : $0 })] {
            try broken.write(to: URL(fileURLWithPath: baseline))
            let result = try ExecutableTests.run(["gate", "--baseline", baseline, results, "--output", scratch.file("verdict.txt")])
            #expect(result.status == 65)
            #expect(result.stderr.hasPrefix("qe-validate: error: \(baseline): "))
            #expect(result.stderr.split(separator: "\n").count == 1)
            #expect(try Data(contentsOf: URL(fileURLWithPath: baseline)) == broken, "the baseline is never written")
            #expect(try scratch.contents() == ["baseline.json", "results.json"], "no verdict file")
        }
    }

    @Test func missingInputs() async throws {
        let scratch = try ScratchDirectory()
        let (baseline, results) = try Self.files(scratch, results: GateResults.file(seed: 2))
        #expect(await CommandRunner.run(["gate", "--baseline", scratch.file("none.json"), results]) == 66)
        #expect(await CommandRunner.run(["gate", "--baseline", baseline, scratch.file("none.json")]) == 66)
        #expect(await CommandRunner.run(["gate", results]) == 64, "--baseline is required")
    }

    @Test(arguments: [["--max-regression", "0.05"], ["--max-regression", "lots"], ["--threshold", "alpha"], ["--baseline", "git:HEAD"], ["--on-inconclusive", "maybe"]])
    func usageErrors(arguments: [String]) async throws {
        let scratch = try ScratchDirectory()
        let (baseline, results) = try Self.files(scratch, results: GateResults.file(seed: 2))
        var command = ["gate", "--baseline", baseline, results]
        command += arguments
        #expect(await CommandRunner.run(command) == 64)
    }

    @Test func aThresholdForAnUnknownBenchmarkIsAUsageError() async throws {
        let scratch = try ScratchDirectory()
        let (baseline, results) = try Self.files(scratch, results: GateResults.file(seed: 2))
        #expect(await CommandRunner.run(["gate", "--baseline", baseline, results, "--threshold", "gamma=10%"]) == 64)
        #expect(await CommandRunner.run(["gate", "--baseline", baseline, results, "--threshold", "alpha=10%"]) == 0)
    }

    @Test func benchmarksOnOneSideAreListedInEveryFormat() async throws {
        let scratch = try ScratchDirectory()
        let (baseline, results) = try Self.files(scratch, results: GateResults.file(seed: 2, names: ["alpha", "gamma"]))
        let text = scratch.file("verdict.txt")
        #expect(await CommandRunner.run(["gate", "--baseline", baseline, results, "--output", text]) == 0)
        let rendered = try String(contentsOfFile: text, encoding: .utf8)
        #expect(rendered.contains("not gated: beta (baseline), beta (flash)"))
        #expect(rendered.contains("gamma (baseline), gamma (flash)"))
        let json = scratch.file("verdict.json")
        #expect(await CommandRunner.run(["gate", "--baseline", baseline, results, "--format", "json", "--output", json]) == 0)
        let document = try Self.document(json)
        #expect(document.onlyInBaseline == ["beta (baseline)", "beta (flash)"])
        #expect(document.onlyInResults == ["gamma (baseline)", "gamma (flash)"])
    }

    @Test func csvHasOneRowPerBenchmark() async throws {
        let scratch = try ScratchDirectory()
        let (baseline, results) = try Self.files(scratch, results: GateResults.file(seed: 2))
        let output = scratch.file("verdict.csv")
        #expect(await CommandRunner.run(["gate", "--baseline", baseline, results, "--format", "csv", "--output", output]) == 0)
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("name,variant,threshold,"))
    }

    @Test func anUnwritableOutputIs73() async throws {
        let scratch = try ScratchDirectory()
        let (baseline, results) = try Self.files(scratch, results: GateResults.file(seed: 2))
        #expect(await CommandRunner.run(["gate", "--baseline", baseline, results, "--output", scratch.file("no/such/dir/v.json")]) == 73)
    }
}

@Suite("qe-validate gate-calibration", .tags(.slow), .skippedWhenFast)
struct GateCalibrationCommandTests {
    @Test func itRunsAndIsHiddenFromHelp() throws {
        let result = try ExecutableTests.run(["gate-calibration", "--simulations", "30", "--benchmarks", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("| qe-validate gate (defaults) |"))
        #expect(result.stdout.contains("| fixed 5% threshold on the ratio of means |"))
        #expect(result.stdout.contains("| the study's rule: ratio of p95s over 5% |"))
        #expect(result.stdout.contains("30 simulations of 2 benchmarks"))
        let help = try ExecutableTests.run(["--help"])
        #expect(help.stdout.contains("gate "))
        #expect(!help.stdout.contains("gate-calibration"))
    }

    @Test func noiseCanComeFromAResultsFile() throws {
        let scratch = try ScratchDirectory()
        let results = scratch.file("results.json")
        try GateResults.file(seed: 1).write(to: results)
        let result = try ExecutableTests.run(["gate-calibration", "--simulations", "10", "--noise-from", results, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try JSONDecoder().decode(GateCalibration.Report.self, from: Data(result.stdout.utf8))
        #expect(report.noise.withinRunSigma > 0.01 && report.noise.withinRunSigma < 0.06)
        #expect(try ExecutableTests.run(["gate-calibration", "--runs", "1"]).status == 64)
    }
}
