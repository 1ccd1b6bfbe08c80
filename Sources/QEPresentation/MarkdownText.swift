/// Text placed in Markdown.
public enum MarkdownText {
    /// Text for a table cell: `|` escaped, line breaks as spaces.
    public static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
