import QEResults
import QETestSupport
import Testing

/// `--name-pattern` and `--variant`, on real files.
@Suite("Naming imported benchmarks")
struct BenchmarkNamingTests {
    private func load(_ relative: String, pattern: String? = nil, variant: String? = nil) throws -> ResultsFile {
        let options = ImportOptions(namePattern: try pattern.map { try NamePattern($0) }, variant: variant)
        return try ResultsInput.load(path: ImportFixtures.path(relative), options: options)
    }

    private func keys(_ file: ResultsFile) -> [String] { file.benchmarks.map(\.key.description) }

    @Test func theIssuesExamplePatternOnPytest() throws {
        let file = try load("pytest-benchmark/sum.json", pattern: #"test_sum\[(?<variant>baseline|candidate)\]"#)
        #expect(keys(file) == ["test_sum[] (baseline)", "test_sum[] (candidate)"], "no name group: the variant's text is cut out")
        let named = try load("pytest-benchmark/sum.json", pattern: #"(?<name>test_\w+)\[(?<variant>\w+)\]"#)
        #expect(keys(named) == ["test_sum (baseline)", "test_sum (candidate)"])
    }

    @Test func googleBenchmarkNamesSplitByAPattern() throws {
        let file = try load("google-benchmark/repetitions.json", pattern: #"BM_Sum_(?<variant>[A-Za-z]+)/(?<name>[0-9]+)"#)
        #expect(keys(file) == ["16384 (Baseline)", "16384 (Candidate)"])
        #expect(file.benchmarks.map(\.runs.count) == [10, 10])
    }

    @Test func goNamesSplitByAPatternWithoutANameGroup() throws {
        let file = try load("go-bench/old.txt", pattern: #"^Benchmark(?<variant>[A-Za-z]+)"#)
        #expect(keys(file) == ["Benchmark-2 (Baseline)", "Benchmark-2 (Candidate)"])
    }

    @Test func aPatternWithOnlyANameGroupKeepsTheRecordedVariant() throws {
        let file = try load("criterion", pattern: #"^(?<name>[a-z]+)/"#)
        #expect(keys(file) == ["sum (baseline)", "sum (candidate)"])
        let labelled = try load("hyperfine/compare.json", pattern: #"(?<name>.+)"#, variant: "main")
        #expect(keys(labelled) == ["baseline (main)", "candidate (main)"])
    }

    @Test func aBenchmarkThePatternMissesIsAnError() throws {
        let path = ImportFixtures.path("go-bench/old.txt")
        let error = try #require(throws: ResultsError.self) {
            try ResultsInput.load(path: path, options: ImportOptions(namePattern: try NamePattern("Benchmark(?<variant>Baseline)")))
        }
        #expect(error.category == .invalidData)
        #expect(error.description == "\(path): benchmark \"BenchmarkCandidate-2\" does not match --name-pattern 'Benchmark(?<variant>Baseline)'")
    }

    @Test func namesThatCollideAreAnErrorNamingBoth() throws {
        let path = ImportFixtures.path("google-benchmark/repetitions.json")
        let error = try #require(throws: ResultsError.self) {
            try ResultsInput.load(path: path, options: ImportOptions(namePattern: try NamePattern(#"/(?<name>\d+)$"#)))
        }
        #expect(error.problem == .duplicateBenchmark)
        #expect(error.description.contains("\"BM_Sum_Baseline/16384\" and \"BM_Sum_Candidate/16384\" both become 16384 (default)"))
    }

    @Test func variantLabelKeepsTheToolsFullName() throws {
        let pytest = try load("pytest-benchmark/sum.json", variant: "main")
        #expect(keys(pytest) == ["test_sum[baseline] (main)", "test_sum[candidate] (main)"])
        let go = try load("go-bench/new.txt", variant: "branch")
        #expect(keys(go) == ["Baseline (branch)", "Candidate (branch)"])
        let criterion = try load("criterion", variant: "v2")
        #expect(keys(criterion) == ["sum/baseline (v2)", "sum/candidate (v2)"])
        let hyperfine = try load("hyperfine/list.json", variant: "x")
        #expect(keys(hyperfine).first == "./sum baseline 250000 50 (x)")
    }

    @Test func optionsDoNotRenameQEValidateResults() throws {
        let scratch = try ScratchDirectory()
        let results = ResultsFile(suite: "s", unit: .nanoseconds, benchmarks: [
            Benchmark(name: "w", variant: "baseline", runs: [BenchmarkRun(samples: [1, 2])]),
        ])
        let path = scratch.file("r.json")
        try results.write(to: path)
        let loaded = try ResultsInput.load(path: path, options: ImportOptions(namePattern: try NamePattern("(?<name>x)"), variant: "v"))
        #expect(loaded == results)
    }

    @Test func badPatternsAreRefused() {
        #expect(throws: NamePatternError.self) { try NamePattern("(?<name>") }
        let noGroups = #expect(throws: NamePatternError.self) { try NamePattern("BM_.*") }
        #expect(noGroups?.description.contains("no (?<name>...) or (?<variant>...) group") == true)
    }

    @Test(arguments: [
        ("./sum baseline 250000 50", [("size", "250000")], "./sum baseline {size} 50"),
        ("./sum 50 500 1.50 50", [("n", "50")], "./sum {n} 500 1.50 {n}"),
        ("run --size=8 --threads 8", [("size", "8"), ("threads", "8")], "run --size={size} --threads {size}"),
        ("a", [("x", "")], "a"),
    ])
    func hyperfineCommandTemplates(command: String, parameters: [(String, String)], expected: String) throws {
        // Through the importer: a one-result export with these parameters.
        let scratch = try ScratchDirectory()
        let members = parameters.map { "\"\($0.0)\": \"\($0.1)\"" }.joined(separator: ", ")
        let path = try scratch.write(#"{"results": [{"command": "\#(command)", "times": [0.5], "parameters": {\#(members)}}]}"#, to: "h.json")
        let file = try ResultsInput.load(path: path)
        #expect(file.benchmarks.first?.variant == expected)
    }
}
