import QEValidation

/// Renders `history list` for a terminal: each series' heading, then a table of its points.
struct HistoryListingTextRenderer {
    func render(_ listing: HistoryListing) -> String {
        guard !listing.series.isEmpty else { return HistoryListingRows.empty + "\n" }
        var blocks: [String] = []
        for series in listing.series {
            let rows = [HistoryListingRows.header] + HistoryListingRows.cells(series)
            blocks.append(TerminalText.escape(HistoryListingRows.heading(series)) + "\n"
                + TextTable(rows, rightAligned: HistoryListingRows.numericColumns).text())
        }
        var output = blocks.joined(separator: "\n")
        if let note = HistoryListingRows.tooFewNote(listing) { output += "\n" + note + "\n" }
        return output
    }
}
