import Foundation
import QETestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `qe-validate bisect` through the command layer, on git repositories made for each test
/// (``GeneratedRepository``). The measurement is a fake benchmark that writes the committed
/// loop count as its samples: deterministic, so each decision is taken at its first look and
/// the tests do not depend on how busy the machine is.
@Suite("qe-validate bisect", .tags(.slow), .skippedWhenFast)
struct BisectCommandTests {
    /// Writes the loop count (`count`, in the worktree) twice as the samples of `loop`, beside
    /// another benchmark, so that `--benchmark` must choose.
    static let bench = #"read n < count; printf '{"schema":"qe-validate/results@1","suite":"s","unit":"us","benchmarks":[{"name":"loop","variant":"v","runs":[{"samples":[%s, %s]}]},{"name":"other","variant":"v","runs":[{"samples":[1]}]}]}' "$n" "$n" > {out}"#

    /// The arguments of a bisection of `repository` from commit `good` to commit `bad`.
    static func arguments(_ repository: GeneratedRepository, good: Int, bad: Int, _ more: [String] = []) -> [String] {
        ["bisect", "-C", repository.path, "--good", repository.commits[good], "--bad", repository.commits[bad],
         "--bench", bench, "--benchmark", "loop", "--build", GeneratedRepository.build, "--quiet"] + more
    }

