import QEValidation

/// Renders a sweep as Markdown: the points table, the crossover, the scaling fits, the notes.
struct SweepMarkdownRenderer {
    func render(_ document: SweepDocument) -> String {
        let parameters = document.parameters.count
        var output = Self.table(
            [SweepTableRows.pointsHeader(document)] + SweepTableRows.pointRows(document), leftColumns: parameters,
            textColumns: Set(0..<parameters))
        let crossover = SweepTableRows.crossoverLines(document)
        if !crossover.isEmpty {
            output += "\n" + crossover.map { MarkdownText.escape($0) + "\n\n" }.joined()
        }
        if !document.scaling.isEmpty {
            output += "\n**How cost grows** (cost ≈ a + b·nᵏ)\n\n"
            output += Self.table(
                [SweepTableRows.scalingHeader] + SweepTableRows.scalingRows(document), leftColumns: 4, textColumns: [0, 2, 3])
        }
        let notes = SweepTableRows.notes(document)
        if !notes.isEmpty {
            output += "\n" + notes.map { "- " + MarkdownText.escape($0) + "\n" }.joined()
        }
        return output
    }

    /// A table whose `textColumns` (names and values from the file) are escaped; the other
    /// cells are numbers and words this program wrote.
    private static func table(_ rows: [[String]], leftColumns: Int, textColumns: Set<Int>) -> String {
        guard let header = rows.first else { return "" }
        return MarkdownTable(
            header: header.map(MarkdownText.escape), alignments: header.indices.map { $0 < leftColumns ? .left : .right },
            rows: rows.dropFirst().map { row in
                row.enumerated().map { textColumns.contains($0.offset) ? MarkdownText.escape($0.element) : $0.element }
            }
        ).text()
    }
}
