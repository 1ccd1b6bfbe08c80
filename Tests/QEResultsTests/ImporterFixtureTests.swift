import Foundation
import QEResults
import QETestSupport
import Testing

/// Every fixture made by a real tool imports with the sample counts, units, names, variants and
/// values read from the files themselves.
@Suite("Importing real tool output")
struct ImporterFixtureTests {
    private func load(_ relative: String, _ options: ImportOptions = ImportOptions()) throws -> ResultsFile {
        try ResultsInput.load(path: ImportFixtures.path(relative), options: options)
    }

    private func keys(_ file: ResultsFile) -> [String] { file.benchmarks.map(\.key.description) }

    @Test func hyperfineCompare() throws {
        let file = try load("hyperfine/compare.json")
        #expect(file.unit == .seconds)
        #expect(file.suite == "hyperfine")
        #expect(keys(file) == ["command (baseline)", "command (candidate)"])
        let baseline = try #require(file.benchmark(name: "command", variant: "baseline"))
        let candidate = try #require(file.benchmark(name: "command", variant: "candidate"))
        #expect(baseline.runs.count == 1 && baseline.sampleCount == 20)
        #expect(candidate.runs.count == 1 && candidate.sampleCount == 20)
        #expect(baseline.runs[0].samples.first == 0.04660563318)
        #expect(baseline.runs[0].samples.last == 0.04681270218)
        #expect(candidate.runs[0].samples[2] == 0.015454094180000003)
        #expect(baseline.sampleKind == .iteration)
        #expect(ResultsInput.warnings(for: file, path: "x").isEmpty)
    }

    @Test func hyperfineScanUsesParametersAsNamesAndCommandTemplatesAsVariants() throws {
        let file = try load("hyperfine/scan.json")
        #expect(file.benchmarks.count == 8)
        #expect(keys(file).prefix(2) == ["size=250000 (./sum baseline {size} 50)", "size=250000 (./sum candidate {size} 50)"])
        #expect(Set(file.benchmarks.map(\.variant)) == ["./sum baseline {size} 50", "./sum candidate {size} 50"])
        #expect(Set(file.benchmarks.map(\.name)) == ["size=250000", "size=500000", "size=750000", "size=1000000"])
        let first = try #require(file.benchmark(name: "size=250000", variant: "./sum baseline {size} 50"))
        #expect(first.parameters == ["size": "250000"])
        #expect(first.sampleCount == 20)
        #expect(first.runs[0].samples[0] == 0.014394990480000001)
        #expect(first.runs[0].samples[1] == 0.013308571480000001)
    }

