import Dispatch
import Foundation
import Synchronization

/// The temporary files this process is writing beside their targets, named
/// `.NAME.tmp-PID-RANDOM`, and their removal when the process is stopped.
///
/// - On SIGTERM, SIGINT or SIGHUP the temporary files being written are removed before the
///   process ends by that signal (its exit status stays what the signal makes it). The handlers
///   are installed with the first temporary file, and only for signals whose disposition is the
///   default (a SIGHUP ignored under `nohup` stays ignored).
/// - SIGKILL cannot be caught: the next write to the same target removes the temporaries that
///   processes which no longer exist left beside it (``removeStale(besides:)``).
final class TemporaryFiles: Sendable {
    static let shared = TemporaryFiles()

    private struct State {
        var paths: Set<String> = []
        var sources: [any DispatchSourceSignal] = []
        var handlersInstalled = false
    }

    private let state = Mutex(State())

    /// The signals after which temporary files are removed.
    static let cleanedUpSignals: [Int32] = [SIGTERM, SIGINT, SIGHUP]

    /// A new temporary path for `target`, in the target's directory so that the final rename
    /// stays within one file system: `DIR/.NAME.tmp-PID-RANDOM`.
    static func path(besides target: String, processID: pid_t = getpid()) -> String {
        PathText.directory(of: target) + "/" + prefix(for: PathText.lastComponent(of: target))
            + "\(processID)-" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
    }

    /// `.NAME.tmp-`: what every temporary file of target `NAME` starts with. A long NAME is cut
    /// to its first 200 bytes (at a character boundary), so that the temporary file's name stays
    /// within the 255 bytes a file name may have wherever NAME itself does.
    static func prefix(for name: String) -> String {
        var kept = Substring(name)
        while kept.utf8.count > maximumNameBytes { kept = kept.dropLast() }
        return "." + kept + ".tmp-"
    }

    static let maximumNameBytes = 200

    /// Records `path` as a temporary file to remove if the process is stopped by a signal.
    /// Call it before creating the file.
    func register(_ path: String) {
        state.withLock { state in
            state.paths.insert(path)
            if !state.handlersInstalled {
                state.handlersInstalled = true
                state.sources = Self.installHandlers()
            }
        }
    }

    /// Forgets `path` (renamed into place, or removed).
    func unregister(_ path: String) {
        _ = state.withLock { $0.paths.remove(path) }
    }

    /// The temporary files registered now.
    var registered: Set<String> { state.withLock { $0.paths } }

    private static func installHandlers() -> [any DispatchSourceSignal] {
        var sources: [any DispatchSourceSignal] = []
        for signal in cleanedUpSignals {
            var previous = sigaction()
            guard sigaction(signal, nil, &previous) == 0,
                unsafeBitCast(previous.__sigaction_handler.sa_handler, to: Int.self) == 0  // SIG_DFL
            else { continue }
            // Dispatch delivers the signal to the handler below; the process must not end first.
            Glibc.signal(signal, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signal, queue: .global())
            source.setEventHandler { TemporaryFiles.shared.removeAllAndEnd(by: signal) }
            source.resume()
            sources.append(source)
        }
        return sources
    }

    /// Removes every registered file, then ends the process by `signal` as the default action
    /// would have.
    private func removeAllAndEnd(by signal: Int32) -> Never {
        state.withLock { state in
            for path in state.paths { unlink(path) }
            state.paths.removeAll()
        }
        Glibc.signal(signal, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, signal)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        raise(signal)
        // A signal the default action does not end the process with never reaches here.
        exit(128 + signal)
    }

    /// Removes the temporary files beside `target` that processes which no longer exist left
    /// (killed with SIGKILL, or by a power cut): regular files named `.NAME.tmp-PID-…` owned by
    /// this user whose PID is not a running process. Files of running processes, of other users
    /// and anything else are left alone. Errors are ignored: this is tidying, not writing.
    /// - Complexity: O(entries in the directory).
    static func removeStale(besides target: String) {
        let directory = PathText.directory(of: target)
        let prefix = prefix(for: PathText.lastComponent(of: target))
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            let rest = entry.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let processID = pid_t(rest[..<dash]), processID > 0,
                processID != getpid(), kill(processID, 0) != 0, errno == ESRCH
            else { continue }
            let path = directory + "/" + entry
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_uid == geteuid() else { continue }
            unlink(path)
        }
    }
}
