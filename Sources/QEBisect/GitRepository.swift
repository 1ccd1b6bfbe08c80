import Foundation
import QEBench
import QEValidation

/// The git commands a bisection needs, run without a shell (`/usr/bin/env git -C DIRECTORY …`,
/// every argument passed as is), with hooks switched off so that adding a worktree runs none
/// of the repository's own scripts. Revisions are checked before git sees them: one starting
/// with `-` is refused (it would be read as an option), and every later command gets full
/// commit hashes only.
struct GitRepository: Sendable {
    /// A directory inside the repository's work tree (or the repository itself).
    let directory: String
    /// Stops git on Ctrl-C, like any other child of the bisection.
    let interruption: BisectInterruption?

    /// Seconds a git command may take.
    static let timeout = 600.0

    /// Checks that `directory` is in a git repository.
    /// - Throws: ``BisectRunError/notARepository(_:)`` with git's message.
    func checkRepository() throws {
        do {
            _ = try run(["rev-parse", "--git-dir"])
        } catch let BisectRunError.git(message) {
            throw BisectRunError.notARepository("\(directory) is not in a git repository (\(message))")
        }
    }

    /// The full hash of the commit `revision` names.
    /// - Throws: ``BisectRunError/invalidRevision(_:)``.
    func commit(_ revision: String) throws -> String {
        guard !revision.isEmpty, !revision.hasPrefix("-") else {
            throw BisectRunError.invalidRevision("'\(revision)' is not a revision (a revision cannot start with '-')")
        }
        let output: String
        do {
            output = try run(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"])
        } catch BisectRunError.git(_) {
            throw BisectRunError.invalidRevision("'\(revision)' does not name a commit in \(directory)")
        }
        let hash = output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !hash.isEmpty, hash.allSatisfy(\.isHexDigit) else {
            throw BisectRunError.invalidRevision("'\(revision)' does not name a commit in \(directory)")
        }
        return hash
    }

    /// The commits after `good` up to and including `bad` along bad's first parents, oldest
    /// first, with their subjects: the commits a bisection chooses among (as
    /// `git bisect --first-parent` does; a merge is tested as one commit).
    /// - Throws: ``BisectRunError/invalidRevision(_:)`` when `good` is not an ancestor of `bad`
    ///   on its first-parent line, or is `bad` itself.
    func firstParentLine(good: String, bad: String) throws -> [BisectCommit] {
        guard good != bad else {
            throw BisectRunError.invalidRevision("--good and --bad name the same commit (\(good)): there is nothing to bisect")
        }
        let output = try run([
            "-c", "log.showSignature=false", "log", "--first-parent", "--reverse", "-z", "--no-color",
            "--format=%H%x1f%P%x1f%s", "\(good)..\(bad)",
        ])
        var commits: [BisectCommit] = []
        var expectedParent = good
        for record in output.split(separator: "\0") where !record.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            let fields = record.split(separator: "\u{1F}", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { throw BisectRunError.git("git log printed an unexpected line: \(record.prefix(80))") }
            let hash = fields[0].trimmingCharacters(in: .whitespacesAndNewlines)
            let firstParent = fields[1].split(separator: " ").first.map(String.init) ?? ""
            guard firstParent == expectedParent else {
                throw BisectRunError.invalidRevision(
                    "\(good) is not on the first-parent line of \(bad): bisection follows first parents (as git bisect --first-parent does); choose a good commit on that line")
            }
            commits.append(BisectCommit(commit: hash, subject: String(fields[2])))
            expectedParent = hash
        }
        guard commits.last?.commit == bad else {
            throw BisectRunError.invalidRevision("\(good) is not an ancestor of \(bad): --good must be older than --bad")
        }
        return commits
    }

    /// The first line of `commit`'s message.
    func subject(of commit: String) throws -> String {
        try run(["-c", "log.showSignature=false", "log", "-1", "--no-color", "--format=%s", commit])
            .trimmingCharacters(in: .newlines)
    }

    /// Adds a worktree at `path` with `commit` checked out (detached: no branch is made or moved).
    func addWorktree(at path: String, commit: String) throws {
        do {
            _ = try run(["worktree", "add", "--detach", "--quiet", path, commit])
        } catch let BisectRunError.git(message) {
            throw BisectRunError.scratch("cannot add a worktree at \(path): \(message)")
        }
    }

    /// Checks `commit` out in the worktree at `path`, discarding what a build changed in
    /// tracked files (untracked build products stay, for incremental builds).
    func checkout(worktree path: String, commit: String) throws {
        _ = try GitRepository(directory: path, interruption: interruption)
            .run(["checkout", "--quiet", "--detach", "--force", commit])
    }

    /// Removes the worktree at `path` (files and git's record of it); never throws, so that it
    /// can run while unwinding. Not interruptible: a second Ctrl-C does not leave a worktree
    /// half removed.
    func removeWorktree(at path: String) {
        _ = try? GitRepository(directory: directory, interruption: nil).run(["worktree", "remove", "--force", "--force", path])
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Makes git forget worktrees whose directories are gone. Never throws.
    func pruneWorktrees() {
        _ = try? GitRepository(directory: directory, interruption: nil).run(["worktree", "prune"])
    }

    /// Runs `git -C directory -c core.hooksPath=/dev/null ARGUMENTS` and returns its standard
    /// output.
    /// - Throws: ``BisectRunError/git(_:)`` with git's last message, or
    ///   ``BisectRunError/interrupted(signal:)``.
    func run(_ arguments: [String]) throws -> String {
        let child = ChildProcess(
            executable: "/usr/bin/env",
            arguments: ["git", "-C", directory, "-c", "core.hooksPath=/dev/null"] + arguments,
            timeout: Self.timeout)
        let outcome: ChildProcess.Outcome
        do {
            outcome = try interruption.map { try $0.run(child) } ?? child.run()
        } catch let error as BisectRunError {
            throw error
        } catch {
            throw BisectRunError.git("cannot run git: \(error)")
        }
        switch outcome.ending {
        case .exited(0):
            return String(decoding: outcome.standardOutput, as: UTF8.self)
        case .exited(127):
            throw BisectRunError.git("cannot run git: it is not installed")
        case .timedOut:
            throw BisectRunError.git("git \(arguments.first ?? "") did not finish within \(Int(Self.timeout)) s")
        default:
            let message = outcome.errorTail.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            throw BisectRunError.git("git \(Self.subcommand(of: arguments)): " + (message ?? "failed"))
        }
    }

    /// The git command `arguments` run (`log`, `worktree`), past any `-c NAME=VALUE`.
    private static func subcommand(of arguments: [String]) -> String {
        var index = 0
        while index < arguments.count, arguments[index] == "-c" { index += 2 }
        return index < arguments.count ? arguments[index] : "git"
    }
}
