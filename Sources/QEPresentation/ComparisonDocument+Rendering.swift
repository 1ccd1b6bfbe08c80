import QEValidation

extension ComparisonDocument: RenderableDocument {
    public static let formats: [OutputFormat] = [.text, .markdown, .csv]

    public func rendered(as format: OutputFormat) -> String {
        switch format {
        case .markdown: return ComparisonMarkdownRenderer().render(self)
        case .csv: return ComparisonCSVRenderer().render(self)
        case .text, .json, .html: return ComparisonTextRenderer().render(self)
        }
    }
}
