import Foundation
import QEResults
import QETestSupport
import Testing

/// Malformed, truncated and unexpected files of every format: exit 65 (66 for a missing file)
/// with one line that starts with the file's path.
@Suite("Importing bad input")
struct ImporterMalformedInputTests {
    /// Loads `text` written to a scratch file named `name` and returns the error.
    private func error(_ text: String, name: String, options: ImportOptions = ImportOptions()) throws -> (ResultsError, String) {
        let scratch = try ScratchDirectory()
        let path = try scratch.write(text, to: name)
        let error = try #require(throws: ResultsError.self) { try ResultsInput.load(path: path, options: options) }
        return (error, path)
    }

    private func expectOneLine(_ error: ResultsError, startingWith path: String, _ words: String,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(error.category == .invalidData, sourceLocation: sourceLocation)
        #expect(error.description.hasPrefix(path + ": "), "\(error)", sourceLocation: sourceLocation)
        #expect(!error.description.contains("\n"), sourceLocation: sourceLocation)
        #expect(error.description.contains(words), "\(error)", sourceLocation: sourceLocation)
    }

    // MARK: - Truncated fixtures

    @Test(arguments: [
        "hyperfine/compare.json", "hyperfine/scan.json", "hyperfine/list.json",
        "google-benchmark/repetitions.json", "google-benchmark/interleaved.json",
        "pytest-benchmark/sum.json", "criterion/sum/baseline/new/sample.json", "criterion/sum/baseline/new/raw.csv",
        "go-bench/old.txt", "go-bench/new.txt",
        "pyperf/suite.json", "pyperf/timeit.json", "asv/samples.json",
        "package-benchmark/fixture/results.json", "package-benchmark/fixture/fixture.jmh.json",
        "package-benchmark/fixture/fixture.SumBenchmarks.sum_(variant:_baseline).wallClock.histogram.json",
        "package-benchmark/fixture/fixture.SumBenchmarks.sum_(variant:_baseline).wallClock.histogram.samples.tsv",
        "xctest/linux-run1.log", "xctest/linux-run3.log",
    ])
    func truncatedFixturesAreRefused(relative: String) throws {
        let bytes = try ImportFixtures.bytes(relative)
        let scratch = try ScratchDirectory()
        if relative.hasPrefix("criterion/") {
            try scratch.write(try ImportFixtures.bytes("criterion/sum/baseline/new/benchmark.json"), to: "benchmark.json")
        }
        let name = URL(fileURLWithPath: relative).lastPathComponent
        for fraction in [0.02, 0.3, 0.5, 0.77, 0.95] {
            var cut = Int(Double(bytes.count) * fraction)
            // A cut right after a line break leaves whole lines, which text formats cannot tell
            // from a shorter file: cut one byte further into the line.
            if cut > 0 && bytes[cut - 1] == UInt8(ascii: "\n") { cut += 1 }
            let path = try scratch.write(Array(bytes[..<cut]), to: name)
            let error = try #require(throws: ResultsError.self, "\(relative) cut at \(cut)") { try ResultsInput.load(path: path) }
            #expect(error.category == .invalidData, "\(relative) cut at \(cut): \(error)")
            #expect(error.description.hasPrefix(path + ": "), "\(error)")
        }
    }

    @Test func anEmptyFileIsRefused() throws {
        let (error, path) = try error("", name: "empty.txt")
        expectOneLine(error, startingWith: path, "not a format qe-validate reads")
    }

    @Test func aMissingFileIs66() throws {
        let error = try #require(throws: ResultsError.self) { try ResultsInput.load(path: "/nonexistent/bench.json") }
        #expect(error.category == .missingInput)
        #expect(error.description.hasPrefix("/nonexistent/bench.json: "))
    }

