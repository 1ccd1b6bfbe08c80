import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The process group of a child that ``ChildProcess`` starts, as its `TerminationCleanup`
/// action sees it: the action is registered before the child exists, and the child is started
/// while this record's lock is held, so a signal arriving at any moment finds either the group
/// (and stops it) or no child yet (and the child is then never started).
final class SpawnedGroup: Sendable {
    private enum State {
        case notStarted
        case running(pid_t)
        /// The process is being ended by a signal: nothing more may start.
        case ending
    }

    /// What ``spawn(_:recording:)`` returns when the process was already being ended.
    static let ending = ECANCELED

    private let state = Mutex(State.notStarted)

    /// Runs `start` (a `posix_spawn`, returning its error code) under the lock unless the
    /// process is being ended, and records the group `pid()` names when it succeeded.
    /// - Returns: `start`'s result, or ``ending``.
    func spawn(_ start: () -> Int32, recording pid: () -> pid_t) -> Int32 {
        state.withLock { state in
            guard case .notStarted = state else { return Self.ending }
            let result = start()
            if result == 0 { state = .running(pid()) }
            return result
        }
    }

    /// Passes `signal` on to the group, then kills what is left of it (this process is about
    /// to end and cannot wait for the group to finish); before the spawn, forbids it.
    func stop(first signal: Int32) {
        state.withLock { state in
            if case let .running(group) = state {
                kill(-group, signal)
                kill(-group, SIGKILL)
            }
            state = .ending
        }
    }
}
