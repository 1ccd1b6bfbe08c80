import Foundation
import Synchronization

/// The temporary files this process is writing beside their targets, named
/// `.NAME.tmp-PID-RANDOM`, and their removal when the process is stopped.
///
/// - On SIGTERM, SIGINT or SIGHUP the temporary files being written are removed before the
///   process ends by that signal (``TerminationCleanup``).
/// - SIGKILL cannot be caught: the next write to the same target removes the temporaries that
///   processes which no longer exist left beside it (``removeStale(besides:)``).
final class TemporaryFiles: Sendable {
    static let shared = TemporaryFiles()

    private let tokens = Mutex<[String: TerminationCleanup.Token]>([:])

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
        let token = TerminationCleanup.shared.add { _ in unlink(path) }
        tokens.withLock { $0[path] = token }
    }

    /// Forgets `path` (renamed into place, or removed).
    func unregister(_ path: String) {
        if let token = tokens.withLock({ $0.removeValue(forKey: path) }) { TerminationCleanup.shared.remove(token) }
    }

    /// The temporary files registered now.
    var registered: Set<String> { tokens.withLock { Set($0.keys) } }

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
