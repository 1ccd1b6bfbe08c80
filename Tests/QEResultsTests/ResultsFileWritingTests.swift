import Foundation
import Testing
import QEResults
import QETestSupport

@Suite("Writing results files")
struct ResultsFileWritingTests {
    /// A file that exercises every field and the awkward values: 17-digit and subnormal
    /// doubles, whole numbers above 2⁵³, strings that need escaping.
    static let awkward = ResultsFile(
        suite: "flash \"attention\"\n",
        unit: .microseconds,
        createdAt: "2026-11-26T15:00:00Z",
        environment: EnvironmentInfo(host: "höst ☃", os: "Debian", kernel: "6.1", cpu: "AMD EPYC 7B13", cores: 2,
                                     toolchain: "Swift 6.3.1", build: "release", gitCommit: "abc123",
                                     command: "qe-validate --claim 2.49x-7.47x\t# \\ \u{1}"),
        benchmarks: [
            Benchmark(
                name: "test-similarity", variant: "baseline",
                parameters: ["seqLen": 512, "dim": 768, "scale": 0.036084391824351615, "causal": false,
                             "dtype": "float32", "huge": 1e300, "negative": -3],
                runs: [
                    BenchmarkRun(samples: [13367000, 13412000, 1.2345678901234567e-05, 0.1, 1e308,
                                           .greatestFiniteMagnitude, .leastNonzeroMagnitude, 9007199254740994,
                                           1.2345678901234568e20, 2.5e-7, 1.0000000000000002],
                                 warmup: [14001000], startedAt: "2026-11-26T15:00:01Z"),
                    BenchmarkRun(samples: [3.0]),
                ],
                memory: MemoryFigures(workingSetBytes: 1048576, peakAllocatedBytes: nil)),
            Benchmark(name: "test-similarity", variant: "flash",
                      runs: [BenchmarkRun(samples: [3300000.5])],
                      memory: MemoryFigures(workingSetBytes: 0, peakAllocatedBytes: 4096)),
        ])

    @Test func roundTripsExactly() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("out.json")
        try Self.awkward.write(to: path)
        let back = try ResultsFile.read(from: path)
        #expect(back == Self.awkward)
        // Bit-for-bit, not just ==: -0.0 == 0.0 would hide a sign error.
        let written = Self.awkward.benchmarks[0].runs[0].samples.map(\.bitPattern)
        #expect(back.benchmarks[0].runs[0].samples.map(\.bitPattern) == written)
        // Writing what was read gives the same bytes.
        #expect(back.jsonBytes() == Self.awkward.jsonBytes())
        #expect(try directory.contents() == ["out.json"])
    }

    @Test func roundTripsTheValidFixture() throws {
        let original = try ResultsFile(jsonBytes: Array(Fixtures.valid.utf8), source: "fixture")
        let again = try ResultsFile(jsonBytes: original.jsonBytes(), source: "again")
        #expect(again == original)
    }

    @Test func writesWholeNumbersWithoutAFractionAndOneLinePerRun() throws {
        let file = ResultsFile(suite: "s", unit: .nanoseconds, benchmarks: [
            Benchmark(name: "a", variant: "b", parameters: ["seqLen": 512],
                      runs: [BenchmarkRun(samples: [13367000, 2.5]), BenchmarkRun(samples: [7])]),
        ])
        let text = String(decoding: file.jsonBytes(), as: UTF8.self)
        #expect(text.contains(#"{ "samples": [13367000, 2.5] },"#))
        #expect(text.contains(#"{ "samples": [7] }"#))
        #expect(text.contains(#""parameters": { "seqLen": 512 }"#))
        #expect(text.hasPrefix("{\n  \"schema\": \"qe-validate/results@1\",\n  \"suite\": \"s\",\n  \"unit\": \"ns\",\n"))
        #expect(!text.contains("environment"))  // nothing known, nothing written
        #expect(!text.contains("memory"))
    }

    @Test func replacesAnExistingFile() throws {
        let directory = try ScratchDirectory()
        let path = try directory.write("old content", to: "r.json")
        try Self.awkward.write(to: path)
        #expect(try ResultsFile.read(from: path) == Self.awkward)
        #expect(try directory.contents() == ["r.json"])
    }

    @Test func failureToCreateExits73() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("no/such/dir/r.json")
        let error = try #require(throws: ResultsError.self) { try Self.awkward.write(to: path) }
        #expect(error.problem == .cannotWrite)
        #expect(error.category == .cannotWrite)
        #expect(error.description == path + ": cannot write: no such directory: " + directory.file("no/such/dir"))
    }

    @Test func aDirectoryIsNotReplaced() throws {
        let directory = try ScratchDirectory()
        let target = directory.file("occupied")
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: false)
        try directory.write("x", to: "occupied/keep")
        let error = try #require(throws: ResultsError.self) { try Self.awkward.write(to: target) }
        #expect(error.category == .cannotWrite)
        #expect(error.description == target + ": cannot write: is a directory, not a file")
        #expect(try directory.contents() == ["occupied"])  // no temporary file left behind
    }

    @Test func invalidDataIsNotWritten() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("r.json")
        var file = Self.awkward
        file.benchmarks[1].runs[0].samples.append(.nan)
        let error = try #require(throws: ResultsError.self) { try file.write(to: path) }
        #expect(error.category == .invalidData)
        #expect(error.description == "\(path): benchmark test-similarity (flash), run 1, sample 2: non-finite sample NaN")
        #expect(try directory.contents().isEmpty)
    }
}

