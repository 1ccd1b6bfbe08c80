/// Why an output file could not be written. Every case means exit 73 (`EX_CANTCREAT`); the
/// message starts with the path as the user gave it.
public struct FileWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Equatable {
        /// The file exists and the caller asked never to replace one (keys).
        case exists
        /// The file exists and this user may not write it (read-only, or another user's):
        /// it is not replaced, though the directory would allow a rename over it.
        case notWritable(mode: UInt32)
        /// The path names a directory.
        case isDirectory
        /// A system call failed: what was being done, and the C library's words for `errno`.
        case failed(String)
    }

    /// The path as the caller gave it.
    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// `PATH: cannot write: …`, on one line.
    public var description: String { "\(path): \(detail)" }

    /// The message after the path: `cannot write: ` and ``explanation``, or for
    /// ``Reason/exists`` the explanation alone.
    public var detail: String {
        if case .exists = reason { return explanation }
        return "cannot write: " + explanation
    }

    /// Why, in words: "No space left on device", "is a directory, not a file", ...
    public var explanation: String {
        switch reason {
        case .exists:
            return "a file exists; not replacing it (remove it first, or choose another path)"
        case let .notWritable(mode):
            return "the file is not writable for this user (mode \(String(mode & 0o7777, radix: 8))); not replacing it"
        case .isDirectory:
            return "is a directory, not a file"
        case let .failed(detail):
            return detail
        }
    }
}
