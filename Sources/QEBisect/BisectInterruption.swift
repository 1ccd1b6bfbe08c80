import Foundation
import QEBench

#if canImport(Glibc)
import Glibc
#endif

/// Stops a bisection from another thread: ``request(signal:)`` kills the process group of
/// the child it is running (a build, a benchmark, git) and makes the next ``check()`` throw,
/// so that the bisection unwinds and removes its worktrees.
///
/// ``installSignalHandlers()`` routes SIGINT (Ctrl-C), SIGTERM and SIGHUP here (until
/// ``removeSignalHandlers()``). The children
/// run in process groups of their own (``ChildProcess``), so a terminal's Ctrl-C reaches only
/// this process; stopping them is this type's job.
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

    /// Routes SIGINT, SIGTERM and SIGHUP to this interruption until ``removeSignalHandlers()``.
    /// While no interruption takes them, such a signal ends the process as it would have
    /// (``SignalRoute``).
    public func installSignalHandlers() {
        SignalRoute.shared.add(self)
    }

    /// Stops routing signals here.
    public func removeSignalHandlers() {
        SignalRoute.shared.remove(self)
    }
}

/// The process's handlers of SIGINT, SIGTERM and SIGHUP, installed once: the handler only
/// writes the signal's number to a pipe (async-signal-safe); a thread reads it and requests
/// every registered ``BisectInterruption``, or — when none is registered — puts the signal's
/// default action back and raises it again, so that the process ends as it would have.
/// Handled signals go back to their defaults in the programs a bisection starts.
private final class SignalRoute: @unchecked Sendable {
    static let shared = SignalRoute()

    private let lock = NSLock()
    private var interruptions: [ObjectIdentifier: BisectInterruption] = [:]
    private var installed = false

    func add(_ interruption: BisectInterruption) {
        lock.withLock {
            interruptions[ObjectIdentifier(interruption)] = interruption
            if !installed { installed = install() }
        }
    }

    func remove(_ interruption: BisectInterruption) {
        lock.withLock { _ = interruptions.removeValue(forKey: ObjectIdentifier(interruption)) }
    }

    private func deliver(_ number: Int32) {
        let targets = lock.withLock { Array(interruptions.values) }
        guard !targets.isEmpty else {
            signal(number, SIG_DFL)
            raise(number)
            return
        }
        for interruption in targets { interruption.request(signal: number) }
    }

    /// Installs the handlers and starts the reading thread; false when no pipe could be made.
    private func install() -> Bool {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return false }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        SignalPipe.writeEnd = ends[1]
        let readEnd = ends[0]
        let reader = Thread { [self] in
            var byte: UInt8 = 0
            while true {
                let count = read(readEnd, &byte, 1)
                if count == 1 {
                    deliver(Int32(byte))
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
        reader.start()
        for number in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(SignalPipe.writeEnd, &byte, 1)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(number, &action, nil)
        }
        return true
    }
}

/// The write end of the pipe the signal handler writes to. A C signal handler cannot capture
/// context, so it is a global, written once before the handlers are installed and only read
/// after.
private enum SignalPipe {
    nonisolated(unsafe) static var writeEnd: Int32 = -1
}
