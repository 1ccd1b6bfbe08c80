import QEPresentation

/// A report is written as `NAME.md`, `NAME.json` and `NAME.html` through
/// `render(_:as:)`, as every other document is; its JSON is its ``ReportDocument``.
extension Report: RenderableDocument {
    public static let formats: [OutputFormat] = [.markdown, .html]

    public func encode(to encoder: any Encoder) throws {
        try document.encode(to: encoder)
    }

    public func rendered(as format: OutputFormat) -> String {
        switch format {
        case .html: return ReportHTMLRenderer().render(self)
        case .markdown, .text, .csv, .json: return ReportMarkdownRenderer().render(self)
        }
    }
}
