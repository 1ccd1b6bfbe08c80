/// Where a history store is: an SQLite file (`sqlite:PATH`, embedded, the default) or a
/// PostgreSQL database (`postgres://USER[:PASSWORD]@HOST[:PORT]/DB`, a team's shared server).
///
/// ``description`` is the location as a user would write it, with any password replaced by
/// `***`; every message about a store uses it.
public enum StoreLocation: Hashable, Sendable, CustomStringConvertible {
    /// An SQLite database file.
    case sqlite(path: String)
    /// A PostgreSQL database.
    case postgres(PostgresLocation)

    /// The environment variable that names the store when `--store` is not given.
    public static let environmentVariable = "QE_VALIDATE_STORE"
    /// The default store's path relative to the top of the git work tree.
    public static let defaultRelativePath = ".qe-validate/history.sqlite"

    /// Parses `sqlite:PATH` or a `postgres://` (`postgresql://`) URL.
    /// - Throws: ``HistoryError`` (``HistoryError/Category/badLocation``).
    public init(parsing text: String) throws(HistoryError) {
        if text.hasPrefix("sqlite:") {
            let path = String(text.dropFirst("sqlite:".count))
            guard !path.isEmpty else {
                throw HistoryError(.badLocation, subject: text, detail: "no path: expected sqlite:PATH")
            }
            self = .sqlite(path: path)
        } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(try PostgresLocation(parsing: text))
        } else {
            throw HistoryError(.badLocation, subject: PostgresLocation.redacted(text),
                               detail: "unknown store; expected sqlite:PATH or postgres://USER[:PASSWORD]@HOST[:PORT]/DB")
        }
    }

    /// The store to use: `option` (`--store`) if given, else the ``environmentVariable``, else
    /// `sqlite:` ``defaultRelativePath`` at the top of the git work tree that holds
    /// `workingDirectory`.
    /// - Throws: ``HistoryError`` (``HistoryError/Category/badLocation``) when the text is
    ///   malformed, or when the default is wanted outside a git work tree.
    public static func resolve(option: String?, environment: [String: String],
                               workingDirectory: String) throws(HistoryError) -> StoreLocation {
        if let option { return try StoreLocation(parsing: option) }
        if let text = environment[environmentVariable], !text.isEmpty { return try StoreLocation(parsing: text) }
        guard let top = GitWorkTree(directory: workingDirectory).topLevel() else {
            throw HistoryError(.badLocation, subject: workingDirectory,
                               detail: "not inside a git work tree, so there is no default store; give --store sqlite:PATH or set \(environmentVariable)")
        }
        return .sqlite(path: top + "/" + defaultRelativePath)
    }

    /// `sqlite:PATH`, or the PostgreSQL URL with its password replaced by `***`.
    public var description: String {
        switch self {
        case let .sqlite(path): return "sqlite:" + path
        case let .postgres(location): return location.description
        }
    }
}
