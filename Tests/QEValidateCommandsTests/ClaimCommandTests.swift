import Foundation
import QEResults
import QETestSupport
import QEValidation
import Testing

/// `qe-validate --claim` on constructed data whose true speedup is known.
@Suite("qe-validate --claim")
struct ClaimCommandTests {
    static func document(_ path: String) throws -> ClaimDocument {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try decoder.decode(ClaimDocument.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Writes a file with the given true speedups (5 runs × 30 iterations, paired runs).
    static func results(_ speedups: [String: Double], in scratch: ScratchDirectory, runs: Int = 5, iterations: Int = 30, name: String = "results.json") throws -> String {
        let path = scratch.file(name)
        try SyntheticResults.file(speedups: speedups, runs: runs, iterations: iterations).write(to: path)
        return path
    }

    @Test(arguments: [
        // true speedup, claim, verdict, exit status
        (3.0, "2.49x-7.47x", "holds", Int32(0)),
        (60.0, "2.49x-7.47x", "exceeds", Int32(0)),
        (2.0, "2.49x-7.47x", "refuted", Int32(1)),
        (2.0, ">=2.49x", "refuted", Int32(1)),
        (3.0, "3.5x", "refuted", Int32(1)),
        (12.0, "10-40", "holds", Int32(0)),
    ])
    func verdictAndExitStatus(trueSpeedup: Double, claim: String, verdict: String, status: Int32) async throws {
        let scratch = try ScratchDirectory()
        let input = try Self.results(["w": trueSpeedup], in: scratch)
        let output = scratch.file("verdict.json")
        #expect(await CommandRunner.run(["--claim", claim, "--results", input, "--format", "json", "-o", output]) == status)
        let document = try Self.document(output)
        #expect(document.benchmarks.map(\.verdict.rawValue) == [verdict])
        #expect(document.verdict == (status == 0 ? .validated : .notValidated))
        let benchmark = try #require(document.benchmarks.first)
        #expect(benchmark.speedup.method == .pairedRuns, "5 paired runs")
        #expect(benchmark.speedup.low < trueSpeedup * 1.02 && benchmark.speedup.high > trueSpeedup * 0.98)
        #expect(benchmark.claim == (try ClaimParser.parseRange(claim)))
    }

    @Test func anUndecidableClaimIsInconclusiveWithAPlan() async throws {
        let scratch = try ScratchDirectory()
        // True speedup 2.5 against a claimed minimum of 2.49, three runs of 10: cannot decide.
        let input = try Self.results(["close": 2.5], in: scratch, runs: 3, iterations: 10)
        let output = scratch.file("verdict.json")
        #expect(await CommandRunner.run(["--claim", "2.49x", "--results", input, "--format", "json", "-o", output]) == 3)
        let document = try Self.document(output)
        #expect(document.verdict == .inconclusive)
        let benchmark = try #require(document.benchmarks.first)
        #expect(benchmark.verdict == .inconclusive)
        let more = try #require(benchmark.moreData)
        #expect(!more.undecidable)
        #expect(try #require(more.additionalRuns) >= 1)
        #expect(try #require(more.runsNeeded) == 3 + (more.additionalRuns ?? 0))
        #expect(document.reason.contains("close") && document.reason.contains("more run"))
    }

    @Test func intervalsAreSimultaneousOverTheJudgedWorkloads() async throws {
        let scratch = try ScratchDirectory()
        let input = try Self.results(["a": 3, "b": 3, "c": 3, "d": 3], in: scratch)
        let output = scratch.file("verdict.json")
        #expect(await CommandRunner.run(["--claim", "2x", "--results", input, "--format", "json", "-o", output]) == 0)
        let document = try Self.document(output)
        #expect(document.correction == .bonferroni)
        #expect(isClose(document.intervalConfidence, 1 - 0.05 / 4, relative: 1e-12))
        #expect(document.benchmarks.allSatisfy { isClose($0.speedup.confidence, 1 - 0.05 / 4, relative: 1e-12) })
        #expect(document.claim == ClaimedRange(low: 2))
        #expect(document.benchmarks.allSatisfy { $0.pClaimMinimumHolm != nil })
        // Narrower when fewer workloads are judged.
        let single = scratch.file("single.json")
        #expect(await CommandRunner.run(["--claim", "2x", "--results", input, "--workload", "a", "--format", "json", "-o", single]) == 0)
        let one = try Self.document(single).benchmarks[0].speedup
        let four = document.benchmarks[0].speedup
        #expect(one.high / one.low < four.high / four.low)
    }

    @Test func perWorkloadClaimsOverrideTheGlobalOne() async throws {
        let scratch = try ScratchDirectory()
        let input = try Self.results(["fast": 60, "slow": 3], in: scratch)
        let output = scratch.file("verdict.json")
        #expect(await CommandRunner.run([
            "--claim", "2.49x-7.47x", "--claim", "fast=50x-100x", "--results", input, "--format", "json", "-o", output,
        ]) == 0)
        let document = try Self.document(output)
        let fast = try #require(document.benchmarks.first { $0.name == "fast" })
        #expect(fast.claim == ClaimedRange(low: 50, high: 100))
        #expect(fast.verdict == .holds)
        #expect(document.benchmarks.first { $0.name == "slow" }?.verdict == .holds)
    }

    @Test(arguments: ["json", "yaml"])
    func claimsFromAFile(kind: String) async throws {
        let scratch = try ScratchDirectory()
        let input = try Self.results(["fast": 60, "slow": 3], in: scratch)
        let claims = kind == "json"
            ? try scratch.write(#"{"default": "2.49x-7.47x", "fast": {"low": 50, "high": 100}}"#, to: "claims.json")
            : try scratch.write("default: 2.49x-7.47x\nfast: 50x-100x\n", to: "claims.yaml")
        let output = scratch.file("verdict.json")
        #expect(await CommandRunner.run(["--claims", claims, "--results", input, "--format", "json", "-o", output]) == 0)
        let document = try Self.document(output)
        #expect(document.benchmarks.first { $0.name == "fast" }?.claim == ClaimedRange(low: 50, high: 100))
        #expect(document.benchmarks.first { $0.name == "slow" }?.claim == ClaimedRange(low: 2.49, high: 7.47))
    }

    @Test func builtinClaimsComeFromTheCatalogue() async throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("results.json")
        var file = SyntheticResults.file(speedups: ["coverage-analysis": 60, "pattern-adaptation": 12, "test-similarity": 3], runs: 5, iterations: 20)
        file.suite = "flash-attention"
        try file.write(to: path)
        let output = scratch.file("verdict.json")
        #expect(await CommandRunner.run(["--claims", "builtin", "--results", path, "--format", "json", "-o", output]) == 0)
        let claims = try Self.document(output).benchmarks.reduce(into: [String: ClaimedRange]()) { $0[$1.name] = $1.claim }
        #expect(claims["coverage-analysis"] == ClaimedRange(low: 50, high: 100))
        #expect(claims["pattern-adaptation"] == ClaimedRange(low: 10, high: 40))
        #expect(claims["test-similarity"] == ClaimedRange(low: 2.49, high: 7.47))
    }

    @Test(arguments: ["", "fast", "2.5x-1x", "0x", "-3x", "2x-3x-4x", "=3x", ">=2x-3x", "abc=xyz"])
    func malformedClaimsAreUsageErrors(claim: String) async throws {
        let scratch = try ScratchDirectory()
        let input = try Self.results(["w": 3], in: scratch)
        #expect(await CommandRunner.run(["--claim", claim, "--results", input]) == 64)
    }

    @Test func aClaimForAnUnknownWorkloadIsAUsageError() async throws {
        let scratch = try ScratchDirectory()
        let input = try Self.results(["w": 3], in: scratch)
        #expect(await CommandRunner.run(["--claim", "nosuch=3x", "--results", input]) == 64)
        #expect(await CommandRunner.run(["--results", input]) == 64, "no claim at all")
        #expect(await CommandRunner.run(["--claim", "3x", "--results", scratch.file("missing.json")]) == 66)
    }

    @Test func severalFilesArePooledAsRunsAndMixedMachinesAreSaid() async throws {
        let scratch = try ScratchDirectory()
        var first = SyntheticResults.file(speedups: ["w": 3], runs: 2, iterations: 20, seed: 1)
        var second = SyntheticResults.file(speedups: ["w": 3], runs: 3, iterations: 20, seed: 2)
        first.environment.cpu = "CPU A"
        second.environment.cpu = "CPU B"
        let a = scratch.file("run1.json")
        let b = scratch.file("run2.json")
        try first.write(to: a)
        try second.write(to: b)
        let output = scratch.file("verdict.json")
        #expect(await CommandRunner.run(["--claim", "2x", "--results", a, b, "--format", "json", "-o", output]) == 0)
        let document = try Self.document(output)
        #expect(document.benchmarks[0].baseline.runs == 5)
        #expect(document.inputs.map(\.path) == [a, b])
        #expect(document.warnings.contains { $0.contains("different CPUs") })
        #expect(document.warnings.contains { $0.contains("never checked to agree") })
    }

    @Test func memoryClaimsAreJudgedOnTheFigures() async throws {
        let scratch = try ScratchDirectory()
        var file = SyntheticResults.file(speedups: ["w": 3], runs: 3, iterations: 10)
        for index in file.benchmarks.indices {
            let isBaseline = file.benchmarks[index].variant == "baseline"
            file.benchmarks[index].memory = MemoryFigures(workingSetBytes: isBaseline ? 1000 : 400, peakAllocatedBytes: isBaseline ? 800 : 200)
        }
        let path = scratch.file("results.json")
        try file.write(to: path)
        let output = scratch.file("verdict.json")
        #expect(await CommandRunner.run(["--claim", "2x", "--memory-claim", "50%-75%", "--results", path, "--format", "json", "-o", output]) == 0)
        let document = try Self.document(output)
        #expect(document.memoryVerdict == .validated)
        let figures = try #require(document.benchmarks[0].memory).figures
        #expect(figures.map(\.reduction) == [0.6, 0.75])
        #expect(figures.map(\.verdict) == [.holds, .holds])
        #expect(await CommandRunner.run(["--claim", "2x", "--memory-claim", "80%", "--results", path, "--format", "json", "-o", output]) == 0)
        #expect(try Self.document(output).memoryVerdict == .notValidated)
        #expect(await CommandRunner.run(["--claim", "2x", "--memory-claim", "150%", "--results", path]) == 64)
    }

    @Test func fewRunsFallBackToHodgesLehmannAndSaySo() async throws {
        let scratch = try ScratchDirectory()
        let input = try Self.results(["w": 3], in: scratch, runs: 1, iterations: 40)
        let output = scratch.file("verdict.json")
        #expect(await CommandRunner.run(["--claim", "2x", "--results", input, "--format", "json", "-o", output]) == 0)
        let benchmark = try Self.document(output).benchmarks[0]
        #expect(benchmark.speedup.method == .hodgesLehmann)
        #expect(benchmark.warnings.contains { $0.contains("only 1 run per side") })
    }

    @Test(arguments: ["text", "markdown", "csv"])
    func humanFormatsEndWithTheVerdict(format: String) async throws {
        let scratch = try ScratchDirectory()
        let input = try Self.results(["alpha": 3, "beta": 2], in: scratch)
        let output = scratch.file("out")
        #expect(await CommandRunner.run(["--claim", "2.49x", "--results", input, "--format", format, "-o", output]) == 1)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.contains("alpha") && text.contains("beta"))
        switch format {
        case "text":
            #expect(text.contains("VERDICT: NOT VALIDATED"))
            #expect(text.contains("REFUTED") && text.contains("HOLDS"))
            #expect(text.contains("Bonferroni"))
        case "markdown":
            #expect(text.contains("**Verdict: not-validated**"))
        default:
            #expect(text.split(separator: "\n").count == 3)
            #expect(text.contains("not-validated"))
        }
    }

    @Test func validateIsTheSameCommandUnderASubcommandName() async throws {
        let scratch = try ScratchDirectory()
        let input = try Self.results(["w": 3], in: scratch)
        #expect(await CommandRunner.run(["validate", "--claim", "2x", "--results", input, "-o", scratch.file("v.txt")]) == 0)
        #expect(await CommandRunner.run(["validate", "--claim", "4x", "--results", input, "-o", scratch.file("w.txt")]) == 1)
    }

    @Test func untilDecidedNeedsToMeasure() async throws {
        let scratch = try ScratchDirectory()
        let input = try Self.results(["w": 3], in: scratch)
        #expect(await CommandRunner.run(["--claim", "2x", "--results", input, "--until-decided"]) == 64)
    }
}

