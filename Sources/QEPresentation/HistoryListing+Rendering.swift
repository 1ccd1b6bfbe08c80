import QEValidation

extension HistoryListing: RenderableDocument {
    public static let formats: [OutputFormat] = [.text, .markdown, .csv]

    public func rendered(as format: OutputFormat) -> String {
        switch format {
        case .markdown: return HistoryListingMarkdownRenderer().render(self)
        case .csv: return HistoryListingCSVRenderer().render(self)
        case .text, .json, .html: return HistoryListingTextRenderer().render(self)
        }
    }
}
