import Foundation
import QEResults
import QETestSupport
import Testing

/// asv results made by asv 0.6.6 (`scripts/fixtures/asv/make-fixtures.sh`), with and without
/// `--record-samples`.
@Suite("Importing asv results")
struct AsvImportTests {
    private func load(_ relative: String) throws -> ResultsFile {
        try ResultsInput.load(path: ImportFixtures.path(relative))
    }

    @Test func samplesPerParameterCombination() throws {
        let file = try load("asv/samples.json")
        #expect(file.suite == "asv")
        #expect(file.unit == .seconds)
        // peakmem_sum is a memory benchmark: not a time, left out.
        #expect(file.benchmarks.map(\.key.description) == [
            "bench_sum.SumSuite.time_sum(size=1000) (baseline)", "bench_sum.SumSuite.time_sum(size=10000) (baseline)",
            "bench_sum.SumSuite.time_sum(size=1000) (candidate)", "bench_sum.SumSuite.time_sum(size=10000) (candidate)",
            "bench_sum.time_builtin_sum (default)",
        ])
        #expect(file.benchmarks.allSatisfy { $0.runs.count == 1 && $0.sampleCount == 10 })
        let small = try #require(file.benchmark(name: "bench_sum.SumSuite.time_sum(size=1000)", variant: "baseline"))
        #expect(small.runs[0].samples.first == 1.516900010756217e-05)
        #expect(small.runs[0].samples.last == 1.5168999880188494e-05)
        #expect(small.parameters == ["size": 1000])
        #expect(small.sampleKind == .iteration, "number is 1")
        #expect(small.runs[0].startedAt == "2026-12-06T08:42:40Z")
        let large = try #require(file.benchmark(name: "bench_sum.SumSuite.time_sum(size=10000)", variant: "candidate"))
        #expect(large.runs[0].samples.first == 0.00027768800009653205)
        #expect(large.runs[0].samples.last == 0.0002610299998195842)
        let builtin = try #require(file.benchmark(name: "bench_sum.time_builtin_sum", variant: "default"))
        #expect(builtin.runs[0].samples.first == 0.00018333184090985895)
        #expect(builtin.sampleKind == .batchMean, "number is 132")
        #expect(builtin.parameters.isEmpty)
        #expect(file.createdAt == "2026-12-06T08:42:40Z")
        #expect(file.environment.gitCommit == "ef7b9453a28f8089555d3e27cd21f8dbaf9a3766")
        #expect(file.environment.host == "fixture-vm")
        #expect(file.environment.cpu == "Intel(R) Xeon(R) Processor")
        #expect(file.environment.cores == 2)
        #expect(file.environment.os == "Linux 6.18.44-fc-v1300")
        #expect(file.environment.toolchain == "Python /root/.pyenv/versions/3.11.7/bin/python3")
        #expect(ResultsInput.warnings(for: file, path: "a.json") == [
            "a.json: the samples of bench_sum.time_builtin_sum (default) are means of batches of iterations, not single iterations (as the tool reports them); intervals and tests describe batch means, which vary less than single iterations",
        ])
    }

    @Test func withoutSamplesIsRefusedSayingHowToRecordThem() throws {
        let path = ImportFixtures.path("asv/no-samples.json")
        #expect(try ResultsInput.detectFormat(path: path) == .asv)
        let error = try #require(throws: ResultsError.self) { try ResultsInput.load(path: path) }
        #expect(error.problem == .aggregatesOnly)
        #expect(error.category == .invalidData)
        #expect(error.description.hasPrefix(path + ": no samples for bench_sum.SumSuite.time_sum('baseline', 1000) and 4 more"))
        #expect(error.description.contains("raw timings are needed"))
        #expect(error.description.contains("--record-samples"))
    }

    @Test func withoutBenchmarksJSONParametersAreNumbered() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write(try ImportFixtures.bytes("asv/samples.json"), to: "samples.json")
        let file = try ResultsInput.load(path: path)
        #expect(file.benchmarks.first?.key.description == "bench_sum.SumSuite.time_sum(param1=baseline, param2=1000) (default)")
        #expect(file.benchmarks.first?.parameters == ["param1": "baseline", "param2": 1000])
        #expect(file.benchmarks.count == 5)
    }

    @Test func namePatternIsSearchedInTheBenchmarkWithItsValues() throws {
        let pattern = try NamePattern(#"time_sum\('(?<variant>\w+)', (?<name>\d+)\)"#)
        let error = try #require(throws: ResultsError.self) {
            try ResultsInput.load(path: ImportFixtures.path("asv/samples.json"), options: ImportOptions(format: .asv, namePattern: pattern))
        }
        // The four time_sum combinations match; the benchmark without parameters does not.
        #expect(error.description.contains(#"benchmark "bench_sum.time_builtin_sum" does not match --name-pattern"#), "\(error)")
    }

    // MARK: - Bad input

    private static let header = #""commit_hash": "abc", "version": 2, "result_columns": ["result", "params", "version", "started_at", "duration", "stats_ci_99_a", "stats_ci_99_b", "stats_q_25", "stats_q_75", "stats_number", "stats_repeat", "samples"]"#

    @Test(arguments: [
        (#"{\#(header), "results": {"b.time_x": [[0.1], [], "v", 1, 1, null, null, null, null, [1], [2], [[0.1, "x"]]]}}"#,
         #"results["b.time_x"][11][0][1]: expected a number, found a string"#),
        (#"{\#(header), "results": {"b.time_x": [[0.1], [], "v", 1, 1, null, null, null, null, [1], [2], [[0.1, 0]]]}}"#,
         #"results["b.time_x"][11][0][1]: non-positive time 0"#),
        (#"{\#(header), "results": {"b.time_x": [[0.1], [], "v", 1, 1, null, null, null, null, [1], [2], [[0.1, NaN]]]}}"#,
         "non-finite number NaN"),
        (#"{\#(header), "results": {"b.time_x": [[0.1, 0.2], [], "v", 1, 1, null, null, null, null, [1], [2], [[0.1], [0.2]]]}}"#,
         "2 results for 1 parameter combinations"),
        (#"{\#(header), "results": {"b.time_x": [[0.1, 0.2], [], "v", 1, 1, null, null, null, null, [1], [2], [[0.1]]]}}"#,
         #"results["b.time_x"][11]: 1 sample lists for 2 results"#),
        (#"{\#(header), "results": {"b.time_x": [[0.1], [], "v", 1, 1, null, null, null, null, [1], [2]]}}"#,
         "raw timings are needed"),
        (#"{\#(header), "results": {"b.track_x": [[5], [], "v"]}}"#, "no timing results"),
        (#"{\#(header), "results": {"b.time_x": [null, [["1", "2"]], "v"]}}"#, "no timing results"),
        (#"{"commit_hash": "abc", "version": 1, "result_columns": [], "results": {}}"#, "asv results format version 1"),
        (#"{"commit_hash": "abc", "version": 2, "results": {}}"#, "missing \"result_columns\" (asv results)"),
    ])
    func malformed(text: String, words: String) throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write(text, to: "r.json")
        let error = try #require(throws: ResultsError.self) { try ResultsInput.load(path: path, options: ImportOptions(format: .asv)) }
        #expect(error.category == .invalidData)
        #expect(error.description.hasPrefix(path + ": "), "\(error)")
        #expect(error.description.contains(words), "\(error)")
    }
}
