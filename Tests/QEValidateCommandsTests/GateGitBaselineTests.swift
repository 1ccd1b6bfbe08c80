import Foundation
import QEResults
import QETestSupport
import QEValidation
import Testing

@testable import QEValidateCommands

/// `gate --baseline git:REV:PATH`, against a git repository made in the test.
@Suite("qe-validate gate with a baseline from git", .tags(.slow), .skippedWhenFast)
struct GateGitBaselineTests {
    /// A repository whose first commit holds a baseline; the working copy then gets a different
    /// (slower, "edited by the pull request") baseline that is not committed.
    static func repository() throws -> (scratch: ScratchDirectory, results: String) {
        let scratch = try ScratchDirectory()
        try FileManager.default.createDirectory(atPath: scratch.file("baselines"), withIntermediateDirectories: true)
        try BaselineFile(results: GateResults.file(seed: 1), provenance: BaselineProvenance(recordedAt: "2026-11-20T10:00:00Z"))
            .write(to: scratch.file("baselines/x.json"))
        for arguments in [
            ["init", "-q"], ["add", "baselines/x.json"],
            ["-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-m", "baseline"],
        ] {
            let status = try git(arguments, in: scratch.path)
            #expect(status == 0, "git \(arguments)")
        }
        // The pull request "edits" the baseline to hide its regression.
        try BaselineFile(results: GateResults.file(factors: ["alpha": 1.2], seed: 7), provenance: BaselineProvenance(recordedAt: "2026-11-26T10:00:00Z"))
            .write(to: scratch.file("baselines/x.json"))
        let results = scratch.file("results.json")
        try GateResults.file(factors: ["alpha": 1.2], seed: 2).write(to: results)
        return (scratch, results)
    }

    static func git(_ arguments: [String], in directory: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    static func runExecutable(_ arguments: [String], in directory: String) throws -> (status: Int32, stdout: String, stderr: String) {
        try ExecutableTests.run(arguments, in: directory)
    }

    @Test func theCommittedBaselineIsJudgedNotTheEditedOne() throws {
        let (scratch, results) = try Self.repository()
        // Against the edited working copy, the regression would pass ...
        let edited = try Self.runExecutable(["gate", "--baseline", "baselines/x.json", results], in: scratch.path)
        #expect(edited.status == 0, "\(edited.stderr)")
        // ... against the committed baseline it is caught.
        let committed = try Self.runExecutable(["gate", "--baseline", "git:HEAD:baselines/x.json", results, "--format", "json"], in: scratch.path)
        #expect(committed.status == 1, "\(committed.stderr)")
        let document = try JSONDecoder().decode(GateDocument.self, from: Data(committed.stdout.utf8))
        #expect(document.baseline.path == "git:HEAD:baselines/x.json")
        #expect(document.baseline.provenance?.recordedAt == "2026-11-20T10:00:00Z")
        #expect(document.benchmarks.filter { $0.name == "alpha" }.allSatisfy { $0.verdict == .regression })
    }

    @Test func inProcessWithAGitDirectory() throws {
        let (scratch, results) = try Self.repository()
        var command = try GateCommand.parse(["--baseline", "git:HEAD:baselines/x.json", results])
        command.output.format = .json
        let document = try command.judge(gitDirectory: scratch.path)
        #expect(document.verdict == .regression)
        #expect(try BaselineSource(argument: "git:origin/main:baselines/a:b.json") == .git(revision: "origin/main", path: "baselines/a:b.json"))
        #expect(try BaselineSource(argument: "baselines/x.json") == .file("baselines/x.json"))
        for malformed in ["git:", "git:HEAD", "git::x.json", "git:HEAD:", "git:--output=x:y"] {
            #expect(throws: BaselineSourceError.self, "\(malformed)") { try BaselineSource(argument: malformed) }
        }
    }

    @Test func unknownRevisionsAndPathsAre66WithGitsMessage() throws {
        let (scratch, results) = try Self.repository()
        for reference in ["git:no-such-branch:baselines/x.json", "git:HEAD:baselines/missing.json"] {
            let result = try Self.runExecutable(["gate", "--baseline", reference, results], in: scratch.path)
            #expect(result.status == 66, "\(reference): \(result.stderr)")
            #expect(result.stderr.hasPrefix("qe-validate: error: \(reference): cannot read the baseline from git: "))
            #expect(result.stderr.split(separator: "\n").count == 1)
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func aCorruptedCommittedBaselineIs65() throws {
        let (scratch, results) = try Self.repository()
        try "{\"schema\": \"qe-validate/results@1\", \"suite\": ".write(toFile: scratch.file("baselines/x.json"), atomically: true, encoding: .utf8)
        #expect(try Self.git(["-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-am", "truncate"], in: scratch.path) == 0)
        let result = try Self.runExecutable(["gate", "--baseline", "git:HEAD:baselines/x.json", results], in: scratch.path)
        #expect(result.status == 65)
        #expect(result.stderr.contains("git:HEAD:baselines/x.json: malformed JSON"))
    }
}