@Suite("qe-validate --claim measuring first", .tags(.slow), .skippedWhenFast)
struct ClaimMeasuringTests {
    @Test func untilDecidedAddsRunsAndKeepsTheErrorRate() async throws {
        let scratch = try ScratchDirectory()
        let output = scratch.file("verdict.json")
        let status = await CommandRunner.run([
            "--claim", "1.3x", "--baseline-cmd", "sleep 0.03", "--candidate-cmd", "sleep 0.01", "--name", "sleepy",
            "--runs", "3", "--iterations", "3", "--warmup", "0", "--until-decided", "--budget", "2m",
            "--format", "json", "-o", output, "--quiet",
        ])
        #expect(status == 0)
        let document = try ClaimCommandTests.document(output)
        let sequential = try #require(document.sequential)
        #expect(sequential.look >= 1)
        #expect(isClose(sequential.alphaAtLook, 0.05 * 6 / (Double.pi * Double.pi * Double(sequential.look * sequential.look)), relative: 1e-12))
        #expect(sequential.stoppedBecause.contains("every workload is decided"))
        #expect(isClose(document.confidence, 1 - sequential.alphaAtLook, relative: 1e-12))
        #expect(document.benchmarks[0].verdict == .holds)
    }

    @Test(.tags(.slow), .skippedWhenFast) func untilDecidedSaysWhyItStoppedAndExitsByTheVerdict() async throws {
        let scratch = try ScratchDirectory()
        let output = scratch.file("verdict.json")
        let status = await CommandRunner.run([
            "--claim", "1.2x", "--baseline-cmd", "true", "--candidate-cmd", "true",
            "--runs", "3", "--iterations", "2", "--warmup", "0", "--until-decided", "--budget", "20s",
            "--format", "json", "-o", output, "--quiet",
        ])
        // Which verdict two timings of the same command get, and after how many looks, depends
        // on the machine's noise, so neither is checked here (the stopping rule's reasons are
        // checked on fixed documents in SequentialDesignTests): only that the sequence stopped
        // for one of its reasons, said so, and that the exit status is the verdict's.
        let document = try ClaimCommandTests.document(output)
        let sequential = try #require(document.sequential)
        #expect(sequential.look >= 1)
        let reasons = ["every workload is decided", "sit on their claimed minimum", "would exceed the budget of 20 s"]
        #expect(reasons.contains { sequential.stoppedBecause.contains($0) }, "\(sequential.stoppedBecause)")
        #expect(status == ExitStatus(document.verdict).rawValue)
        #expect(document.warnings.contains { $0.contains("never checked to agree") })
    }

