import Foundation
import QEResults
import QETestSupport
import Testing

/// `qe-validate import`, and the judging commands reading other tools' files directly.
@Suite("qe-validate import", .tags(.slow), .skippedWhenFast)
struct ImportCommandTests {
    /// A fixture of `Tests/QEResultsTests/Fixtures` (real tool output).
    static func fixture(_ relative: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("QEResultsTests/Fixtures/\(relative)").path
    }

    @Test func importsPytestBenchmarkThroughTheExecutable() throws {
        let scratch = try ScratchDirectory()
        let out = scratch.file("results.json")
        let result = try ExecutableTests.run(["import", "pytest-benchmark", Self.fixture("pytest-benchmark/sum.json"), "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("imported 2 benchmarks (test_sum (baseline), test_sum (candidate)), 2 runs, 60 samples in s, from 1 file"))
        #expect(result.stderr.contains("warning:") && result.stderr.contains("mean of a batch of iterations"))
        let file = try ResultsFile.read(from: out)
        #expect(file.suite == "pytest-benchmark")
        #expect(file.benchmarks.map(\.sampleKind) == [.batchMean, .batchMean])
        #expect(file.benchmark(name: "test_sum", variant: "baseline")?.runs[0].samples.first == 0.00023582919999398655)
    }

    @Test func helpNamesEveryFormatThatIsRefusedForHoldingOnlySummaries() throws {
        let result = try ExecutableTests.run(["import", "--help"])
        #expect(result.status == 0, "\(result.stderr)")
        let help = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for refused in ["--benchmark_report_aggregates_only", "hyperfine's CSV or Markdown export", "estimates.json",
                        "--benchmark-save-data", "--record-samples", "jsonSmallerIsBetter", "histogramPercentiles"] {
            #expect(help.contains(refused), "import --help does not name \(refused)")
        }
    }

    @Test func severalFilesBecomeRunsAndOptionsApply() async throws {
        let scratch = try ScratchDirectory()
        let out = scratch.file("go.json")
        let status = await CommandRunner.run([
            "import", "auto", Self.fixture("go-bench/old.txt"), Self.fixture("go-bench/new.txt"),
            "--name-pattern", "^Benchmark(?<name>[A-Za-z]+)", "--variant", "sum", "--suite", "summing", "--out", out,
        ])
        #expect(status == 0)
        let file = try ResultsFile.read(from: out)
        #expect(file.suite == "summing")
        #expect(file.benchmarks.map(\.key.description) == ["Baseline (sum)", "Candidate (sum)"])
        #expect(file.benchmarks.map(\.runs.count) == [20, 20])
    }

    @Test func importWritesToStandardOutputWithoutOut() throws {
        let result = try ExecutableTests.run(["import", "hyperfine", Self.fixture("hyperfine/compare.json")])
        #expect(result.status == 0)
        let file = try ResultsFile(jsonBytes: Array(result.stdout.utf8), source: "stdout")
        #expect(file.benchmarks.map(\.sampleCount) == [20, 20])
    }

    @Test(arguments: ["hyperfine/compare.json", "google-benchmark/repetitions.json", "go-bench/old.txt", "pytest-benchmark/sum.json"])
    func truncatedFilesExit65WithOneLineAndNoOutput(relative: String) throws {
        let scratch = try ScratchDirectory()
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.fixture(relative))))
        let input = try scratch.write(Array(bytes[..<(bytes.count * 2 / 3 + 1)]), to: "cut-" + URL(fileURLWithPath: relative).lastPathComponent)
        let result = try ExecutableTests.run(["import", "auto", input, "--out", scratch.file("results.json")])
        #expect(result.status == 65)
        #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
        #expect(result.stderr.hasPrefix("qe-validate: error: \(input): "))
        #expect(!FileManager.default.fileExists(atPath: scratch.file("results.json")), "nothing half-written")
        #expect(try scratch.contents().count == 1)
    }

    @Test func aggregatesOnlyExit65SayingRawTimingsAreNeeded() throws {
        let input = Self.fixture("google-benchmark/aggregates_only.json")
        let result = try ExecutableTests.run(["compare", input])
        #expect(result.status == 65)
        #expect(result.stderr.contains(input))
        #expect(result.stderr.contains("raw timings are needed"))
        #expect(result.stderr.contains("--benchmark_report_aggregates_only=false"))
        #expect(result.stdout.isEmpty)
    }

    @Test func usageErrorsExit64() async {
        let fixture = Self.fixture("hyperfine/compare.json")
        #expect(await CommandRunner.run(["import", "hyperfine", fixture, "--name-pattern", "(?<name>"]) == 64)
        #expect(await CommandRunner.run(["import", "hyperfine", fixture, "--name-pattern", "no groups"]) == 64)
        #expect(await CommandRunner.run(["import", "hyperfine", fixture, "--unit", "ms"]) == 64)
        #expect(await CommandRunner.run(["import", "hyperfine"]) == 64)
        #expect(await CommandRunner.run(["import", "jmh", fixture]) == 64)
        #expect(await CommandRunner.run(["import", "auto", fixture, "--variant", "x", "--name-pattern", "(?<variant>.+)"]) == 64)
        #expect(await CommandRunner.run(["compare", fixture, "--name-pattern", "(?<name>"]) == 64)
    }

    @Test func helpSaysWhatASampleIsPerFormat() throws {
        let result = try ExecutableTests.run(["import", "--help"])
        #expect(result.status == 0)
        for format in ImportFormat.foreignFormats {
            #expect(result.stdout.contains("\(format.rawValue): "), "\(format)")
        }
        #expect(result.stdout.contains("batch mean"))
        #expect(result.stdout.contains("Examples:"))
        #expect(result.stdout.contains("Exit codes"))
        let compareHelp = try ExecutableTests.run(["compare", "--help"])
        #expect(compareHelp.stdout.contains("--input-format"))
        #expect(compareHelp.stdout.contains("--name-pattern"))
    }

    // MARK: - Judging commands read the files directly

    @Test func compareReadsAPytestBenchmarkFileDirectly() async throws {
        let scratch = try ScratchDirectory()
        let output = scratch.file("verdict.json")
        let status = await CommandRunner.run(["compare", Self.fixture("pytest-benchmark/sum.json"), "--format", "json", "--output", output])
        #expect(status == 0)
        let document = try CompareCommandTests.document(output)
        #expect(document.unit == .seconds)
        #expect(document.benchmarks.map(\.name) == ["test_sum"])
        let speedup = try #require(document.benchmarks.first?.speedup)
        // The Python fixture is a regression: the unrolled candidate is about 1.75x slower.
        #expect(speedup.estimate > 0.5 && speedup.estimate < 0.65)
        #expect(speedup.high < 1)
        #expect(document.benchmarks.first?.verdict == .slower)
        #expect(document.warnings.contains { $0.contains("mean of a batch of iterations") })
    }

    @Test func compareReadsOtherToolsWithPatterns() throws {
        let go = try ExecutableTests.run([
            "compare", Self.fixture("go-bench/old.txt"), "--name-pattern", "^Benchmark(?<variant>[A-Za-z]+)",
            "--baseline-variant", "Baseline", "--candidate-variant", "Candidate",
        ])
        #expect(go.status == 0, "\(go.stderr)")
        #expect(go.stdout.contains("Benchmark-2"))
        #expect(go.stdout.contains("PR"), "10 runs per side in one file: paired runs, as --claim pairs them")

        let hyperfine = try ExecutableTests.run(["compare", Self.fixture("hyperfine/compare.json"), "--input-format", "hyperfine"])
        #expect(hyperfine.status == 0)
        #expect(hyperfine.stdout.contains("command"))
        #expect(!hyperfine.stdout.contains("batch"), "hyperfine samples are single executions")

        // Two files of one tool: an A/A comparison of two identical Go runs, matched by name and variant.
        let aa = try ExecutableTests.run(["compare", Self.fixture("go-bench/old.txt"), Self.fixture("go-bench/new.txt")])
        #expect(aa.status == 0, "\(aa.stderr)")
        #expect(aa.stdout.contains("Baseline") && aa.stdout.contains("Candidate"))

        let wrongFormat = try ExecutableTests.run(["compare", Self.fixture("pytest-benchmark/sum.json"), "--input-format", "go-bench"])
        #expect(wrongFormat.status == 65)
        #expect(wrongFormat.stderr.contains("sum.json: looks like pytest-benchmark JSON, not go test -bench output"))
    }
}
