import Foundation
import QEResults
import QEValidation
import Synchronization

/// The bisection's own place on disk: a fresh scratch directory holding a git worktree for the
/// known-good build, one for the known-bad build (both kept built for the whole bisection) and
/// one for the candidate commits, plus the benchmarks' results files. The user's work tree,
/// index and stash are never touched: a worktree has its own index and HEAD.
///
/// ``remove()`` removes the worktrees (files and git's records) and the scratch directory; the
/// bisection calls it when it ends, however it ends (an error, an interruption).
/// ``removeWithoutGit(scratch:)`` does the same with file operations only, for a process that a
/// signal is ending (`TerminationCleanup`), where no child process can be run.
final class BisectWorktrees: Sendable {
    let git: GitRepository
    /// The scratch directory (`qe-validate-bisect.XXXXXX`).
    let scratch: String
    private let added = Mutex<[String]>([])
    private let resultsCount = Mutex(0)

    /// Makes the scratch directory under `parent` (the system's temporary directory when nil)
    /// and registers ``removeWithoutGit()`` with `TerminationCleanup` — before the directory
    /// exists, so that a signal arriving at any moment leaves nothing behind (``unregister()``
    /// when the bisection is over).
    /// - Parameter onSignal: run first when a signal ends the process (to stop the running child).
    /// - Throws: ``BisectRunError/scratch(_:)``.
    init(git: GitRepository, parent: String?, onSignal: @escaping @Sendable (Int32) -> Void) throws {
        self.git = git
        let base = parent ?? FileManager.default.temporaryDirectory.path
        let made = MadeDirectory()
        cleanup = TerminationCleanup.shared.add { signal in
            onSignal(signal)
            made.end { path in BisectWorktrees.removeWithoutGit(scratch: path) }
        }
        switch made.make(template: base + "/qe-validate-bisect.XXXXXX") {
        case let .success(path):
            scratch = path
        case let .failure(error):
            TerminationCleanup.shared.remove(cleanup)
            throw BisectRunError.scratch("cannot make a scratch directory in \(base): \(error.description)")
        }
    }

    private let cleanup: TerminationCleanup.Token

    /// Forgets the signal-time cleanup (the bisection has removed its worktrees itself).
    func unregister() {
        TerminationCleanup.shared.remove(cleanup)
    }

    /// The worktree of `role`.
    func path(of role: BisectBuildRole) -> String {
        scratch + "/" + role.rawValue
    }

    /// Checks `commit` out in the worktree of `role`, adding the worktree the first time.
    func checkout(_ commit: String, for role: BisectBuildRole) throws {
        let path = path(of: role)
        if added.withLock({ $0.contains(path) }) {
            try git.checkout(worktree: path, commit: commit)
        } else {
            try git.addWorktree(at: path, commit: commit)
            added.withLock { $0.append(path) }
        }
    }

    /// A fresh path for a benchmark's results file.
    func nextResultsPath() -> String {
        let count = resultsCount.withLock { count in
            count += 1
            return count
        }
        return scratch + "/results-\(count).json"
    }

    /// Removes every worktree and the scratch directory, then has git forget any worktree it
    /// was still adding when interrupted. Never throws.
    func remove() {
        let paths = added.withLock { $0 }
        for role in BisectBuildRole.allCases.reversed() {
            let path = path(of: role)
            if paths.contains(path) || FileManager.default.fileExists(atPath: path) { git.removeWorktree(at: path) }
        }
        added.withLock { $0.removeAll() }
        try? FileManager.default.removeItem(atPath: scratch)
        git.pruneWorktrees()
    }

    /// Removes every worktree's files and git's record of it (the directory its `.git` file
    /// points to, in the repository's `worktrees/`), then the scratch directory: what `git
    /// worktree remove` and `prune` would do, without running git, for a process that a signal
    /// is ending (no child process can be run then). Never throws.
    static func removeWithoutGit(scratch: String) {
        for role in BisectBuildRole.allCases {
            let dotGit = scratch + "/" + role.rawValue + "/.git"
            guard let text = try? String(contentsOfFile: dotGit, encoding: .utf8), text.hasPrefix("gitdir: ") else { continue }
            let record = text.dropFirst("gitdir: ".count).trimmingCharacters(in: .whitespacesAndNewlines)
            // Only a record inside a `worktrees` directory of a repository is removed.
            guard URL(fileURLWithPath: record).deletingLastPathComponent().lastPathComponent == "worktrees" else { continue }
            try? FileManager.default.removeItem(atPath: record)
        }
        try? FileManager.default.removeItem(atPath: scratch)
    }
}
