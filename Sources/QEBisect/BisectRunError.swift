import QEValidation

/// Why a bisection could not run to its conclusion. Each case says what failed in words a user
/// can act on; ``isUsage`` tells a wrong command line from a failure of git, the builds or the
/// benchmark.
public enum BisectRunError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A revision is missing, not a commit, or not on the first-parent line of the other.
    case invalidRevision(String)
    /// The commands asked for cannot work (`--bench` without `{out}`, say).
    case invalidSetup(String)
    /// The directory is not in a git repository (or cannot be read).
    case notARepository(String)
    /// git could not be run or failed.
    case git(String)
    /// The known-good or known-bad build could not be built or measured: nothing can be
    /// compared with it.
    case endpointFailed(String)
    /// The benchmark's results file has no benchmark by that name, or several to choose from.
    case benchmarkChoice(String)
    /// The scratch directory or a worktree could not be made.
    case scratch(String)
    /// A signal (Ctrl-C, SIGTERM, SIGHUP) stopped the bisection; its worktrees were removed.
    case interrupted(signal: Int32)

    public var description: String {
        switch self {
        case let .invalidRevision(message), let .invalidSetup(message), let .notARepository(message), let .git(message), let .endpointFailed(message),
             let .benchmarkChoice(message), let .scratch(message):
            return message
        case let .interrupted(signal):
            return "interrupted by signal \(signal); the bisection's worktrees were removed"
        }
    }

    /// Whether the command line is at fault (exit 64) rather than git, a build or a benchmark.
    public var isUsage: Bool {
        switch self {
        case .invalidRevision, .invalidSetup, .benchmarkChoice: return true
        case .notARepository, .git, .endpointFailed, .scratch, .interrupted: return false
        }
    }
}
