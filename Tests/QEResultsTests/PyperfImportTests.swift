import Foundation
import QEResults
import QETestSupport
import Testing

/// pyperf files made by pyperf 2.11.0 (`scripts/fixtures/pyperf/make-fixtures.sh`): every
/// worker process is a run, calibration runs are left out, metadata are inherited.
@Suite("Importing pyperf JSON")
struct PyperfImportTests {
    private func load(_ relative: String, _ options: ImportOptions = ImportOptions()) throws -> ResultsFile {
        try ResultsInput.load(path: ImportFixtures.path(relative), options: options)
    }

    @Test func suiteRunsAreWorkerProcesses() throws {
        let file = try load("pyperf/suite.json")
        #expect(file.suite == "pyperf")
        #expect(file.unit == .seconds)
        #expect(file.benchmarks.map(\.key.description) == ["sum-baseline (default)", "sum-candidate (default)"])
        let baseline = try #require(file.benchmark(name: "sum-baseline", variant: "default"))
        // 4 runs in the file: the first is pyperf's calibration run (warm-ups only).
        #expect(baseline.runs.count == 3)
        #expect(baseline.runs.map(\.samples.count) == [5, 5, 5])
        #expect(baseline.runs[0].samples[0] == 0.0003914264804687484)
        #expect(baseline.runs[2].samples[4] == 0.0006484789785154987)
        #expect(baseline.runs[0].warmup == [0.000399203150390548])
        #expect(baseline.runs[0].startedAt == "2026-12-06 08:39:50.584745")
        #expect(baseline.sampleKind == .batchMean, "512 loops per value")
        let candidate = try #require(file.benchmark(name: "sum-candidate", variant: "default"))
        #expect(candidate.runs[0].samples[0] == 0.0010611541445308958)
        #expect(candidate.runs[2].samples[4] == 0.000618396710937219)
        #expect(candidate.runs[0].warmup == [0.0013205471210939734])
        #expect(file.createdAt == "2026-12-06 08:39:50.584745")
        #expect(file.environment.host == "vm")
        #expect(file.environment.cpu == "Intel(R) Xeon(R) Processor")
        #expect(file.environment.cores == 2)
        #expect(file.environment.os == "Linux-6.18.44-fc-v1300-x86_64-with-glibc2.36")
        #expect(file.environment.toolchain == "CPython 3.11.7 (64-bit)")
        #expect(ResultsInput.warnings(for: file, path: "s.json").count == 1)
    }

    @Test func gzipCompressedSuite() throws {
        let file = try load("pyperf/suite.json.gz")
        #expect(file.benchmarks.map(\.key.description) == ["sum-baseline (default)", "sum-candidate (default)"])
        #expect(file.benchmarks.map(\.runs.count) == [3, 3])
        #expect(file.benchmarks[0].runs[0].samples[0] == 0.0004259209335941705)
        #expect(file.benchmarks[0].runs[2].samples[4] == 0.0004949146445314412)
        #expect(file.benchmarks[1].runs[0].samples[0] == 0.0007088476953125422)
        #expect(file.benchmarks[1].runs[2].samples[4] == 0.0007964523203130014)
        #expect(file.benchmarks.allSatisfy { $0.sampleKind == .batchMean })
        #expect(try ResultsInput.detectFormat(path: ImportFixtures.path("pyperf/suite.json.gz")) == .pyperf)
    }

    @Test func singleBenchmarkTakesItsNameFromTheFile() throws {
        let file = try load("pyperf/timeit.json")
        #expect(file.benchmarks.map(\.key.description) == ["sum-builtin (default)"])
        let benchmark = file.benchmarks[0]
        #expect(benchmark.runs.map(\.samples.count) == [4, 4])
        #expect(benchmark.runs[0].samples[0] == 1.1637399999926857e-05)
        #expect(benchmark.runs[1].samples[3] == 3.5716920001505057e-06)
        #expect(benchmark.runs[0].warmup == [7.827816000144594e-06])
        #expect(benchmark.sampleKind == .batchMean, "--loops 1000")
    }

