/// A Markdown table: a header row, the alignment row, and one row per entry. Every cell is text
/// that ``MarkdownText/escape(_:)`` has made safe, or a number this program wrote.
public struct MarkdownTable: Sendable {
    public enum Alignment: Sendable {
        case left
        case right
    }

    public var header: [String]
    public var alignments: [Alignment]
    public var rows: [[String]]

    public init(header: [String], alignments: [Alignment], rows: [[String]] = []) {
        self.header = header
        self.alignments = alignments
        self.rows = rows
    }

    /// The table's lines, each ending with a newline.
    public func text() -> String {
        var output = "| " + header.joined(separator: " | ") + " |\n"
        output += "|" + alignments.map { $0 == .left ? "---|" : "---:|" }.joined() + "\n"
        for row in rows { output += "| " + row.joined(separator: " | ") + " |\n" }
        return output
    }
}
