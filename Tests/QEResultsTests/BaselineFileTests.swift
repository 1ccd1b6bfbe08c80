import Foundation
import QETestSupport
import Testing

@testable import QEResults

@Suite("Baseline files: a results file with provenance")
struct BaselineFileTests {
    static let results = ResultsFile(
        suite: "s", unit: .nanoseconds, createdAt: "2026-01-01T00:00:00Z",
        environment: EnvironmentInfo(cpu: "CPU X", cores: 2, toolchain: "Swift 6.3", build: "release"),
        benchmarks: [
            Benchmark(name: "w", variant: "baseline", runs: [BenchmarkRun(samples: [10, 11, 12]), BenchmarkRun(samples: [13, 14])]),
            Benchmark(name: "w", variant: "flash", runs: [BenchmarkRun(samples: [5, 6]), BenchmarkRun(samples: [7, 8])]),
        ])
    static let provenance = BaselineProvenance(
        recordedAt: "2026-02-03T04:05:06Z", signedOffBy: "Ada \"the first\" <ada@example.org>",
        gitCommit: "0123456789abcdef", source: "results.json", command: "qe-validate baseline update results.json --to b.json")

    @Test func writtenBaselineReadsBackEqual() throws {
        let scratch = try ScratchDirectory()
        let baseline = BaselineFile(results: Self.results, provenance: Self.provenance)
        try baseline.write(to: scratch.file("b.json"))
        #expect(try BaselineFile.read(from: scratch.file("b.json")) == baseline)
        #expect(try scratch.contents() == ["b.json"], "no temporary file left behind")
    }

    @Test func aBaselineIsStillAResultsFile() throws {
        let scratch = try ScratchDirectory()
        try BaselineFile(results: Self.results, provenance: Self.provenance).write(to: scratch.file("b.json"))
        #expect(try ResultsFile.read(from: scratch.file("b.json")) == Self.results)
    }

    @Test func aPlainResultsFileIsABaselineWithoutProvenance() throws {
        let scratch = try ScratchDirectory()
        try Self.results.write(to: scratch.file("r.json"))
        let baseline = try BaselineFile.read(from: scratch.file("r.json"))
        #expect(baseline.provenance == nil)
        #expect(baseline.results == Self.results)
    }

    @Test func truncatedBaselinesAreRefused() throws {
        let bytes = BaselineFile(results: Self.results, provenance: Self.provenance).jsonBytes()
        for length in [0, 1, 40, bytes.count / 2, bytes.count - 3] {
            #expect(throws: ResultsError.self, "truncated to \(length) bytes") {
                try BaselineFile(jsonBytes: Array(bytes.prefix(length)), source: "b.json")
            }
        }
    }

    @Test(arguments: [
        ("\"baseline\": 3,", "baseline: expected an object"),
        ("\"baseline\": {\"recordedAt\": \"x\"},", "baseline.schema"),
        ("\"baseline\": {\"schema\": \"qe-validate/baseline@9\", \"recordedAt\": \"x\"},", "unsupported schema"),
        ("\"baseline\": {\"schema\": \"qe-validate/baseline@1\"},", "recordedAt"),
        ("\"baseline\": {\"schema\": \"qe-validate/baseline@1\", \"recordedAt\": \"x\", \"signedOffBy\": 7},", "baseline.signedOffBy"),
    ])
    func badProvenanceIsADataError(member: String, words: String) throws {
        let text = "{\"schema\": \"qe-validate/results@1\", \(member) \"suite\": \"s\", \"unit\": \"ns\", \"benchmarks\": [{\"name\": \"w\", \"variant\": \"v\", \"runs\": [{\"samples\": [1]}]}]}"
        do {
            _ = try BaselineFile(jsonBytes: Array(text.utf8), source: "b.json")
            Issue.record("accepted: \(member)")
        } catch {
            #expect(error.category == .invalidData)
            #expect(error.description.hasPrefix("b.json: "))
            #expect(error.description.contains(words), "\(error.description)")
        }
    }

    @Test func invalidResultsNeverReplaceAnOldBaseline() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("b.json")
        try BaselineFile(results: Self.results, provenance: Self.provenance).write(to: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        var broken = Self.results
        broken.benchmarks[0].runs[0].samples[1] = -1
        #expect(throws: ResultsError.self) { try BaselineFile(results: broken, provenance: Self.provenance).write(to: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try scratch.contents() == ["b.json"])
    }
}
