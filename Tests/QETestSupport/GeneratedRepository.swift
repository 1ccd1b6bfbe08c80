import Foundation

/// A git repository made for a test, in a scratch directory: commit 0 and then one commit per
/// change, each a small shell program (`loop.sh`) whose loop count is in a committed file
/// (`count`), and a build script (`build.sh`) that copies it to `built.sh` — or fails. The
/// program runs in the work tree (it reads `count` from the working directory).
///
/// Times are CPU times of a few milliseconds, so the tests measure with the CPU clock: other
/// tests running at the same time do not move them.
public final class GeneratedRepository: @unchecked Sendable {
    /// One commit's change.
    public enum Change: Sendable {
        /// Multiplies the loop count.
        case slowdown(Double)
        /// Makes the build fail until the next commit.
        case brokenBuild
        /// Varies the count by up to ±3% at random in each invocation (the mean stays).
        case noise
        /// Changes nothing that runs (a comment).
        case nothing
    }

    public let scratch: ScratchDirectory
    /// The work tree.
    public let path: String
    /// The commits' hashes, oldest first (commit 0 first).
    public private(set) var commits: [String] = []

    /// The loop's count at commit 0: about 15 ms of CPU time.
    public static let baseCount = 10_000

    /// Makes the repository with commit 0 and then one commit per element of `changes`
    /// (`nil`: no change of the program).
    public init(changes: [Change]) throws {
        scratch = try ScratchDirectory()
        path = scratch.file("repository")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try git(["init", "--quiet", "--initial-branch=main"])
        var count = Double(Self.baseCount)
        var noisy = false
        try write(count: count, noisy: noisy, brokenBuild: false)
        try commit("commit 0: the loop")
        for (index, change) in changes.enumerated() {
            var broken = false
            switch change {
            case let .slowdown(factor): count *= factor
            case .brokenBuild: broken = true
            case .noise: noisy = true
            case .nothing: try write("# commit \(index + 1)\n", to: "NOTES")
            }
            try write(count: count, noisy: noisy, brokenBuild: broken)
            try commit("commit \(index + 1): \(change)")
        }
    }

    /// The build command and the measured command, as `qe-validate bisect` takes them.
    public static let build = "sh build.sh"
    public static let command = "sh built.sh"

    private func write(count: Double, noisy: Bool, brokenBuild: Bool) throws {
        try write("\(Int(count.rounded()))\n", to: "count")
        // $$ (the shell's process id) differs in every invocation: a jitter without starting
        // a process, so that the mean CPU time stays where the count puts it.
        let jitter = noisy ? "n=$((n + n * ($$ % 61 - 30) / 1000))\n" : ""
        try write("""
            read n < count
            \(jitter)i=0
            while [ $i -lt $n ]; do i=$((i + 1)); done

            """, to: "loop.sh")
        try write(brokenBuild ? "echo 'loop.sh: syntax error on purpose' >&2\nexit 2\n" : "cp loop.sh built.sh\n", to: "build.sh")
    }

    private func write(_ text: String, to name: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/" + name))
    }

    private func commit(_ message: String) throws {
        try git(["add", "--all"])
        try git(["commit", "--quiet", "-m", message])
        commits.append(try git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Runs git in the work tree (as a fixed author) and returns its output.
    @discardableResult
    public func git(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", path, "-c", "user.name=QE Test", "-c", "user.email=qe@example.org",
                             "-c", "commit.gpgsign=false"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "git \(arguments.joined(separator: " ")) failed"])
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The paths of the repository's worktrees (the main one first).
    public func worktrees() throws -> [String] {
        try git(["worktree", "list", "--porcelain"]).split(separator: "\n").compactMap {
            $0.hasPrefix("worktree ") ? String($0.dropFirst("worktree ".count)) : nil
        }
    }
}