@Suite("Validating a model built in code")
struct ModelValidationTests {
    private static func file(_ benchmarks: [Benchmark]) -> ResultsFile {
        ResultsFile(suite: "s", unit: .nanoseconds, benchmarks: benchmarks)
    }

    @Test func acceptsAValidModel() throws {
        try ResultsFileWritingTests.awkward.validate(source: "model")
    }

    @Test func rejectsWhatReadingRejects() {
        let run = BenchmarkRun(samples: [1])
        let cases: [(ResultsFile, ResultsError.Problem, String)] = [
            (Self.file([]), .noBenchmarks, "m: no benchmarks: \"benchmarks\" is empty"),
            (Self.file([Benchmark(name: "a", variant: "v", runs: [])]), .noRuns, "m: benchmark a (v): no runs (\"runs\" is empty)"),
            (Self.file([Benchmark(name: "a", variant: "v", runs: [run, BenchmarkRun(samples: [])])]), .noSamples,
             "m: benchmark a (v), run 2: no samples (\"samples\" is empty)"),
            (Self.file([Benchmark(name: "a", variant: "v", runs: [BenchmarkRun(samples: [1, .infinity])])]), .nonFinite,
             "m: benchmark a (v), run 1, sample 2: non-finite sample Infinity"),
            (Self.file([Benchmark(name: "a", variant: "v", runs: [BenchmarkRun(samples: [1], warmup: [0])])]), .nonPositive,
             "m: benchmark a (v), run 1, warm-up 1: non-positive warm-up 0 (times must be greater than zero)"),
            (Self.file([Benchmark(name: "a", variant: "v", runs: [run]), Benchmark(name: "a", variant: "v", runs: [run])]),
             .duplicateBenchmark,
             "m: benchmark a (v) appears twice (benchmarks[0] and benchmarks[1]); a benchmark is identified by (name, variant), which must be unique"),
            (Self.file([Benchmark(name: "a", variant: "", runs: [run])]), .invalidValue, "m: benchmarks[0].variant: must not be empty"),
            (Self.file([Benchmark(name: "a", variant: "v", parameters: ["x": .number(-.infinity)], runs: [run])]), .nonFinite,
             "m: benchmark a (v): benchmarks[0].parameters.x: non-finite number -Infinity"),
            (Self.file([Benchmark(name: "a", variant: "v", runs: [run], memory: MemoryFigures(workingSetBytes: -2))]), .invalidValue,
             "m: benchmark a (v): benchmarks[0].memory.workingSetBytes: expected a whole number ≥ 0, found -2"),
        ]
        for (file, problem, message) in cases {
            #expect(throws: ResultsError(file: "m", problem: problem, detail: String(message.dropFirst(3)))) {
                try file.validate(source: "m")
            }
        }
    }
}
