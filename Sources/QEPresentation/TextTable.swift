/// A table for a terminal: columns separated by two spaces, each as wide as its widest cell,
/// left- or right-aligned, trailing spaces removed. The first row is the header.
///
/// Widths count characters (`Character`s), so `µ`, `×` and the footnote marks `¹²` take one
/// column each, as a terminal shows them. Control characters in a cell (a line break in a
/// benchmark name) are shown escaped (``TerminalText``), so every row stays one line.
public struct TextTable: Sendable {
    /// The rows, header first; every row has as many cells as the header.
    public var rows: [[String]]
    /// Columns (0-based) aligned to the right; the others are aligned to the left.
    public var rightAligned: Set<Int>

    /// A table of `rows` (header first) with the columns in `rightAligned` right-aligned.
    public init(_ rows: [[String]], rightAligned: Set<Int>) {
        self.rows = rows.map { $0.map(TerminalText.escape) }
        self.rightAligned = rightAligned
    }

    /// A table whose first `leftColumns` columns are left-aligned and the rest right-aligned.
    public init(_ rows: [[String]], leftColumns: Int) {
        self.init(rows, rightAligned: Set(leftColumns..<max(leftColumns, rows.first?.count ?? 0)))
    }

    /// The table, one line per row, each ending with a newline; "" for no rows.
    ///
    /// - Complexity: O(cells).
    public func text() -> String {
        guard let columns = rows.first?.count else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        var output = ""
        for row in rows {
            var line = ""
            for (index, cell) in row.enumerated() {
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                line += rightAligned.contains(index) ? padding + cell : cell + padding
                if index < columns - 1 { line += "  " }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            output += line + "\n"
        }
        return output
    }
}
