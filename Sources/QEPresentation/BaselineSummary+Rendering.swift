import QEValidation

extension BaselineSummary: RenderableDocument {
    public static let formats: [OutputFormat] = [.text, .markdown]

    public func rendered(as format: OutputFormat) -> String {
        switch format {
        case .markdown: return BaselineSummaryMarkdownRenderer().render(self)
        case .text, .csv, .json, .html: return BaselineSummaryTextRenderer().render(self)
        }
    }
}
