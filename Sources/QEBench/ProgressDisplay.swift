import Foundation
import Synchronization

/// One status line on a terminal's standard error, rewritten in place as a run advances.
/// Silent when standard error is not a terminal, or when asked to be. Safe to call from any
/// thread: a `Mutex` keeps one line written at a time.
public final class ProgressDisplay: Sendable {
    private let enabled: Bool
    /// Whether a status line is on the screen.
    private let shown = Mutex(false)

    /// - Parameter quiet: never show anything.
    public init(quiet: Bool) {
        enabled = !quiet && isatty(STDERR_FILENO) == 1
    }

    /// Replaces the status line with `text`.
    public func show(_ text: String) {
        guard enabled else { return }
        shown.withLock { shown in
            FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
            shown = true
        }
    }

    /// Clears the status line, so that what follows starts on a clean line.
    public func finish() {
        guard enabled else { return }
        shown.withLock { shown in
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            shown = false
        }
    }
}
