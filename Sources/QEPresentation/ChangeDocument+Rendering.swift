import QEValidation

extension ChangeDocument: RenderableDocument {
    public static let formats: [OutputFormat] = [.text, .markdown, .csv]

    public func rendered(as format: OutputFormat) -> String {
        switch format {
        case .markdown: return ChangeMarkdownRenderer().render(self)
        case .csv: return ChangeCSVRenderer().render(self)
        case .text, .json, .html: return ChangeTextRenderer().render(self)
        }
    }
}
