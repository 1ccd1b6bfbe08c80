/// Why a history-store operation failed, as one line that names the store (its password
/// hidden) or the file, and the problem.
///
/// ``category`` says what kind of failure it is, so that the command can choose the exit code
/// (DESIGN §4); the store itself never exits. Every failed operation leaves the store as it was:
/// each change is one transaction.
public struct HistoryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure, for the exit code.
    public enum Category: Hashable, Sendable {
        /// The store cannot be read: a missing or corrupt SQLite file, an unreachable server,
        /// a refused login, a schema from a newer qe-validate. Exit 66 (`EX_NOINPUT`).
        case unreadableStore
        /// The data given to the store is not acceptable: a results file without a commit, a
        /// time that is not ISO 8601, an export file that is not one, an unknown revision.
        /// Exit 65 (`EX_DATAERR`).
        case badData
        /// The store location (`--store`, `QE_VALIDATE_STORE`) is malformed. Exit 64
        /// (`EX_USAGE`).
        case badLocation
        /// An export file cannot be written. Exit 73 (`EX_CANTCREAT`).
        case cannotWrite
        /// Anything else: the server failed a statement, the disk is full. Exit 70
        /// (`EX_SOFTWARE`).
        case internalFailure
    }

    /// What kind of failure it is.
    public var category: Category
    /// The subject of the message: the store's redacted location or a file's path.
    public var subject: String
    /// The problem, after the subject.
    public var detail: String

    /// Creates an error.
    public init(_ category: Category, subject: String, detail: String) {
        self.category = category
        self.subject = subject
        self.detail = detail
    }

    /// `SUBJECT: detail` on one line (line breaks in server messages are shown as spaces).
    public var description: String {
        let text = "\(subject): \(detail)"
        return String(text.map { $0.isNewline ? " " : $0 })
    }
}
