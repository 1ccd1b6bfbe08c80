/// The forms a document is written in: `--format` of the judging commands, and the files of a
/// report (Markdown, JSON, HTML).
public enum OutputFormat: String, CaseIterable, Sendable {
    /// A table and notes for a terminal or a CI log.
    case text
    /// Markdown, for pull-request comments, job summaries and reports.
    case markdown
    /// The document's schema (`qe-validate/verdict@1`, `variance@1`, `report@1`, ...): pretty,
    /// keys sorted, the same bytes for the same document.
    case json
    /// One row per benchmark (RFC 4180).
    case csv
    /// One self-contained page (reports).
    case html
}
