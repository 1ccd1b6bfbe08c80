import Foundation
import QEValidation

/// The bisection's own place on disk: a fresh scratch directory holding a git worktree for the
/// known-good build, one for the known-bad build (both kept built for the whole bisection) and
/// one for the candidate commits, plus the benchmarks' results files. The user's work tree,
/// index and stash are never touched: a worktree has its own index and HEAD.
///
/// ``remove()`` removes the worktrees (files and git's records) and the scratch directory; the
/// bisection calls it when it ends, however it ends (an error, Ctrl-C).
final class BisectWorktrees {
    let git: GitRepository
    /// The scratch directory (`qe-validate-bisect.XXXXXX`).
    let scratch: String
    private var added: [String] = []
    private var resultsCount = 0

    /// Makes the scratch directory under `parent` (the system's temporary directory when nil).
    /// - Throws: ``BisectRunError/scratch(_:)``.
    init(git: GitRepository, parent: String?) throws {
        self.git = git
        let base = parent ?? FileManager.default.temporaryDirectory.path
        var template = Array((base + "/qe-validate-bisect.XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw BisectRunError.scratch("cannot make a scratch directory in \(base): \(String(cString: strerror(errno)))")
        }
        scratch = String(cString: made)
    }

    /// The worktree of `role`.
    func path(of role: BisectBuildRole) -> String {
        scratch + "/" + role.rawValue
    }

    /// Checks `commit` out in the worktree of `role`, adding the worktree the first time.
    func checkout(_ commit: String, for role: BisectBuildRole) throws {
        let path = path(of: role)
        if added.contains(path) {
            try git.checkout(worktree: path, commit: commit)
        } else {
            try git.addWorktree(at: path, commit: commit)
            added.append(path)
        }
    }

    /// A fresh path for a benchmark's results file.
    func nextResultsPath() -> String {
        resultsCount += 1
        return scratch + "/results-\(resultsCount).json"
    }

    /// Removes every worktree and the scratch directory, then has git forget any worktree it
    /// was still adding when interrupted. Never throws.
    func remove() {
        for role in BisectBuildRole.allCases.reversed() {
            let path = path(of: role)
            if added.contains(path) || FileManager.default.fileExists(atPath: path) { git.removeWorktree(at: path) }
        }
        added.removeAll()
        try? FileManager.default.removeItem(atPath: scratch)
        git.pruneWorktrees()
    }
}
