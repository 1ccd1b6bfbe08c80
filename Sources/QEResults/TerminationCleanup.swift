import Dispatch
import Foundation
import Synchronization

/// What must be undone when the process is stopped by SIGTERM, SIGINT or SIGHUP, before it ends
/// by that signal: temporary files removed (``TemporaryFiles``), the process groups of running
/// child commands stopped (`QEBench.ChildProcess`).
///
/// The handlers are installed with the first action, and only for signals whose disposition is
/// the default (a SIGHUP ignored under `nohup` stays ignored). They run on a Dispatch queue of
/// their own:
/// each registered action is called with the signal, then the process ends by that signal, as
/// the default action would have ended it (same exit status). SIGKILL cannot be caught; what it
/// leaves behind is tidied by the next run (stale temporary files) or by the kernel.
public final class TerminationCleanup: Sendable {
    public static let shared = TerminationCleanup()

    /// Identifies a registered action, to remove it.
    public struct Token: Hashable, Sendable {
        let value: Int
    }

    private struct State {
        var actions: [Int: @Sendable (Int32) -> Void] = [:]
        var next = 0
        var sources: [any DispatchSourceSignal] = []
        var handlersInstalled = false
        var ending = false
    }

    private let state = Mutex(State())

    /// The signals after which the actions run.
    public static let signals: [Int32] = [SIGTERM, SIGINT, SIGHUP]

    /// Registers `action`, called with the signal if one of ``signals`` stops the process while
    /// it is registered. Register before creating what it undoes. When the process is already
    /// being ended by a signal (the registered actions are running), the calling thread is
    /// parked instead (``holdIfEnding()``): the action would never run, so nothing it would
    /// undo may be created.
    public func add(_ action: @escaping @Sendable (Int32) -> Void) -> Token {
        let token: Token? = state.withLock { state in
            if state.ending { return nil }
            state.next += 1
            state.actions[state.next] = action
            if !state.handlersInstalled {
                state.handlersInstalled = true
                state.sources = Self.installHandlers()
            }
            return Token(value: state.next)
        }
        guard let token else {
            holdIfEnding()
            return Token(value: 0)
        }
        return token
    }

    /// Parks the calling thread for good when the process is being ended by a signal: a
    /// failure the cleanup itself caused (a removed temporary file, a killed child) must not be
    /// reported, nor the process end with another status, in the moment before the signal ends
    /// it. Returns at once otherwise.
    public func holdIfEnding() {
        guard state.withLock({ $0.ending }) else { return }
        while true { pause() }
    }

    /// Forgets the action (what it undoes is done with).
    public func remove(_ token: Token) {
        _ = state.withLock { $0.actions.removeValue(forKey: token.value) }
    }

    /// Installs a Dispatch signal source for each of ``signals`` whose disposition is the
    /// default, and waits until each is registered: Dispatch then has its own handler in place
    /// (until then the default action still applies, and a signal that came in between would
    /// be lost to an ignored disposition — so none is set).
    private static func installHandlers() -> [any DispatchSourceSignal] {
        var sources: [any DispatchSourceSignal] = []
        let registered = DispatchSemaphore(value: 0)
        // A queue of its own (serial queues overcommit: Dispatch gives it a thread even when every
        // thread of the global queues is blocked, as a command waiting for its child may be).
        let queue = DispatchQueue(label: "qe-validate.termination-cleanup")
        for signal in signals {
            var previous = sigaction()
            guard sigaction(signal, nil, &previous) == 0,
                unsafeBitCast(previous.__sigaction_handler.sa_handler, to: Int.self) == 0  // SIG_DFL
            else { continue }
            let source = DispatchSource.makeSignalSource(signal: signal, queue: queue)
            source.setEventHandler { TerminationCleanup.shared.runAllAndEnd(by: signal) }
            source.setRegistrationHandler { registered.signal() }
            source.resume()
            sources.append(source)
        }
        for _ in sources { registered.wait() }
        startReceiver(for: signals)
        return sources
    }

    /// Starts a thread that has `signals` unblocked and does nothing else, so the kernel always
    /// has a thread to deliver them to: Dispatch's worker threads (where commands run) block
    /// every signal, and the main thread of an `async` program may be gone, so a signal could
    /// otherwise wait, pending, until some thread happened to unblock it.
    private static func startReceiver(for signals: [Int32]) {
        let receiver = Thread {
            var set = sigset_t()
            sigemptyset(&set)
            for signal in signals { sigaddset(&set, signal) }
            pthread_sigmask(SIG_UNBLOCK, &set, nil)
            while true { pause() }
        }
        receiver.start()
    }

    private func runAllAndEnd(by signal: Int32) -> Never {
        let actions = state.withLock { state in
            state.ending = true
            defer { state.actions.removeAll() }
            return Array(state.actions.values)
        }
        for action in actions { action(signal) }
        Glibc.signal(signal, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, signal)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        raise(signal)
        // A signal the default action does not end the process with never reaches here.
        exit(128 + signal)
    }
}