    /// The JSON document the command wrote, as plain objects: the test reads the field names
    /// the issue asks for, not the Swift types.
    static func document(at path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The user's side: a work tree with an uncommitted change, a staged file and a stash.
    static func userState(_ repository: GeneratedRepository) throws -> [String] {
        [
            try repository.git(["rev-parse", "HEAD"]),
            try repository.git(["status", "--porcelain"]),
            try repository.git(["diff", "--cached"]),
            try repository.git(["diff"]),
            try repository.git(["stash", "list"]),
            try repository.git(["worktree", "list", "--porcelain"]),
        ]
    }

    static func dirty(_ repository: GeneratedRepository) throws {
        try Data("# a note being written\n".utf8).write(to: URL(fileURLWithPath: repository.path + "/NOTES"))
        try repository.git(["stash", "push", "--quiet", "-m", "kept aside"])
        try Data("work in progress\n".utf8).write(to: URL(fileURLWithPath: repository.path + "/staged.txt"))
        try repository.git(["add", "staged.txt"])
        try Data("# edited, not staged\n".utf8).write(to: URL(fileURLWithPath: repository.path + "/loop.sh"), options: .atomic)
    }

    @Test func namesThePlantedSlowdownSkipsTheBrokenBuildAndLeavesTheUserAlone() async throws {
        // 16 commits: a broken build at 7 (the first commit tested), a 10% slowdown at 11.
        var changes = [GeneratedRepository.Change](repeating: .nothing, count: 15)
        changes[6] = .brokenBuild
        changes[10] = .slowdown(1.10)
        let repository = try GeneratedRepository(changes: changes)
        try Self.dirty(repository)
        let before = try Self.userState(repository)
        let output = repository.scratch.file("bisect.json")

        let status = await CommandRunner.run(Self.arguments(repository, good: 0, bad: 15, ["--format", "json", "--output", output]))

        #expect(status == 0)
        #expect(try Self.userState(repository) == before, "work tree, index, stash or worktrees changed")
        let document = try Self.document(at: output)
        #expect(document["schema"] as? String == "qe-validate/bisect@1")
        let firstBad = try #require(document["firstBad"] as? [String: Any])
        #expect(firstBad["commit"] as? String == repository.commits[11])
        #expect(firstBad["subject"] as? String == "commit 11: slowdown(1.1)")
        let range = try #require(document["range"] as? [String: Any])
        #expect(range["from"] as? String == repository.commits[10])
        #expect(range["to"] as? String == repository.commits[11])
        let premise = try #require(document["premise"] as? [String: Any])
        #expect(premise["confirmed"] as? Bool == true)
        let premiseRatio = try #require(premise["ratio"] as? [String: Double])
        #expect(abs((premiseRatio["estimate"] ?? 0) - 1.1) < 1e-3)
        #expect(Set(premiseRatio.keys) == ["estimate", "low", "high"])
        let errorBound = try #require(document["errorBound"] as? Double)
        #expect(abs(errorBound - 0.05) < 1e-12)
        #expect((document["seconds"] as? Double ?? 0) > 0)

        let steps = try #require(document["steps"] as? [[String: Any]])
        let skipped = try #require(steps.first)
        #expect(skipped["commit"] as? String == repository.commits[7])
        #expect(skipped["classification"] as? String == "skip")
        #expect(skipped["ratio"] is NSNull)
        #expect((skipped["error"] as? String)?.contains("syntax error on purpose") == true)
        for step in steps.dropFirst() {
            let commit = try #require(step["commit"] as? String)
            let index = try #require(repository.commits.firstIndex(of: commit))
            let ratio = try #require(step["ratio"] as? [String: Double])
            #expect(abs((ratio["estimate"] ?? 0) - (index >= 11 ? 1.1 : 1.0)) < 1e-3, "commit \(index)")
            #expect(step["classification"] as? String == (index >= 11 ? "bad" : "good"), "commit \(index)")
            #expect((step["runs"] as? Int ?? 0) > 0)
        }
        #expect(Set(steps.compactMap { $0["commit"] as? String }).isSuperset(of: [repository.commits[10], repository.commits[11]]))
    }

    @Test func aBadEndThatIsNotSlowerIsRefusedWithExitThree() async throws {
        // The "bad" end is 20% faster: nothing to bisect.
        let repository = try GeneratedRepository(changes: [.nothing, .slowdown(0.8), .nothing])
        let before = try Self.userState(repository)
        let output = repository.scratch.file("bisect.json")

        let status = await CommandRunner.run(Self.arguments(repository, good: 0, bad: 3, ["--format", "json", "-o", output]))

        #expect(status == 3)
        let document = try Self.document(at: output)
        #expect(document["conclusion"] as? String == "premise-not-confirmed")
        #expect(document["firstBad"] is NSNull)
        #expect((document["steps"] as? [Any])?.isEmpty == true)
        let premise = try #require(document["premise"] as? [String: Any])
        #expect(premise["confirmed"] as? Bool == false)
        #expect(abs(((premise["ratio"] as? [String: Double])?["high"] ?? 0) - 0.8) < 1e-3)
        #expect(try Self.userState(repository) == before)
    }

    @Test func textAndMarkdownNameTheCommit() async throws {
        let repository = try GeneratedRepository(changes: [.nothing, .slowdown(1.3), .nothing])
        for (format, words) in [("text", ["First bad commit: \(repository.commits[2])", "BISECT: FOUND"]),
                                ("markdown", ["### Bisection: ✅ first bad commit found", "`\(repository.commits[2].prefix(12))`"])] {
            let output = repository.scratch.file("bisect.\(format)")
            let status = await CommandRunner.run(Self.arguments(repository, good: 0, bad: 3, ["--format", format, "--output", output]))
            #expect(status == 0)
            let text = try String(contentsOfFile: output, encoding: .utf8)
            for word in words { #expect(text.contains(word), "\(format): \(text)") }
            #expect(text.contains("commit 2: slowdown(1.3)"))
        }
    }

    @Test(arguments: [
        ["--command", "true", "--bench", "x {out}"],
        ["--bench", "true"],
        ["--command", "true", "--format", "csv"],
        ["--command", "true", "--threshold", "0%"],
        ["--command", "true", "--confidence", "1"],
        ["--command", "true", "--max-runs", "0"],
        ["--command", "true", "--max-runs", "3"],
        ["--command", "true", "--budget", "soon"],
        ["--command", "true", "--benchmark", "loop"],
        ["--bench", "x {out}", "--clock", "cpu"],
        [],
    ])
    func wrongOptionsAreUsageErrors(options: [String]) async throws {
        let repository = try GeneratedRepository(changes: [.slowdown(1.3)])
        let arguments = ["bisect", "-C", repository.path, "--good", repository.commits[0], "--bad", repository.commits[1], "--quiet"] + options
        #expect(await CommandRunner.run(arguments) == 64, "\(options)")
        #expect(try repository.worktrees().count == 1)
    }

    @Test func revisionsAndRepositoriesAreChecked() async throws {
        let repository = try GeneratedRepository(changes: [.nothing, .slowdown(1.3)])
        func run(_ directory: String, good: String, bad: String) async -> Int32 {
            await CommandRunner.run(["bisect", "-C", directory, "--good", good, "--bad", bad, "--command", "true", "--quiet"])
        }
        #expect(await run(repository.path, good: "no-such-branch", bad: "HEAD") == 64)
        #expect(await run(repository.path, good: "HEAD", bad: "HEAD~2") == 64)
        let notARepository = try ScratchDirectory()
        #expect(await run(notARepository.path, good: "HEAD~1", bad: "HEAD") == 66)
        #expect(try repository.worktrees().count == 1)
    }

    @Test func aGoodEndThatCannotBeBuiltIsADataError() async throws {
        let repository = try GeneratedRepository(changes: [.brokenBuild, .nothing, .slowdown(1.2)])
        let output = repository.scratch.file("bisect.json")
        #expect(await CommandRunner.run(Self.arguments(repository, good: 1, bad: 3, ["--output", output])) == 65)
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(try repository.worktrees().count == 1)
    }

    @Test func ctrlCStopsTheCommandAndRemovesTheWorktrees() throws {
        let repository = try GeneratedRepository(changes: [.nothing, .slowdown(1.2)])
        let before = try Self.userState(repository)
        let temporary = repository.scratch.file("tmp")
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let started = repository.scratch.file("started")
        let finished = repository.scratch.file("finished")

        let process = Process()
        process.executableURL = try ExecutableTests.executable()
        process.arguments = [
            "bisect", "-C", repository.path, "--good", repository.commits[0], "--bad", repository.commits[2],
            "--command", "touch \(started); sleep 30; touch \(finished)", "--quiet",
        ]
        process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": temporary]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<3000 where !FileManager.default.fileExists(atPath: started) { usleep(20_000) }
        #expect(FileManager.default.fileExists(atPath: started), "the command never started")
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()

        #expect(process.terminationReason == .uncaughtSignal, "ended by the signal, as the default action would")
        #expect(process.terminationStatus == SIGINT)
        #expect(!FileManager.default.fileExists(atPath: finished), "the running command was not stopped")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty, "the scratch directory is left")
        #expect(try Self.userState(repository) == before)
    }
}
