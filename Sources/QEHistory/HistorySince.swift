/// Where a listing starts (`--since REV|DATE`): at a time, or at a commit's time.
public enum HistorySince: Hashable, Sendable {
    /// Points at or after this time.
    case time(HistoryTimestamp)
    /// Points at or after the time of this commit (a full id or a prefix of at least 4 digits
    /// of a commit in the store).
    case commit(String)

    /// Reads `text` as an ISO 8601 time or date, else as a commit id prefix (4 or more hex
    /// digits), else as a git revision (`v1.2`, `main~20`) resolved in `git`'s work tree.
    /// - Throws: ``HistoryError`` (``HistoryError/Category/badData``) when it is none of them.
    public static func parse(_ text: String, git: GitWorkTree) throws(HistoryError) -> HistorySince {
        if let time = HistoryTimestamp(iso8601: text) { return .time(time) }
        if text.count >= 4 && text.count <= 64 && text.allSatisfy(\.isHexDigit) { return .commit(text.lowercased()) }
        if let commit = git.commit(for: text) { return .commit(commit) }
        throw HistoryError(.badData, subject: "--since \(text)",
                           detail: "neither an ISO 8601 date or time, nor a commit id, nor a git revision in \(git.directory)")
    }
}
