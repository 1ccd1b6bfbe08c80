import Foundation
import QETestSupport
import Testing

/// Runs the built `qe-validate` executable, as a user or a CI script would.
@Suite("The qe-validate executable", .tags(.slow), .skippedWhenFast)
struct ExecutableTests {
    /// The executable SwiftPM built next to the test bundle.
    static func executable() throws -> URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        // The test bundle may be a directory (…/qe-validatePackageTests.xctest/…).
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("qe-validate")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        let fallback = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/qe-validate")
        return try #require(FileManager.default.isExecutableFile(atPath: fallback.path) ? fallback : nil,
                            "qe-validate was not built")
    }

    static func run(_ arguments: [String], in directory: String? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let run = try CapturedRun.run(try executable(), arguments, in: directory)
        return (run.status, run.stdout, run.stderr)
    }

    @Test func theShippedExampleIsCompared() throws {
        let example = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/flash-attention-sample.json").path
        let result = try Self.run(["compare", example])
        #expect(result.status == 0)
        for workload in ["test-similarity", "code-embedding", "defect-matching", "coverage-analysis", "pattern-adaptation"] {
            #expect(result.stdout.contains(workload))
        }
        #expect(result.stdout.contains("PR"), "five paired runs per side, in one file: the paired-runs interval")
        #expect(result.stdout.contains("PR: t interval on the per-run log speedups of paired runs"))
        #expect(result.stderr.isEmpty)
    }

    @Test(arguments: [
        ("{\"schema\": \"qe-validate/results@1\", \"suite\": \"s\", \"unit\": \"ns\", \"benchmarks\": [{\"name\": \"w\", \"variant\": \"baseline\", \"runs\": [{\"samples\": [1, -2]}]}]}", Int32(65), "non-positive"),
        ("{\"schema\": \"qe-validate/results@1\", \"suite\": \"s\", \"unit\": \"fortnights\", \"benchmarks\": []}", Int32(65), "unit"),
        ("[1, 2", Int32(65), "malformed"),
    ])
    func badFilesGetOneLineNamingTheFile(text: String, status: Int32, words: String) throws {
        let scratch = try ScratchDirectory()
        let input = try scratch.write(text, to: "bad.json")
        let result = try Self.run(["compare", input, "--format", "json", "--output", scratch.file("verdict.json")])
        #expect(result.status == status)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one line: \(result.stderr)")
        #expect(result.stderr.contains(input))
        #expect(result.stderr.contains(words))
        #expect(result.stdout.isEmpty)
        #expect(try scratch.contents() == ["bad.json"], "no output file after a failure")
    }

    @Test func missingInputIs66() throws {
        let result = try Self.run(["compare", "/nonexistent/results.json"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("/nonexistent/results.json"))
    }

    @Test func helpShowsExamples() throws {
        let result = try Self.run(["compare", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Examples:"))
        #expect(result.stdout.contains("hierarchical-bootstrap"))
    }

    @Test func aDashIsStandardOutput() throws {
        let example = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/flash-attention-sample.json").path
        let scratch = try ScratchDirectory()
        let result = try Self.run(["variance", example, "--format", "csv", "-o", "-"], in: scratch.path)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("file,name,variant,unit,"))
        #expect(try scratch.contents().isEmpty, "no file named '-'")
        let imported = try Self.run(["import", "results", example, "--out", "-"], in: scratch.path)
        #expect(imported.status == 0 && imported.stdout.hasPrefix("{"))
        #expect(try Self.run(["--claim", "2x", "--save-results", "-"]).status == 64)
    }
}
