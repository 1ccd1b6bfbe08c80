import Foundation
import Synchronization

/// A directory made with `mkdtemp` whose removal at signal time cannot miss it: ``make(template:)``
/// runs under the lock that ``end(_:)`` takes, so a signal's cleanup either sees the directory
/// (and removes it) or comes first (and then none is made).
final class MadeDirectory: Sendable {
    private struct State {
        var path: String?
        var ended = false
    }

    private let state = Mutex(State())

    /// Makes a directory from `template` (ending in `XXXXXX`).
    /// - Returns: its path, or the error code when it cannot be made (`ECANCELED` when ``end(_:)``
    ///   came first).
    func make(template: String) -> Result<String, Errno> {
        state.withLock { state in
            guard !state.ended else { return .failure(Errno(ECANCELED)) }
            var bytes = Array(template.utf8CString)
            guard let made = mkdtemp(&bytes) else { return .failure(Errno(errno)) }
            let path = String(cString: made)
            state.path = path
            return .success(path)
        }
    }

    /// An error code (`errno`).
    struct Errno: Error {
        var code: Int32
        init(_ code: Int32) { self.code = code }
        var description: String { String(cString: strerror(code)) }
    }

    /// Hands the directory (if made) to `remove`; after this, none is made.
    func end(_ remove: (String) -> Void) {
        state.withLock { state in
            state.ended = true
            if let path = state.path { remove(path) }
        }
    }
}
