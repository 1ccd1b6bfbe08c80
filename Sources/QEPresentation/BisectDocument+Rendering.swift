import QEValidation

extension BisectDocument: RenderableDocument {
    public static let formats: [OutputFormat] = [.text, .markdown]

    public func rendered(as format: OutputFormat) -> String {
        switch format {
        case .markdown: return BisectMarkdownRenderer().render(self)
        case .text, .json, .csv, .html: return BisectTextRenderer().render(self)
        }
    }
}