    @Test func unrecognisedJSONSaysWhatIsRead() throws {
        let (error, path) = try error(#"{"hello": [1, 2]}"#, name: "x.json")
        expectOneLine(error, startingWith: path, "hyperfine --export-json")
        #expect(error.problem == .unrecognizedFormat)
    }

    // MARK: - hyperfine

    @Test(arguments: [
        (#"{"results": [{"command": "a", "times": [0.1, "x"]}]}"#, "results[0].times[1]: expected a number, found a string"),
        (#"{"results": [{"command": "a", "times": []}]}"#, "results[0].times: no times"),
        (#"{"results": [{"command": "a", "times": [0.1, -0.2]}]}"#, "results[0].times[1]: non-positive time -0.2"),
        (#"{"results": [{"command": "a", "times": [0.1, NaN]}]}"#, "results[0].times[1]: non-finite number NaN"),
        (#"{"results": [{"times": [0.1]}]}"#, "results[0]: missing \"command\""),
        (#"{"results": []}"#, "\"results\" is empty"),
        (#"{"results": {"command": "a"}}"#, "results: expected an array"),
        (#"{"results": [{"command": "a", "mean": 0.1}]}"#, "raw timings are needed"),
        (#"{"results": [{"command": "a", "times": [0.1, 0.2], "exit_codes": [0, 1]}]}"#, "failed in 1 of 2 executions"),
        (#"{"results": [{"command": "a", "times": [0.1]}, {"command": "a", "times": [0.1]}]}"#, "both become command (a)"),
    ])
    func hyperfine(text: String, words: String) throws {
        let (error, path) = try error(text, name: "h.json", options: ImportOptions(format: .hyperfine))
        expectOneLine(error, startingWith: path, words)
    }

    // MARK: - Google Benchmark

    @Test(arguments: [
        (#"{"context": {}, "benchmarks": [{"name": "BM", "run_type": "iteration", "time_unit": "ns"}]}"#, "benchmarks[0]: missing \"real_time\""),
        (#"{"context": {}, "benchmarks": [{"name": "BM", "run_type": "iteration", "real_time": 5, "time_unit": "fortnights"}]}"#, "unknown unit \"fortnights\""),
        (#"{"context": {}, "benchmarks": [{"name": "BM", "run_type": "iteration", "real_time": 0, "time_unit": "ns"}]}"#, "non-positive time 0"),
        (#"{"context": {}, "benchmarks": [{"name": "BM", "error_occurred": true, "error_message": "boom", "real_time": 1}]}"#, "reported an error: boom"),
        (#"{"context": {}, "benchmarks": []}"#, "\"benchmarks\" is empty"),
        (#"{"context": {}, "benchmarks": [{"run_type": "iteration", "real_time": 1}]}"#, "benchmarks[0]: missing \"name\""),
    ])
    func googleBenchmark(text: String, words: String) throws {
        let (error, path) = try error(text, name: "g.json")
        expectOneLine(error, startingWith: path, words)
    }

    @Test func googleBenchmarkMixedUnitsAreConverted() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write(#"""
            {"context": {}, "benchmarks": [
              {"name": "BM", "run_name": "BM", "run_type": "iteration", "repetition_index": 1, "real_time": 2, "time_unit": "us"},
              {"name": "BM", "run_name": "BM", "run_type": "iteration", "repetition_index": 0, "real_time": 1500, "time_unit": "ns"}
            ]}
            """#, to: "g.json")
        let file = try ResultsInput.load(path: path)
        #expect(file.unit == .microseconds)
        #expect(file.benchmarks[0].runs.map(\.samples) == [[1.5], [2]], "in repetition order, converted exactly")
    }

    // MARK: - pytest-benchmark

    @Test(arguments: [
        (#"{"machine_info": {}, "benchmarks": [{"name": "t", "stats": {"iterations": 1, "rounds": 2, "mean": 0.1}}]}"#, "--benchmark-save-data"),
        (#"{"machine_info": {}, "benchmarks": [{"name": "t", "stats": {"iterations": 1, "rounds": 3, "data": [0.1, 0.2]}}]}"#, "\"data\" has 2 values but \"rounds\" is 3"),
        (#"{"machine_info": {}, "benchmarks": [{"name": "t", "stats": {"iterations": 0, "data": [0.1]}}]}"#, "stats.iterations: expected a whole number ≥ 1, found 0"),
        (#"{"machine_info": {}, "benchmarks": [{"name": "t", "stats": {"iterations": 1, "data": [0.1, Infinity]}}]}"#, "benchmarks[0].stats.data[1]: non-finite number Infinity"),
        (#"{"machine_info": {}, "benchmarks": [{"name": "t"}]}"#, "benchmarks[0]: missing \"stats\""),
        (#"{"machine_info": {}, "benchmarks": [{"name": "t", "stats": {"data": [0.1]}}]}"#, "missing \"iterations\""),
    ])
    func pytestBenchmark(text: String, words: String) throws {
        let (error, path) = try error(text, name: "p.json")
        expectOneLine(error, startingWith: path, words)
    }

    @Test func pytestWithOneIterationPerRoundHoldsIterations() throws {
        let scratch = try ScratchDirectory()
        let single = try scratch.write(#"{"machine_info": {}, "benchmarks": [{"name": "t[a]", "params": {"variant": "a", "n": 5}, "stats": {"iterations": 1, "data": [0.1, 0.2]}}]}"#, to: "one.json")
        let file = try ResultsInput.load(path: single)
        #expect(file.benchmarks[0].sampleKind == .iteration)
        #expect(file.benchmarks[0].key == BenchmarkKey(name: "t[5]", variant: "a"))
        #expect(file.benchmarks[0].parameters == ["n": 5])
        // The same benchmark as batch means in another file cannot be merged with it.
        let batched = try scratch.write(#"{"machine_info": {}, "benchmarks": [{"name": "t[a]", "params": {"variant": "a", "n": 5}, "stats": {"iterations": 4, "data": [0.1]}}]}"#, to: "batch.json")
        let error = try #require(throws: ResultsError.self) { try ResultsInput.load(paths: [single, batched]) }
        #expect(error.description.hasPrefix(batched + ": "))
        #expect(error.description.contains("batch-mean here but iteration in \(single)"))
    }

    // MARK: - Criterion

    @Test(arguments: [
        (#"{"sampling_mode": "Linear", "iters": [1, 2], "times": [5]}"#, "\"iters\" has 2 values but \"times\" has 1"),
        (#"{"sampling_mode": "Linear", "iters": [0], "times": [5]}"#, "iters[0]: iteration count 0 is below 1"),
        (#"{"sampling_mode": "Linear", "iters": [1], "times": [-5]}"#, "times[0]: non-positive time -5"),
        (#"{"sampling_mode": "Linear", "times": [5]}"#, "missing \"iters\""),
    ])
    func criterionSample(text: String, words: String) throws {
        let scratch = try ScratchDirectory()
        try scratch.write(#"{"group_id":"g","function_id":"f","value_str":null,"full_id":"g/f"}"#, to: "benchmark.json")
        let path = try scratch.write(text, to: "sample.json")
        let error = try #require(throws: ResultsError.self) { try ResultsInput.load(path: path) }
        expectOneLine(error, startingWith: path, words)
    }

    @Test func criterionSampleWithoutItsBenchmarkJSONIs66() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write(#"{"sampling_mode": "Linear", "iters": [1], "times": [5]}"#, to: "sample.json")
        let error = try #require(throws: ResultsError.self) { try ResultsInput.load(path: path) }
        #expect(error.category == .missingInput)
        #expect(error.description.hasPrefix(scratch.file("benchmark.json") + ": no such file"))
        #expect(error.description.contains("needs both"))
    }

    @Test func aFolderWithoutCriterionOutputIsRefused() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("x", to: "notes.txt")
        let error = try #require(throws: ResultsError.self) { try ResultsInput.load(path: scratch.path) }
        expectOneLine(error, startingWith: scratch.path, "no Criterion.rs sample.json below \(scratch.path)")
    }

    // MARK: - Go

    @Test(arguments: [
        ("BenchmarkX-2   \t 100\t abc ns/op\n", "line 1: ns/op value \"abc\" is not a number"),
        ("BenchmarkX-2   \t 100\t 5 MB/s\n", "line 1: BenchmarkX-2 has no ns/op value"),
        ("BenchmarkX-2   \t many\t 5 ns/op\n", "line 1: expected the iteration count"),
        ("BenchmarkX-2   \t 100\t 5 ns/op\t 7\n", "value-unit pairs"),
        ("BenchmarkX-2   \t 100\t 0 ns/op\n", "not positive"),
        ("BenchmarkX-2   \t 100\t 5 ns/op\n--- FAIL: BenchmarkY\n", "line 2: go test reported a failure"),
        ("goos: linux\nPASS\n", "no benchmark result lines"),
        ("BenchmarkX-2   \t 100\t 5 ns/op\nBenchmarkX-2   \t 100\t 5", "the last line has no line break"),
        ("BenchmarkX-2   \t 100\t 5 ns/op\nBenchmarkX-2   \t", "has no figures: the file looks cut off"),
    ])
    func goBench(text: String, words: String) throws {
        let (error, path) = try error(text, name: "go.txt", options: ImportOptions(format: .goBench))
        expectOneLine(error, startingWith: path, words)
    }

    @Test func goSubBenchmarksCarryTheirVariantAndParameters() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("""
            pkg: example.com/sort
            BenchmarkSort/variant=quick/n=1000-8    \t 5000\t 250.5 ns/op
            BenchmarkSort/variant=merge/n=1000-8    \t 4000\t 300 ns/op
            BenchmarkSort/variant=quick/n=1000-8    \t 5000\t 249.5 ns/op
            ok  \texample.com/sort\t1.0s

            """, to: "go.txt")
        let file = try ResultsInput.load(path: path)
        #expect(file.benchmarks.map(\.key.description) == ["Sort/n=1000 (quick)", "Sort/n=1000 (merge)"])
        #expect(file.benchmarks[0].runs.map(\.samples) == [[250.5], [249.5]])
        #expect(file.benchmarks[0].parameters == ["n": "1000", "gomaxprocs": 8])
    }

    // MARK: - CSV

    @Test(arguments: [
        ("name,variant,run,value,unit\nsort,a,1,12,ns\nsort,a,1,x,ns\n", "line 3: value \"x\" is not a number"),
        ("name,variant,run,value,unit\nsort,a,1,12,ns\nsort,a,1\n", "line 3: 3 fields where the header has 5"),
        ("name,variant,run,value,unit\nsort,a,1,12,ns\nsort,a,1,13,ns", "the last line has no line break"),
        ("name,variant,run,value,unit\nsort,a,1,12,fortnights\n", "unknown unit \"fortnights\""),
        ("name,variant,run,value\nsort,a,1,12\n", "give the unit of the values with --unit"),
        ("name,variant,run,time,unit\nsort,a,1,12,ns\n", "no \"value\" column"),
        ("name,variant,run,value,unit\nsort,a,1,-3,ns\n", "line 2: value -3 is not positive"),
        ("name,variant,run,value,unit\nsort,a,1,nan,ns\n", "value \"nan\" is not a number"),
        ("name,variant,run,value,unit\n,a,1,3,ns\n", "line 2: the name is empty"),
        ("name,variant,run,value,unit\n\"sort,a,1,3,ns\n", "a quoted field is not closed"),
        ("name,variant,run,value,unit\n", "no samples"),
    ])
    func csv(text: String, words: String) throws {
        let (error, path) = try error(text, name: "t.csv", options: ImportOptions(format: .csv))
        expectOneLine(error, startingWith: path, words)
    }

    @Test func csvRunsUnitsAndVariants() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("""
            Name,Variant,Run,Value,Unit\r
            sort,old,2,1.5,ms\r
            sort,old,1,1200,us\r
            sort,old,2,1.7,ms\r
            "sort, big",new,1,3,ms\r

            """, to: "t.csv")
        let file = try ResultsInput.load(path: path)
        #expect(file.unit == .milliseconds)
        #expect(file.suite == "csv")
        #expect(file.benchmarks.map(\.key.description) == ["sort (old)", "sort, big (new)"])
        #expect(file.benchmarks[0].runs.map(\.samples) == [[1.2], [1.5, 1.7]], "runs in numeric order")
        #expect(file.benchmarks[0].sampleKind == .iteration)

        let plain = try scratch.write("name,value\nsort,3\nsort,4\n", to: "plain.csv")
        let unitless = try ResultsInput.load(path: plain, options: ImportOptions(variant: "mine", unit: .seconds))
        #expect(unitless.unit == .seconds)
        #expect(unitless.benchmarks.map(\.key.description) == ["sort (mine)"])
        #expect(unitless.benchmarks[0].runs.map(\.samples) == [[3, 4]])
    }
}

/// CSV shapes beyond the plain header: no header at all, a unit in the value column's header,
/// Go files run with several GOMAXPROCS values.
@Suite("Importing other shapes of text")
struct ImporterTextShapeTests {
    @Test func csvWithoutAHeaderInTheDocumentedOrder() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("sort,baseline,1,12.5\nsort,baseline,2,12.7\nsort,flash,1,3.5\nsort,flash,2,3.25\n", to: "t.csv")
        #expect(try ResultsInput.detectFormat(path: path) == .csv)
        let file = try ResultsInput.load(path: path, options: ImportOptions(unit: .milliseconds))
        #expect(file.benchmarks.map(\.key.description) == ["sort (baseline)", "sort (flash)"])
        #expect(file.benchmarks[0].runs.map(\.samples) == [[12.5], [12.7]])
        #expect(file.unit == .milliseconds)
        let withUnits = try scratch.write("sort,baseline,1,12.5,us\nsort,flash,1,3.5,us\n", to: "u.csv")
        #expect(try ResultsInput.load(path: withUnits).unit == .microseconds)
    }

    @Test func csvUnitInTheValueHeader() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("name,variant,value_ms\nsort,a,1.5\nsort,b,0.5\n", to: "t.csv")
        let file = try ResultsInput.load(path: path)
        #expect(file.unit == .milliseconds)
        #expect(file.benchmarks.map(\.sampleCount) == [1, 1])
        let conflict = try #require(throws: ResultsError.self) {
            try ResultsInput.load(path: path, options: ImportOptions(unit: .seconds))
        }
        #expect(conflict.description.contains("the header says the values are in ms but --unit says s"))
    }

    @Test func goWithSeveralProcessorCountsKeepsThemApart() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("""
            BenchmarkSum     \t 100\t 10 ns/op
            BenchmarkSum-2   \t 100\t 6 ns/op
            BenchmarkSum     \t 100\t 11 ns/op

            """, to: "cpu.txt")
        let file = try ResultsInput.load(path: path)
        #expect(file.benchmarks.map(\.key.description) == ["Sum (default)", "Sum-2 (default)"])
        #expect(file.benchmarks[0].runs.map(\.samples) == [[10], [11]])
    }
}