    @Test func hyperfineListTakesTheVariantParameter() throws {
        let file = try load("hyperfine/list.json")
        #expect(keys(file) == ["size=250000 (baseline)", "size=250000 (candidate)", "size=1000000 (baseline)", "size=1000000 (candidate)"])
        for benchmark in file.benchmarks { #expect(benchmark.sampleCount == 20 && benchmark.runs.count == 1) }
        #expect(file.benchmark(name: "size=250000", variant: "baseline")?.runs[0].samples[0] == 0.014349159640000001)
        #expect(file.benchmark(name: "size=1000000", variant: "candidate")?.runs[0].samples[0] == 0.018407652640000004)
        #expect(file.benchmark(name: "size=1000000", variant: "candidate")?.parameters == ["size": "1000000"])
    }

    @Test func googleBenchmarkRepetitionsAreRunsOfOneBatchMean() throws {
        let file = try load("google-benchmark/repetitions.json")
        #expect(file.unit == .nanoseconds)
        #expect(file.suite == "google-benchmark")
        #expect(keys(file) == ["BM_Sum_Baseline/16384 (default)", "BM_Sum_Candidate/16384 (default)"])
        let baseline = try #require(file.benchmark(name: "BM_Sum_Baseline/16384", variant: "default"))
        #expect(baseline.runs.count == 10)
        #expect(baseline.runs.allSatisfy { $0.samples.count == 1 })
        #expect(baseline.runs[0].samples == [13566.596608576798])  // written 1.3566596608576798e+04
        #expect(baseline.runs[9].samples == [13537.754542431914])
        #expect(baseline.sampleKind == .batchMean)
        let candidate = try #require(file.benchmark(name: "BM_Sum_Candidate/16384", variant: "default"))
        #expect(candidate.runs[7].samples == [3568.1968545503046])
        #expect(file.createdAt == "2026-11-26T15:11:53+00:00")
        #expect(file.environment.host == "vm")
        #expect(file.environment.cores == 2)
        #expect(ResultsInput.warnings(for: file, path: "g.json").count == 1)
    }

    @Test func googleBenchmarkInterleavedKeepsTheFileOrder() throws {
        let file = try load("google-benchmark/interleaved.json")
        #expect(keys(file) == ["BM_Sum_Candidate/16384 (default)", "BM_Sum_Baseline/16384 (default)"])
        #expect(file.benchmarks.map(\.runs.count) == [10, 10])
        #expect(file.benchmarks[0].runs[0].samples == [3434.5668688542105])
        #expect(file.benchmarks[1].runs[9].samples == [13448.33046815206])
    }

    @Test func googleBenchmarkAggregatesOnlyIsRefused() throws {
        let path = ImportFixtures.path("google-benchmark/aggregates_only.json")
        let error = try #require(throws: ResultsError.self) { try ResultsInput.load(path: path) }
        #expect(error.problem == .aggregatesOnly)
        #expect(error.category == .invalidData)
        #expect(error.description.hasPrefix(path + ": "))
        #expect(error.description.contains("raw timings are needed"))
        #expect(error.description.contains("--benchmark_repetitions"))
        #expect(error.description.contains("--benchmark_report_aggregates_only=false"))
    }

    @Test func pytestBenchmarkUsesTheVariantParameter() throws {
        let file = try load("pytest-benchmark/sum.json")
        #expect(file.unit == .seconds)
        #expect(keys(file) == ["test_sum (baseline)", "test_sum (candidate)"])
        let baseline = try #require(file.benchmark(name: "test_sum", variant: "baseline"))
        #expect(baseline.runs.count == 1 && baseline.sampleCount == 30)
        #expect(baseline.runs[0].samples.first == 0.00023582919999398655)
        #expect(baseline.runs[0].samples.last == 0.0002374465999992026)
        #expect(baseline.sampleKind == .batchMean, "10 iterations per round")
        #expect(baseline.parameters.isEmpty)
        #expect(file.benchmark(name: "test_sum", variant: "candidate")?.sampleCount == 30)
        #expect(file.createdAt == "2026-11-26T15:12:52.316370+00:00")
        #expect(baseline.runs[0].startedAt == file.createdAt)
        #expect(file.environment.host == "vm")
        #expect(file.environment.cpu == "AMD EPYC")
        #expect(file.environment.cores == 2)
        #expect(file.environment.os == "Linux")
        #expect(file.environment.kernel == "6.18.44-fc-v595")
        #expect(file.environment.toolchain == "CPython 3.11.7")
        #expect(file.environment.gitCommit == nil, "commit_info.id is 'unknown'")
    }

    @Test func criterionFolder() throws {
        let file = try load("criterion")
        #expect(file.unit == .nanoseconds)
        #expect(keys(file) == ["sum (baseline)", "sum (candidate)"])
        let baseline = try #require(file.benchmark(name: "sum", variant: "baseline"))
        #expect(baseline.runs.count == 1 && baseline.sampleCount == 100)
        #expect(baseline.runs[0].samples[0] == 982002.0 / 73.0)  // raw.csv: 982002.0 ns over 73 iterations
        #expect(baseline.runs[0].samples[1] == 2000539.0 / 146.0)
        #expect(baseline.sampleKind == .batchMean)
        let candidate = try #require(file.benchmark(name: "sum", variant: "candidate"))
        #expect(candidate.runs[0].samples[0] == 976554.0 / 290.0)
        #expect(candidate.runs[0].samples[99] == 98626792.0 / 29000.0)
    }

    @Test(arguments: ["criterion/sum/baseline/new/sample.json", "criterion/sum/baseline/new/benchmark.json",
                      "criterion/sum/baseline/new/raw.csv", "criterion/sum/baseline/new", "criterion/sum/baseline"])
    func criterionFilesAgree(relative: String) throws {
        let file = try load(relative)
        let benchmark = try #require(file.benchmark(name: "sum", variant: "baseline"))
        #expect(file.benchmarks.count == 1)
        #expect(benchmark.sampleCount == 100)
        #expect(benchmark.runs[0].samples[0] == 982002.0 / 73.0)
        #expect(file.unit == .nanoseconds)
    }

    @Test func criterionEstimatesAreRefused() throws {
        let path = ImportFixtures.path("criterion/sum/baseline/new/estimates.json")
        let error = try #require(throws: ResultsError.self) { try ResultsInput.load(path: path) }
        #expect(error.problem == .aggregatesOnly)
        #expect(error.description.hasPrefix(path))
        #expect(error.description.contains("sample.json"))
    }

    @Test func goBenchLinesAreRunsOfOneBatchMean() throws {
        let file = try load("go-bench/old.txt")
        #expect(file.unit == .nanoseconds)
        #expect(file.suite == "go-bench")
        #expect(keys(file) == ["Baseline (default)", "Candidate (default)"])
        let baseline = try #require(file.benchmark(name: "Baseline", variant: "default"))
        #expect(baseline.runs.count == 10)
        #expect(baseline.runs.map(\.samples) == [[13761], [13584], [13610], [13779], [13599], [13850], [16588], [13661], [13829], [13832]])
        #expect(baseline.parameters == ["gomaxprocs": 2])
        #expect(baseline.sampleKind == .batchMean)
        let candidate = try #require(file.benchmark(name: "Candidate", variant: "default"))
        #expect(candidate.runs.first?.samples == [4094])
        #expect(candidate.runs.last?.samples == [4269])
        #expect(file.environment.os == "linux")
        #expect(file.environment.cpu == "AMD EPYC")
    }

    @Test func severalGoFilesAreMoreRuns() throws {
        let file = try ResultsInput.load(paths: [ImportFixtures.path("go-bench/old.txt"), ImportFixtures.path("go-bench/new.txt")])
        #expect(file.benchmarks.map(\.runs.count) == [20, 20])
        #expect(file.benchmark(name: "Baseline", variant: "default")?.runs[0].samples == [13761])
    }

    @Test func severalPytestFilesAreMoreRuns() throws {
        let path = ImportFixtures.path("pytest-benchmark/sum.json")
        let file = try ResultsInput.load(paths: [path, path, path], options: ImportOptions(suite: "sums"))
        #expect(file.suite == "sums")
        #expect(file.benchmarks.map(\.runs.count) == [3, 3])
        #expect(file.benchmarks.map(\.sampleCount) == [90, 90])
    }

    @Test func everyImportWritesAndReadsBack() throws {
        let scratch = try ScratchDirectory()
        for relative in ["hyperfine/compare.json", "hyperfine/scan.json", "google-benchmark/repetitions.json",
                         "pytest-benchmark/sum.json", "criterion", "go-bench/new.txt"] {
            let file = try load(relative)
            let out = scratch.file("out.json")
            try file.write(to: out)
            #expect(try ResultsFile.read(from: out) == file, "\(relative)")
            #expect(try ResultsInput.load(path: out) == file, "\(relative) through ResultsInput")
        }
    }

    @Test(arguments: [
        ("hyperfine/compare.json", ImportFormat.hyperfine), ("hyperfine/scan.json", .hyperfine), ("hyperfine/list.json", .hyperfine),
        ("google-benchmark/repetitions.json", .googleBenchmark), ("google-benchmark/interleaved.json", .googleBenchmark),
        ("google-benchmark/aggregates_only.json", .googleBenchmark),
        ("pytest-benchmark/sum.json", .pytestBenchmark),
        ("criterion", .criterion), ("criterion/sum/candidate/new/sample.json", .criterion),
        ("criterion/sum/candidate/new/benchmark.json", .criterion), ("criterion/sum/candidate/new/raw.csv", .criterion),
        ("criterion/sum/candidate/new/estimates.json", .criterion),
        ("go-bench/old.txt", .goBench), ("go-bench/new.txt", .goBench),
    ])
    func formatIsDetected(relative: String, format: ImportFormat) throws {
        #expect(try ResultsInput.detectFormat(path: ImportFixtures.path(relative)) == format)
    }

    @Test func qeValidateResultsAreDetected() throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/flash-attention-sample.json").path
        #expect(try ResultsInput.detectFormat(path: example) == .results)
        #expect(try ResultsInput.load(path: example) == ResultsFile.read(from: example))
    }

