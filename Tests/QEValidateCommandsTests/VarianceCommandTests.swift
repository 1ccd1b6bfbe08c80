import Foundation
import QEResults
import QETestSupport
import QEValidation
import Testing

@Suite("qe-validate variance")
struct VarianceCommandTests {
    static func json(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func document(_ path: String) throws -> RunVarianceDocument {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try decoder.decode(RunVarianceDocument.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func jsonHasEveryFieldTheIssueAsksFor() async throws {
        let scratch = try ScratchDirectory()
        let input = scratch.file("results.json")
        try VarianceSynthetic.study().write(to: input)
        let output = scratch.file("variance.json")
        #expect(await CommandRunner.run(["variance", input, "--format", "json", "--output", output]) == 0)
        let document = try Self.json(output)
        #expect(document["schema"] as? String == "qe-validate/variance@1")
        let benchmarks = try #require(document["benchmarks"] as? [[String: Any]])
        #expect(benchmarks.count == 6)
        for benchmark in benchmarks {
            for key in [
                "name", "variant", "runs", "iterations", "withinRunCV", "betweenRunCV", "betweenRunShare",
                "kruskalWallis", "runsThatStandOut", "drift", "optimalIterationsPerRun", "runsNeeded",
            ] {
                #expect(benchmark.keys.contains(key), "missing \(key)")
            }
            let kruskal = try #require(benchmark["kruskalWallis"] as? [String: Any])
            #expect(Set(kruskal.keys) == ["h", "df", "p"])
            #expect(benchmark["runs"] as? Int == 5)
            #expect(benchmark["iterations"] as? [Int] == [30, 30, 30, 30, 30])
            #expect(benchmark["runsThatStandOut"] is [Int])
            #expect(benchmark["drift"] is [String: Any])
        }
        let slow = try #require(benchmarks.first { $0["name"] as? String == "code-embedding" && $0["variant"] as? String == "baseline" })
        #expect(slow["runsThatStandOut"] as? [Int] == [2])
        let drifting = try #require(benchmarks.first { $0["name"] as? String == "pattern-adaptation" && $0["variant"] as? String == "flash" })
        #expect((drifting["drift"] as? [String: Any])?["detected"] as? Bool == true)
        for other in benchmarks where !(other["name"] as? String == "code-embedding" && other["variant"] as? String == "baseline") {
            #expect(other["runsThatStandOut"] as? [Int] == [], "\(other["name"] ?? "")/\(other["variant"] ?? "")")
        }
        for other in benchmarks where !(other["name"] as? String == "pattern-adaptation" && other["variant"] as? String == "flash") {
            #expect((other["drift"] as? [String: Any])?["detected"] as? Bool == false, "\(other["name"] ?? "")/\(other["variant"] ?? "")")
        }
        // The typed document reads back.
        let typed = try Self.document(output)
        #expect(typed.benchmarks.count == 6)
        #expect(typed.betweenFiles.isEmpty)
        #expect(typed.targetWidth == 0.02)
        // Drift and slow-start p-values are Holm-adjusted over the six benchmarks.
        for entry in typed.benchmarks {
            let p = try #require(entry.drift.p)
            #expect(try #require(entry.drift.pHolm) >= p)
            #expect(try #require(entry.warmup.startPHolm) >= (entry.warmup.startP ?? 1))
        }
    }

    @Test func textIsATableThenFindings() async throws {
        let scratch = try ScratchDirectory()
        let input = scratch.file("results.json")
        try VarianceSynthetic.study().write(to: input)
        let output = scratch.file("variance.txt")
        #expect(await CommandRunner.run(["variance", input, "--output", output]) == 0)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.hasPrefix("benchmark") == true)
        #expect(lines.first?.contains("runs for 2%") == true)
        let findings = try #require(text.range(of: "Findings:"))
        let after = text[findings.upperBound...]
        #expect(after.contains("- run 3 of code-embedding/baseline is"))
        #expect(after.contains("slower than the other four"))
        #expect(after.contains("pattern-adaptation/flash drifts within runs: times rise"))
        #expect(after.contains("nothing stands out in the other"))
        // The table row of the planted run shows it counted from 1.
        let row = try #require(lines.first { $0.hasPrefix("code-embedding/baseline") })
        #expect(row.contains("  3  "))
    }

    @Test func workloadFilterMarkdownAndCSV() async throws {
        let scratch = try ScratchDirectory()
        let input = scratch.file("results.json")
        try VarianceSynthetic.study().write(to: input)
        let markdown = scratch.file("variance.md")
        #expect(await CommandRunner.run(["variance", input, "--workload", "code-embedding", "--format", "markdown", "-o", markdown]) == 0)
        let text = try String(contentsOfFile: markdown, encoding: .utf8)
        #expect(text.hasPrefix("| benchmark |"))
        #expect(text.contains("code-embedding/baseline"))
        #expect(!text.contains("test-similarity"))
        #expect(text.contains("**Findings**"))
        let csv = scratch.file("variance.csv")
        #expect(await CommandRunner.run([
            "variance", input, "--workload", "code-embedding", "--workload", "pattern-adaptation", "--format", "csv", "-o", csv,
        ]) == 0)
        let rows = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 5)
        #expect(rows[0].hasPrefix("file,name,variant,unit,runs,iterations"))
        let columns = rows[0].split(separator: ",").map(String.init)
        let standOut = try #require(columns.firstIndex(of: "runs_that_stand_out"))
        let slow = rows[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(slow[1] == "code-embedding" && slow[2] == "baseline")
        #expect(slow[standOut] == "2")
    }

