import QEValidation

extension ClaimDocument: RenderableDocument {
    public static let formats: [OutputFormat] = [.text, .markdown, .csv]

    public func rendered(as format: OutputFormat) -> String {
        switch format {
        case .markdown: return ClaimMarkdownRenderer().render(self)
        case .csv: return ClaimCSVRenderer().render(self)
        case .text, .json, .html: return ClaimTextRenderer().render(self)
        }
    }
}