    @Test(arguments: ["hyperfine/compare.csv", "hyperfine/compare.md", "hyperfine/compare.console.txt", "hyperfine/scan.console.txt"])
    func hyperfineSummariesAreRefused(relative: String) throws {
        let path = ImportFixtures.path(relative)
        let error = try #require(throws: ResultsError.self) { try ResultsInput.load(path: path) }
        #expect(error.problem == .aggregatesOnly)
        #expect(error.category == .invalidData)
        #expect(error.description.hasPrefix(path + ": "))
        #expect(error.description.contains("raw timings are needed"))
        #expect(error.description.contains("--export-json"))
    }

    @Test func aNamedFormatThatIsNotTheContentIsRefused() throws {
        let path = ImportFixtures.path("pytest-benchmark/sum.json")
        let error = try #require(throws: ResultsError.self) {
            try ResultsInput.load(path: path, options: ImportOptions(format: .hyperfine))
        }
        #expect(error.problem == .unrecognizedFormat)
        #expect(error.description.contains("looks like pytest-benchmark JSON, not hyperfine JSON"))
        let text = try #require(throws: ResultsError.self) {
            try ResultsInput.load(path: ImportFixtures.path("go-bench/old.txt"), options: ImportOptions(format: .pytestBenchmark))
        }
        #expect(text.category == .invalidData)
    }

    @Test func theFormatsOfSeveralFilesMustAgree() throws {
        let error = try #require(throws: ResultsError.self) {
            try ResultsInput.load(paths: [ImportFixtures.path("go-bench/old.txt"), ImportFixtures.path("pytest-benchmark/sum.json")])
        }
        #expect(error.problem == .unrecognizedFormat)
        #expect(error.description.contains("same tool"))
    }
}

