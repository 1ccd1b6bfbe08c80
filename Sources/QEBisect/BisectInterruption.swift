import Foundation
import QEBench

#if canImport(Glibc)
import Glibc
#endif

/// Stops a bisection from another thread: ``request(signal:)`` kills the process group of
/// the child it is running (a build, a benchmark, git) and makes the next ``check()`` throw,
/// so that the bisection unwinds and removes its worktrees.
///
/// A signal that ends the process (SIGINT, SIGTERM, SIGHUP) reaches it through
/// `TerminationCleanup` (``Bisector``). The children run in process groups of their own
/// (``ChildProcess``), so a terminal's Ctrl-C reaches only this process; stopping them is this
/// type's job.
public final class BisectInterruption: @unchecked Sendable {
    private let lock = NSLock()
    private var signal: Int32?
    /// The process group of the child being run (one at a time).
    private var current: Int32?

    public init() {}

    /// Whether an interruption was requested.
    public var isRequested: Bool { lock.withLock { signal != nil } }

    /// Requests the interruption: kills (SIGKILL) the process group of the running child.
    public func request(signal number: Int32) {
        let group: Int32? = lock.withLock {
            if signal == nil { signal = number }
            return current
        }
        if let group { kill(-group, SIGKILL) }
    }

    /// - Throws: ``BisectRunError/interrupted(signal:)`` once an interruption was requested.
    public func check() throws(BisectRunError) {
        if let number = lock.withLock({ signal }) { throw .interrupted(signal: number) }
    }

    /// Runs `child` so that an interruption stops it, then ``check()``s.
    /// - Throws: `ChildProcess.LaunchError` (wrapped by the caller) or ``BisectRunError/interrupted(signal:)``.
    func run(_ child: ChildProcess) throws -> ChildProcess.Outcome {
        var child = child
        child.onStart = { [self] pid in started(pid) }
        let outcome = try child.run()
        lock.withLock { current = nil }
        try check()
        return outcome
    }

    private func started(_ pid: Int32) {
        let alreadyRequested: Bool = lock.withLock {
            current = pid
            return signal != nil
        }
        if alreadyRequested { kill(-pid, SIGKILL) }
    }

    /// Waits (at most `seconds`) until the process group of the child being run is gone, after
    /// ``request(signal:)`` killed it.
    func waitForChild(seconds: Double) {
        guard let group = lock.withLock({ current }) else { return }
        let deadline = MonotonicClock.nanoseconds() &+ UInt64(seconds * 1e9)
        while kill(-group, 0) == 0 && MonotonicClock.nanoseconds() < deadline { usleep(10_000) }
    }
}