    @Test func otherToolsFilesAreReadDirectly() async throws {
        // Real `go test -bench -count 10` output: each line is a run of one batch mean, and the
        // seventh line of the baseline is about 20% slower than the other nine.
        let fixtures = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("QEResultsTests/Fixtures")
        let scratch = try ScratchDirectory()
        let output = scratch.file("variance.json")
        let input = fixtures.appendingPathComponent("go-bench/old.txt").path
        #expect(await CommandRunner.run([
            "variance", input, "--name-pattern", "^Benchmark(?<variant>[A-Za-z]+)", "--format", "json", "-o", output,
        ]) == 0)
        let document = try Self.document(output)
        let baseline = try #require(document.benchmarks.first { $0.variant == "Baseline" })
        #expect(baseline.runs == 10)
        #expect(baseline.runsThatStandOut == [6])
        #expect(baseline.kruskalWallis == nil)
        #expect(document.warnings.contains { $0.contains("batch") })
        #expect(document.benchmarks.first { $0.variant == "Candidate" }?.runsThatStandOut == [])
    }

    @Test func severalFilesAreComparedWithEachOther() async throws {
        let scratch = try ScratchDirectory()
        let first = scratch.file("run1.json")
        let second = scratch.file("run2.json")
        try BetweenFilesTests.file(speedup: 4, seed: 1).write(to: first)
        try BetweenFilesTests.file(speedup: 1.04, seed: 2).write(to: second)
        let output = scratch.file("variance.json")
        #expect(await CommandRunner.run(["variance", first, second, "--format", "json", "-o", output]) == 0)
        let document = try Self.document(output)
        #expect(document.inputs.map(\.path) == [first, second])
        #expect(document.benchmarks.map(\.file) == [first, first, second, second])
        #expect(document.betweenFiles.first { $0.kind == .speedup }?.differs == true)
        let text = scratch.file("variance.txt")
        #expect(await CommandRunner.run(["variance", first, second, "-o", text]) == 0)
        let rendered = try String(contentsOfFile: text, encoding: .utf8)
        #expect(rendered.contains("between files"))
        #expect(rendered.contains("the speedup of code-embedding (baseline ÷ flash) differs between files more than the runs inside each file explain"))
    }
}

@Suite("qe-validate variance: bad input and exit codes")
struct VarianceCommandErrorTests {
    static func validInput(_ scratch: ScratchDirectory) throws -> String {
        let input = scratch.file("results.json")
        try VarianceSynthetic.study().write(to: input)
        return input
    }

    @Test func missingFileExits66() async throws {
        let scratch = try ScratchDirectory()
        #expect(await CommandRunner.run(["variance", scratch.file("absent.json")]) == 66)
    }

    @Test(arguments: [
        ("not json", "garbage"),
        (#"{"schema": "qe-validate/results@1", "suite": "s", "unit": "ns", "benchmarks": [{"name": "a", "variant": "b", "runs": [{"samples": [1, -3]}]}]}"#, "negative"),
        (#"{"schema": "qe-validate/results@1", "suite": "s", "unit": "ns", "benchmarks": [{"name": "a", "variant": "b", "runs": [{"samples": []}]}]}"#, "empty run"),
        (#"{"schema": "qe-validate/results@1", "suite": "s", "unit": "ns", "benchmarks": []}"#, "no benchmarks"),
    ])
    func invalidDataExits65(text: String, label: String) async throws {
        let scratch = try ScratchDirectory()
        let input = try scratch.write(text, to: "\(label.replacingOccurrences(of: " ", with: "-")).json")
        #expect(await CommandRunner.run(["variance", input]) == 65)
    }

    @Test func aBadSecondFileLeavesNoOutput() async throws {
        let scratch = try ScratchDirectory()
        let good = try Self.validInput(scratch)
        let bad = try scratch.write("[1, 2", to: "bad.json")
        let output = scratch.file("variance.json")
        #expect(await CommandRunner.run(["variance", good, bad, "--format", "json", "-o", output]) == 65)
        #expect(try scratch.contents() == ["bad.json", "results.json"])
    }

    @Test(arguments: [
        ["--confidence", "1.5"], ["--confidence", "0"], ["--target-width", "0%"], ["--target-width", "2"],
        ["--target-width", "wide"], ["--run-overhead", "soon"], ["--run-overhead", "-1s"], ["--format", "xml"],
        ["--workload", "no-such-workload"],
    ])
    func badOptionsAreUsageErrors(options: [String]) async throws {
        let scratch = try ScratchDirectory()
        let input = try Self.validInput(scratch)
        #expect(await CommandRunner.run(["variance", input] + options) == 64)
    }

    @Test func noFilesIsAUsageError() async {
        #expect(await CommandRunner.run(["variance"]) == 64)
    }

    @Test(arguments: [["--target-width", "0.5%"], ["--target-width", "0.01"], ["--run-overhead", "1.5s"], ["--run-overhead", "250ms"], ["--run-overhead", "0"]])
    func goodOptionsAreAccepted(options: [String]) async throws {
        let scratch = try ScratchDirectory()
        let input = try Self.validInput(scratch)
        #expect(await CommandRunner.run(["variance", input, "--format", "csv", "-o", scratch.file("out.csv")] + options) == 0)
    }

    @Test func unwritableOutputExits73AndLeavesNothingBehind() async throws {
        let scratch = try ScratchDirectory()
        let input = try Self.validInput(scratch)
        #expect(await CommandRunner.run(["variance", input, "-o", scratch.file("missing/variance.txt")]) == 73)
        #expect(try scratch.contents() == ["results.json"])
    }
}
