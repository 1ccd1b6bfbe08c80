import QEValidation

/// Renders `history list` as Markdown: a heading and a table per series.
struct HistoryListingMarkdownRenderer {
    func render(_ listing: HistoryListing) -> String {
        var output = "## Benchmark history\n\n"
        guard !listing.series.isEmpty else { return output + HistoryListingRows.empty + "\n" }
        for series in listing.series {
            output += "### " + MarkdownText.escape(HistoryListingRows.heading(series)) + "\n\n"
            var table = MarkdownTable(header: HistoryListingRows.header,
                                      alignments: [.left, .left, .right, .right, .right])
            table.rows = HistoryListingRows.cells(series).map { cells in
                // The commit is hexadecimal, the rest numbers and times formatted here: only the
                // heading holds names that need escaping.
                [MarkdownText.code(cells[0])] + cells.dropFirst()
            }
            output += table.text() + "\n"
        }
        if let note = HistoryListingRows.tooFewNote(listing) { output += MarkdownText.escape(note) + "\n" }
        return output
    }
}