/// More pytest-benchmark files made on this machine (`Fixtures/pytest-benchmark-more/README.md`).
@Suite("Importing more pytest-benchmark output")
struct PytestBenchmarkMoreTests {
    @Test func parametersOtherThanTheVariantStayInTheName() throws {
        let file = try ResultsInput.load(path: ImportFixtures.path("pytest-benchmark-more/params.json"))
        #expect(file.benchmarks.map(\.key.description) == [
            "test_plain (default)", "test_params[100] (a)", "test_params[1000] (a)", "test_params[100] (b)", "test_params[1000] (b)",
        ])
        #expect(file.benchmarks.allSatisfy { $0.sampleKind == .iteration && $0.sampleCount == 5 && $0.runs.count == 1 })
        #expect(file.benchmark(name: "test_params[100]", variant: "a")?.parameters == ["size": 100])
        #expect(file.benchmark(name: "test_plain", variant: "default")?.runs[0].samples.prefix(2) == [8.823000371194212e-06, 8.503000117343618e-06])
        #expect(file.benchmark(name: "test_params[1000]", variant: "b")?.runs[0].samples.first == 9.653999768488575e-06)
        #expect(ResultsInput.warnings(for: file, path: "p.json").isEmpty, "one iteration per round")
    }

    @Test func aSavedRunWithoutDataIsRefused() throws {
        let path = ImportFixtures.path("pytest-benchmark-more/saved-without-data.json")
        #expect(try ResultsInput.detectFormat(path: path) == .pytestBenchmark)
        let error = try #require(throws: ResultsError.self) { try ResultsInput.load(path: path) }
        #expect(error.problem == .aggregatesOnly)
        #expect(error.description.hasPrefix(path + ": benchmarks[0].stats (test_plain): no \"data\""))
        #expect(error.description.contains("raw timings are needed"))
        #expect(error.description.contains("--benchmark-save-data"))
    }
}