    @Test func theBuiltInSuiteIsMeasuredThenJudged() throws {
        let scratch = try ScratchDirectory()
        let output = scratch.file("verdict.json")
        let saved = scratch.file("measured.json")
        let result = try ExecutableTests.run([
            "--claim", "0.01x-1000x", "--workload", "pattern-adaptation", "--runs", "3", "--iterations", "3", "--warmup", "1",
            "--format", "json", "--output", output, "--save-results", saved,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try ClaimCommandTests.document(output)
        #expect(document.benchmarks.map(\.name) == ["pattern-adaptation"])
        #expect(document.benchmarks[0].speedup.method == .pairedRuns)
        #expect(!document.warnings.contains { $0.contains("never checked") }, "the harness verified the outputs")
        #expect(FileManager.default.fileExists(atPath: saved))
    }
}

@Suite("qe-validate --claim: runs that differ")
struct ClaimRunVariationTests {
    @Test func differingRunsAreReportedAndThePairedIntervalAbsorbsThem() async throws {
        let scratch = try ScratchDirectory()
        let file = SyntheticResults.shiftingRuns(
            SyntheticResults.file(speedups: ["drift": 3.0], runs: 5, iterations: 30), step: 0.15)
        let path = scratch.file("results.json")
        try file.write(to: path)
        let output = scratch.file("verdict.json")
        #expect(await CommandRunner.run(["--claim", "2.8x", "--results", path, "--format", "json", "-o", output]) == 0)
        let benchmark = try ClaimCommandTests.document(output).benchmarks[0]
        #expect(benchmark.speedup.method == .pairedRuns)
        #expect(benchmark.warnings.contains { $0.contains("runs of baseline differ") && $0.contains("accounts for this") })
        // Shared run shifts cancel: the paired interval stays tight around the true 3x.
        #expect(benchmark.speedup.low > 2.9 && benchmark.speedup.high < 3.1)
        // The unpaired bootstrap, which cannot use the pairing, is far wider.
        #expect(await CommandRunner.run([
            "--claim", "2.8x", "--results", path, "--method", "hierarchical-bootstrap", "--replicates", "2000",
            "--format", "json", "-o", output,
        ]) == 3)
        let unpaired = try ClaimCommandTests.document(output).benchmarks[0]
        #expect(unpaired.speedup.high / unpaired.speedup.low > 1.2)
        #expect(unpaired.verdict == .inconclusive)
    }
}

