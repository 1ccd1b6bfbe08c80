import QEValidation

extension SweepDocument: RenderableDocument {
    public static let formats: [OutputFormat] = [.text, .markdown, .csv]

    public func rendered(as format: OutputFormat) -> String {
        switch format {
        case .markdown: return SweepMarkdownRenderer().render(self)
        case .csv: return SweepCSVRenderer().render(self)
        case .text, .json, .html: return SweepTextRenderer().render(self)
        }
    }
}
