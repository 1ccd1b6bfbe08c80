import QEValidation

extension RunVarianceDocument: RenderableDocument {
    public static let formats: [OutputFormat] = [.text, .markdown, .csv]

    public func rendered(as format: OutputFormat) -> String {
        switch format {
        case .markdown: return RunVarianceMarkdownRenderer().render(self)
        case .csv: return RunVarianceCSVRenderer().render(self)
        case .text, .json, .html: return RunVarianceTextRenderer().render(self)
        }
    }
}
