import Foundation

/// One status line on a terminal's standard error, rewritten in place as a run advances.
/// Silent when standard error is not a terminal, or when asked to be.
public final class ProgressDisplay: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var shown = false

    /// - Parameter quiet: never show anything.
    public init(quiet: Bool) {
        enabled = !quiet && isatty(STDERR_FILENO) == 1
    }

    /// Replaces the status line with `text`.
    public func show(_ text: String) {
        guard enabled else { return }
        lock.withLock {
            FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
            shown = true
        }
    }

    /// Clears the status line, so that what follows starts on a clean line.
    public func finish() {
        guard enabled else { return }
        lock.withLock {
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            shown = false
        }
    }
}
