import QEValidation

/// Renders `history detect` as Markdown (a job summary, an issue comment): a heading with the
/// count, one table row per change point, the series without any, and the legend.
struct ChangeMarkdownRenderer {
    func render(_ document: ChangeDocument) -> String {
        var output = "### Change points: \(ChangeRows.summary(document))\n\n"
        let rows = ChangeRows.rows(document)
        if rows.isEmpty {
            output += "No change points.\n"
        } else {
            var table = MarkdownTable(
                header: ChangeRows.header(document).map(MarkdownText.escape),
                alignments: [.left, .left, .left, .left, .left, .left, .left, .right, .right])
            table.rows = rows.map { row in
                row.enumerated().map { index, cell in
                    switch index {
                    case 4: return MarkdownText.code(cell)
                    case 6: return cell == ChangeDirection.regression.rawValue ? "❌ **regression**" : "🚀 improvement"
                    default: return MarkdownText.escape(cell)
                    }
                }
            }
            output += table.text()
        }
        let quiet = document.series.filter { $0.changePoints.isEmpty }
        if !quiet.isEmpty && !rows.isEmpty {
            output += "\nNo change in: " + quiet.map { MarkdownText.escape("\($0.label) on \(ChangeRows.shortMachine($0.machine)), \($0.branch)") }.joined(separator: "; ") + "\n"
        }
        output += "\n" + MarkdownText.escape(ChangeRows.legend(document)) + ".\n"
        if let store = document.store { output += "Store: " + MarkdownText.code(store) + "\n" }
        return output
    }
}