@Suite("qe-validate --claim: too little data")
struct ClaimTooLittleDataTests {
    /// Two samples per side cannot give a 95% rank interval: whatever they show, the claim is
    /// inconclusive and the output says how many samples would be needed.
    @Test func anIntervalBelowTheConfidenceAskedDecidesNothing() async throws {
        let scratch = try ScratchDirectory()
        let input = try ClaimCommandTests.results(["tiny": 10], in: scratch, runs: 1, iterations: 2)
        let output = scratch.file("verdict.json")
        #expect(await CommandRunner.run(["--claim", "2x", "--results", input, "--format", "json", "-o", output]) == 3)
        let benchmark = try ClaimCommandTests.document(output).benchmarks[0]
        #expect(benchmark.verdict == .inconclusive)
        #expect(benchmark.speedup.achievedConfidence < 0.95)
        let more = try #require(benchmark.moreData)
        #expect(more.iterationsNeeded == 4)
        #expect(more.summary.contains("too few samples"))
    }
}

@Suite("qe-validate --claim on other tools' files")
struct ClaimImportedTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("QEResultsTests/Fixtures")

    /// The pytest-benchmark fixture measures a Python loop that the "candidate" makes about
    /// 1.75x slower (fixtures/README.md): a claimed 3x speedup is refuted, read directly.
    @Test func aPytestBenchmarkFileIsJudgedDirectly() async throws {
        let scratch = try ScratchDirectory()
        let input = Self.fixtures.appendingPathComponent("pytest-benchmark/sum.json").path
        let output = scratch.file("verdict.json")
        #expect(await CommandRunner.run(["--claim", "3x", "--results", input, "--format", "json", "-o", output]) == 1)
        let document = try ClaimCommandTests.document(output)
        let benchmark = try #require(document.benchmarks.first)
        #expect(benchmark.verdict == .refuted)
        #expect(benchmark.speedup.high < 1)
        #expect(document.warnings.contains { $0.contains("never checked to agree") })
        #expect(document.warnings.contains { $0.contains("mean of a batch") })
    }
}
