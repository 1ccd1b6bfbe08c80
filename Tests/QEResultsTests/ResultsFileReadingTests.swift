import Foundation
import Testing
import QEResults
import QETestSupport

/// Reads `text` from a file and returns the error it is rejected with (nil if it is accepted).
private func rejection(of text: String, file name: String = "results.json") throws -> (path: String, error: ResultsError?) {
    let directory = try ScratchDirectory()
    let path = try directory.write(text, to: name)
    do {
        _ = try ResultsFile.read(from: path)
        return (path, nil)
    } catch {
        return (path, error)
    }
}

@Suite("Reading a valid results file")
struct ValidReadingTests {
    @Test func readsEveryField() throws {
        let directory = try ScratchDirectory()
        let results = try ResultsFile.read(from: directory.write(Fixtures.valid, to: "results.json"))

        #expect(results.schema == "qe-validate/results@1")
        #expect(results.suite == "flash-attention")
        #expect(results.unit == .nanoseconds)
        #expect(results.createdAt == "2026-11-26T15:00:00Z")
        #expect(results.environment == EnvironmentInfo(host: "ci-1", os: "Debian GNU/Linux 12", cores: 2,
                                                       toolchain: "Swift 6.3.1", build: "release"))
        #expect(results.benchmarks.map(\.key) == [BenchmarkKey(name: "test-similarity", variant: "baseline"),
                                                  BenchmarkKey(name: "test-similarity", variant: "flash")])
        let baseline = results.benchmarks[0]
        #expect(baseline.parameters == ["seqLen": 512, "dim": 768, "causal": false, "dtype": "float32"])
        #expect(baseline.runs == [
            BenchmarkRun(samples: [13367000, 13412000], warmup: [14001000], startedAt: "2026-11-26T15:00:01Z"),
            BenchmarkRun(samples: [13390000, 1.2345678901234567e-05, 1e308]),
        ])
        #expect(baseline.memory == MemoryFigures(workingSetBytes: 1048576, peakAllocatedBytes: 1052672))
        #expect(results.benchmarks[1].memory == nil)
        #expect(results.benchmarks[1].parameters.isEmpty)
        #expect(results.benchmarks[1].runs.map(\.samples) == [[3300000, 3310000.5], [3290000]])
    }

    @Test func readsFromMemoryWithTheSameRules() throws {
        let results = try ResultsFile(jsonBytes: Array(Fixtures.valid.utf8), source: "inline")
        let fromData = try ResultsFile(jsonData: Data(Fixtures.valid.utf8), source: "inline")
        #expect(results == fromData)
        #expect(results.benchmarks.count == 2)
        #expect(throws: ResultsError(file: "inline", problem: .noBenchmarks, detail: "no benchmarks: \"benchmarks\" is empty")) {
            try ResultsFile(jsonBytes: Array(Fixtures.minimal(benchmarks: "[]").utf8), source: "inline")
        }
    }

    @Test func acceptsNullAsAbsentForOptionalMembers() throws {
        let text = Fixtures.minimal(
            benchmarks: #"[ { "name": "a", "variant": "base", "parameters": null, "memory": null, "runs": [ { "samples": [1], "warmup": null, "startedAt": null } ] } ]"#,
            extra: #""createdAt": null, "environment": { "host": null, "cores": null },"#)
        let results = try ResultsFile(jsonBytes: Array(text.utf8), source: "x")
        #expect(results.createdAt == nil)
        #expect(results.environment.isEmpty)
        #expect(results.benchmarks[0].runs[0] == BenchmarkRun(samples: [1]))
        #expect(results.benchmarks[0].memory == nil)
    }

    @Test func skipsAByteOrderMark() throws {
        let results = try ResultsFile(jsonBytes: [0xEF, 0xBB, 0xBF] + Array(Fixtures.minimal().utf8), source: "x")
        #expect(results.benchmarks[0].runs[0].samples == [1, 2])
    }

    @Test func findsBenchmarksAndConvertsTheirSamples() throws {
        let results = try ResultsFile(jsonBytes: Array(Fixtures.valid.utf8), source: "x")
        #expect(results.pooledSamples(name: "test-similarity", variant: "flash", in: .milliseconds) == [3.3, 3.3100005, 3.29])
        #expect(results.runSamples(name: "test-similarity", variant: "flash", in: .microseconds) == [[3300, 3310.0005], [3290]])
        #expect(results.runSamples(name: "test-similarity", variant: "flash", in: .nanoseconds) == [[3300000, 3310000.5], [3290000]])
        #expect(results.pooledSamples(name: "test-similarity", variant: "nope", in: .seconds) == nil)
        #expect(results.benchmark(name: "test-similarity", variant: "flash")?.sampleCount == 3)
    }
}

