import QEValidation

extension GateDocument: RenderableDocument {
    public static let formats: [OutputFormat] = [.text, .markdown, .csv]

    public func rendered(as format: OutputFormat) -> String {
        switch format {
        case .markdown: return GateMarkdownRenderer().render(self)
        case .csv: return GateCSVRenderer().render(self)
        case .text, .json, .html: return GateTextRenderer().render(self)
        }
    }
}