    @Test func aCommandWithOneLoopIsOneIteration() throws {
        let file = try load("pyperf/command.json")
        #expect(file.benchmarks.map(\.key.description) == ["python-startup (default)"])
        #expect(file.benchmarks[0].runs.map(\.samples) == [
            [0.1073345799998151, 0.09599650899986045, 0.1257161249998262],
            [0.11583312199991269, 0.12082223800007341, 0.11850411900013569],
        ])
        #expect(file.benchmarks[0].sampleKind == .iteration)
        #expect(file.environment.toolchain == nil, "pyperf command records no Python")
        #expect(file.environment.command == "python3 -c pass")
        #expect(ResultsInput.warnings(for: file, path: "c.json").isEmpty)
    }

    @Test func appendedRunsAreMoreRuns() throws {
        let file = try load("pyperf/appended.json")
        #expect(file.benchmarks[0].runs.count == 4)
        #expect(file.benchmarks[0].runs[0].samples[0] == 5.257000020719716e-07)
        #expect(file.benchmarks[0].runs[3].samples[2] == 5.83209998694656e-07)
        let merged = try ResultsInput.load(paths: [ImportFixtures.path("pyperf/suite.json"), ImportFixtures.path("pyperf/suite.json.gz")])
        #expect(merged.benchmarks.map(\.runs.count) == [6, 6], "two files, three worker processes each")
    }

    @Test func namePatternSplitsTheVariant() throws {
        let pattern = try NamePattern("(?<name>.+)-(?<variant>baseline|candidate)")
        let file = try load("pyperf/suite.json", ImportOptions(namePattern: pattern))
        #expect(file.benchmarks.map(\.key.description) == ["sum (baseline)", "sum (candidate)"])
    }

    @Test(arguments: ["pyperf/suite.json", "pyperf/timeit.json", "pyperf/command.json", "pyperf/appended.json", "pyperf/suite.json.gz"])
    func detected(relative: String) throws {
        #expect(try ResultsInput.detectFormat(path: ImportFixtures.path(relative)) == .pyperf)
    }

    // MARK: - Bad input

    private func error(_ text: String) throws -> (ResultsError, String) {
        let scratch = try ScratchDirectory()
        let path = try scratch.write(text, to: "p.json")
        let error = try #require(throws: ResultsError.self) { try ResultsInput.load(path: path, options: ImportOptions(format: .pyperf)) }
        return (error, path)
    }

    @Test(arguments: [
        (#"{"version": "1.0", "benchmarks": [{"metadata": {"name": "a"}, "runs": [{"values": [0.1, "x"]}]}]}"#,
         "benchmarks[0].runs[0].values[1]: expected a number, found a string"),
        (#"{"version": "1.0", "benchmarks": [{"metadata": {"name": "a"}, "runs": [{"values": [0.1, NaN]}]}]}"#,
         "benchmarks[0].runs[0].values[1]: non-finite number NaN"),
        (#"{"version": "1.0", "benchmarks": [{"metadata": {"name": "a"}, "runs": [{"values": [0.1, -2]}]}]}"#,
         "benchmarks[0].runs[0].values[1]: non-positive time -2"),
        (#"{"version": "1.0", "benchmarks": [{"metadata": {"name": "a"}}]}"#, "benchmarks[0]: missing \"runs\" (pyperf JSON)"),
        (#"{"version": "1.0", "benchmarks": [{"runs": [{"values": [0.1]}]}]}"#, "benchmarks[0]: no \"name\" in its metadata"),
        (#"{"version": "1.0", "benchmarks": [{"metadata": {"name": "a", "unit": "byte"}, "runs": [{"values": [1]}]}]}"#, "unit \"byte\" is not a time"),
        (#"{"version": "1.0", "benchmarks": [{"metadata": {"name": "a"}, "runs": [{"warmups": [[1, 0.1]]}]}]}"#, "no run has values"),
        (#"{"version": "1.0", "benchmarks": [{"metadata": {"name": "a", "loops": 0}, "runs": [{"values": [0.1]}]}]}"#,
         "benchmarks[0].metadata.loops: expected a whole number ≥ 1, found 0"),
        (#"{"version": "1.0", "benchmarks": [{"metadata": {"name": "a", "loops": 2.5}, "runs": [{"values": [0.1]}]}]}"#,
         "benchmarks[0].metadata.loops: expected a whole number"),
        (#"{"version": "1.0", "benchmarks": [{"metadata": {"name": "a"}, "runs": [{"warmups": [[1]], "values": [0.1]}]}]}"#,
         "benchmarks[0].runs[0].warmups[0][1]: expected another element"),
        (#"{"version": "1.0", "benchmarks": []}"#, "\"benchmarks\" is empty"),
        (#"{"version": "1.0", "benchmarks": [{"metadata": {"name": "a"}, "runs": [{"values": [0.1]}]}, {"metadata": {"name": "a"}, "runs": [{"values": [0.1]}]}]}"#,
         "both become a (default)"),
    ])
    func malformed(text: String, words: String) throws {
        let (error, path) = try error(text)
        #expect(error.category == .invalidData)
        #expect(error.description.hasPrefix(path + ": "), "\(error)")
        #expect(error.description.contains(words), "\(error)")
        #expect(!error.description.contains("\n"))
    }

    @Test func truncatedGzipIsRefused() throws {
        let bytes = try ImportFixtures.bytes("pyperf/suite.json.gz")
        let scratch = try ScratchDirectory()
        for cut in [5, 12, bytes.count / 2, bytes.count - 9, bytes.count - 1] {
            let path = try scratch.write(Array(bytes[..<cut]), to: "suite.json.gz")
            let error = try #require(throws: ResultsError.self, "cut at \(cut)") { try ResultsInput.load(path: path) }
            #expect(error.category == .invalidData)
            #expect(error.description.hasPrefix(path + ": gzip-compressed, but "), "\(error)")
            #expect(error.description.contains("cut off"), "\(error)")
        }
    }

    @Test func corruptGzipIsRefused() throws {
        var bytes = try ImportFixtures.bytes("pyperf/suite.json.gz")
        bytes[bytes.count - 6] ^= 0xFF  // inside the CRC-32 of the trailer
        let scratch = try ScratchDirectory()
        let path = try scratch.write(bytes, to: "suite.json.gz")
        let error = try #require(throws: ResultsError.self) { try ResultsInput.load(path: path) }
        #expect(error.category == .invalidData)
        #expect(error.description.contains("CRC-32"), "\(error)")
    }
}