/// One way a results file can be wrong, and what reading it must say.
struct InvalidCase: CustomTestStringConvertible, Sendable {
    let label: String
    let bytes: [UInt8]
    let problem: ResultsError.Problem
    /// Fragments the message (after "PATH: ") must contain.
    let fragments: [String]

    var testDescription: String { label }

    init(label: String, text: String, problem: ResultsError.Problem, fragments: [String]) {
        self.init(label: label, bytes: Array(text.utf8), problem: problem, fragments: fragments)
    }

    init(label: String, bytes: [UInt8], problem: ResultsError.Problem, fragments: [String]) {
        self.label = label
        self.bytes = bytes
        self.problem = problem
        self.fragments = fragments
    }

    /// The UTF-8 of `text` with every "é" (C3 A9) written as Latin-1 (E9), which is not UTF-8.
    static func latin1E(_ text: String) -> [UInt8] {
        var result: [UInt8] = []
        for byte in text.utf8 {
            if byte == 0xA9, result.last == 0xC3 { result[result.count - 1] = 0xE9 } else { result.append(byte) }
        }
        return result
    }

    static let all: [InvalidCase] = [
        InvalidCase(label: "not JSON", text: "hello", problem: .malformedJSON,
                    fragments: ["malformed JSON at line 1, column 1", "invalid literal 'hello'"]),
        InvalidCase(label: "empty file", text: "", problem: .malformedJSON, fragments: ["the file is empty"]),
        InvalidCase(label: "truncated", text: String(Fixtures.minimal().prefix(80)), problem: .malformedJSON,
                    fragments: ["unexpected end of file", "truncated"]),
        InvalidCase(label: "trailing comma, with its line and column",
                    text: "{\n  \"schema\": \"qe-validate/results@1\",\n  \"benchmarks\": [1,]\n}",
                    problem: .malformedJSON, fragments: ["line 3, column 20: expected a value, found ']'"]),
        InvalidCase(label: "duplicate key", text: Fixtures.minimal(extra: #""unit": "ms","#), problem: .malformedJSON,
                    fragments: ["duplicate key \"unit\""]),
        InvalidCase(label: "top level is an array", text: "[1, 2]", problem: .wrongType,
                    fragments: ["expected a JSON object at the top level, found an array"]),
        InvalidCase(label: "missing schema", text: Fixtures.minimal(schema: ""), problem: .wrongSchema,
                    fragments: [#"missing "schema""#, #"expected "qe-validate/results@1""#]),
        InvalidCase(label: "other schema", text: Fixtures.minimal(schema: #""schema": "qe-validate/results@2","#),
                    problem: .wrongSchema,
                    fragments: [#"unsupported schema "qe-validate/results@2", expected "qe-validate/results@1""#]),
        InvalidCase(label: "schema not a string", text: Fixtures.minimal(schema: #""schema": 1,"#), problem: .wrongSchema,
                    fragments: [#""schema" is a number, expected the string "qe-validate/results@1""#]),
        InvalidCase(label: "unknown unit", text: Fixtures.minimal(unit: #""sec""#), problem: .unknownUnit,
                    fragments: [#"unknown unit "sec"; accepted units: ns, us, ms, s"#]),
        InvalidCase(label: "unit not a string", text: Fixtures.minimal(unit: "1000"), problem: .wrongType,
                    fragments: ["unit: expected a string, found a number"]),
        InvalidCase(label: "empty benchmarks", text: Fixtures.minimal(benchmarks: "[]"), problem: .noBenchmarks,
                    fragments: ["no benchmarks"]),
        InvalidCase(label: "benchmarks not an array", text: Fixtures.minimal(benchmarks: "{}"), problem: .wrongType,
                    fragments: ["benchmarks: expected an array of benchmark objects, found an object"]),
        InvalidCase(label: "benchmark without runs",
                    text: Fixtures.minimal(benchmarks: #"[ { "name": "a", "variant": "base", "runs": [] } ]"#),
                    problem: .noRuns, fragments: ["benchmark a (base): no runs"]),
        InvalidCase(label: "benchmark without a runs key",
                    text: Fixtures.minimal(benchmarks: #"[ { "name": "a", "variant": "base" } ]"#),
                    problem: .missingKey, fragments: [#"benchmark a (base): benchmarks[0]: missing "runs""#]),
        InvalidCase(label: "benchmark without a variant",
                    text: Fixtures.minimal(benchmarks: #"[ { "name": "a", "runs": [] } ]"#),
                    problem: .missingKey, fragments: [#"benchmarks[0]: missing "variant""#]),
        InvalidCase(label: "empty name",
                    text: Fixtures.minimal(benchmarks: #"[ { "name": "", "variant": "v", "runs": [] } ]"#),
                    problem: .invalidValue, fragments: ["benchmarks[0].name: must not be empty"]),
        InvalidCase(label: "run without samples", text: Fixtures.withRuns(#"[ { "samples": [1] }, { "samples": [] } ]"#),
                    problem: .noSamples, fragments: ["benchmark a (base), run 2: no samples"]),
        InvalidCase(label: "samples of the wrong type", text: Fixtures.withRuns(#"[ { "samples": "1 2 3" } ]"#),
                    problem: .wrongType,
                    fragments: ["benchmark a (base), run 1", "benchmarks[0].runs[0].samples: expected an array of numbers, found a string"]),
        InvalidCase(label: "a sample of the wrong type", text: Fixtures.withRuns(#"[ { "samples": [1, "2"] } ]"#),
                    problem: .wrongType,
                    fragments: ["benchmark a (base), run 1", "benchmarks[0].runs[0].samples[1]: expected a number, found a string"]),
        InvalidCase(label: "bare NaN sample", text: Fixtures.withRuns(#"[ { "samples": [1] }, { "samples": [1, 2, NaN, 4] } ]"#),
                    problem: .nonFinite, fragments: ["benchmark a (base), run 2, sample 3: non-finite sample NaN"]),
        InvalidCase(label: "bare Infinity sample", text: Fixtures.withRuns(#"[ { "samples": [Infinity] } ]"#),
                    problem: .nonFinite, fragments: ["benchmark a (base), run 1, sample 1: non-finite sample Infinity"]),
        InvalidCase(label: "bare -Infinity sample", text: Fixtures.withRuns(#"[ { "samples": [5, -Infinity] } ]"#),
                    problem: .nonFinite, fragments: ["run 1, sample 2: non-finite sample -Infinity"]),
        InvalidCase(label: "lowercase nan sample", text: Fixtures.withRuns(#"[ { "samples": [nan] } ]"#),
                    problem: .nonFinite, fragments: ["run 1, sample 1: non-finite sample nan"]),
        InvalidCase(label: "1e400 overflows to infinity", text: Fixtures.withRuns(#"[ { "samples": [1, 1e400] } ]"#),
                    problem: .nonFinite,
                    fragments: ["run 1, sample 2: non-finite sample 1e400 (beyond the range of a double)"]),
        InvalidCase(label: "NaN warm-up", text: Fixtures.withRuns(#"[ { "samples": [1], "warmup": [2, NaN] } ]"#),
                    problem: .nonFinite, fragments: ["benchmark a (base), run 1, warm-up 2: non-finite warm-up NaN"]),
        InvalidCase(label: "zero sample", text: Fixtures.withRuns(#"[ { "samples": [3, 0] } ]"#),
                    problem: .nonPositive, fragments: ["benchmark a (base), run 1, sample 2: non-positive sample 0"]),
        InvalidCase(label: "negative sample", text: Fixtures.withRuns(#"[ { "samples": [1] }, { "samples": [3, 2, -5.5] } ]"#),
                    problem: .nonPositive, fragments: ["benchmark a (base), run 2, sample 3: non-positive sample -5.5"]),
        InvalidCase(label: "negative zero sample", text: Fixtures.withRuns(#"[ { "samples": [-0] } ]"#),
                    problem: .nonPositive, fragments: ["run 1, sample 1: non-positive sample -0.0"]),
        InvalidCase(label: "1e-400 underflows to zero", text: Fixtures.withRuns(#"[ { "samples": [1e-400] } ]"#),
                    problem: .nonPositive, fragments: ["run 1, sample 1: non-positive sample 0"]),
        InvalidCase(label: "duplicate benchmark",
                    text: Fixtures.minimal(benchmarks: #"""
                        [ { "name": "a", "variant": "base", "runs": [ { "samples": [1] } ] },
                          { "name": "a", "variant": "flash", "runs": [ { "samples": [1] } ] },
                          { "name": "a", "variant": "base", "runs": [ { "samples": [2] } ] } ]
                        """#),
                    problem: .duplicateBenchmark,
                    fragments: ["benchmark a (base) appears twice (benchmarks[0] and benchmarks[2])", "(name, variant)"]),
        InvalidCase(label: "NaN parameter",
                    text: Fixtures.minimal(benchmarks: #"[ { "name": "a", "variant": "base", "parameters": { "scale": NaN }, "runs": [ { "samples": [1] } ] } ]"#),
                    problem: .nonFinite, fragments: ["benchmark a (base): benchmarks[0].parameters.scale: non-finite number NaN"]),
        InvalidCase(label: "null parameter",
                    text: Fixtures.minimal(benchmarks: #"[ { "name": "a", "variant": "base", "parameters": { "dim": null }, "runs": [ { "samples": [1] } ] } ]"#),
                    problem: .wrongType,
                    fragments: ["benchmark a (base): benchmarks[0].parameters.dim: expected a number, string or boolean, found null"]),
        InvalidCase(label: "NaN memory figure",
                    text: Fixtures.minimal(benchmarks: #"[ { "name": "a", "variant": "base", "runs": [ { "samples": [1] } ], "memory": { "workingSetBytes": NaN } } ]"#),
                    problem: .nonFinite, fragments: ["benchmark a (base): benchmarks[0].memory.workingSetBytes: non-finite number NaN"]),
        InvalidCase(label: "negative memory figure",
                    text: Fixtures.minimal(benchmarks: #"[ { "name": "a", "variant": "base", "runs": [ { "samples": [1] } ], "memory": { "peakAllocatedBytes": -1 } } ]"#),
                    problem: .invalidValue,
                    fragments: ["benchmarks[0].memory.peakAllocatedBytes: expected a whole number ≥ 0, found -1"]),
        InvalidCase(label: "fractional core count", text: Fixtures.minimal(extra: #""environment": { "cores": 1.5 },"#),
                    problem: .invalidValue, fragments: ["environment.cores: expected a whole number ≥ 1, found 1.5"]),
        InvalidCase(label: "environment string of the wrong type", text: Fixtures.minimal(extra: #""environment": { "cpu": 7 },"#),
                    problem: .wrongType, fragments: ["environment.cpu: expected a string, found a number"]),
        InvalidCase(label: "NaN under a key the format ignores", text: Fixtures.minimal(extra: #""notes": { "x": [NaN] },"#),
                    problem: .nonFinite, fragments: ["notes.x[0]: non-finite number NaN"]),
        InvalidCase(label: "invalid UTF-8", bytes: latin1E(Fixtures.minimal(extra: #""notes": "café","#)),
                    problem: .malformedJSON, fragments: ["line 1, column 75: invalid UTF-8 in the string"]),
    ]
}

@Suite("Rejecting invalid results files")
struct InvalidReadingTests {
    @Test(arguments: InvalidCase.all)
    func rejectsWithExitCode65AndSaysWhereAndWhat(_ invalid: InvalidCase) throws {
        let directory = try ScratchDirectory()
        let path = try directory.write(invalid.bytes, to: "bad results.json")
        let error = try #require(throws: ResultsError.self) { try ResultsFile.read(from: path) }

        #expect(error.problem == invalid.problem)
        #expect(error.category == .invalidData)
        #expect(error.file == path)
        #expect(error.description.hasPrefix(path + ": "))
        #expect(!error.description.contains("\n"))
        for fragment in invalid.fragments {
            #expect(error.description.contains(fragment), "\(error.description) should contain \(fragment)")
        }
    }

    @Test func missingFileExits66() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("absent.json")
        let error = try #require(throws: ResultsError.self) { try ResultsFile.read(from: path) }
        #expect(error == ResultsError(file: path, problem: .noSuchFile, detail: "no such file"))
        #expect(error.category == .missingInput)
        #expect(error.description == "\(path): no such file")
    }

    @Test func directoryExits66() throws {
        let directory = try ScratchDirectory()
        let error = try #require(throws: ResultsError.self) { try ResultsFile.read(from: directory.path) }
        #expect(error.problem == .unreadable)
        #expect(error.category == .missingInput)
        #expect(error.description == "\(directory.path): is a directory, not a file")
    }

    @Test func hugeButFiniteNumbersAreAccepted() throws {
        let text = Fixtures.withRuns(#"[ { "samples": [1e308, 1.7976931348623157e308, 5e-324] } ]"#)
        let results = try ResultsFile(jsonBytes: Array(text.utf8), source: "x")
        #expect(results.benchmarks[0].runs[0].samples == [1e308, .greatestFiniteMagnitude, .leastNonzeroMagnitude])
    }

    @Test func messagesStayOnOneLineWhateverTheNames() throws {
        let text = Fixtures.minimal(benchmarks: #"[ { "name": "two\nlines", "variant": "tab\there", "runs": [] } ]"#)
        let (path, error) = try rejection(of: text)
        #expect(error?.description == #"\#(path): benchmark two\nlines (tab\there): no runs ("runs" is empty)"#)
    }

    @Test func theFirstProblemInFileOrderIsReported() throws {
        let text = Fixtures.minimal(benchmarks: #"""
            [ { "name": "a", "variant": "base", "runs": [ { "samples": [1, -1] } ] },
              { "name": "b", "variant": "base", "runs": [ { "samples": [NaN] } ] } ]
            """#)
        let (path, error) = try rejection(of: text)
        #expect(error?.description == "\(path): benchmark a (base), run 1, sample 2: non-positive sample -1 (times must be greater than zero)")
    }
}
