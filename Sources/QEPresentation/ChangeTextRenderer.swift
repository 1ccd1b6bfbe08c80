import QEValidation

/// Renders `history detect` for a terminal or a CI log: one row per change point, then the
/// series without any, the legend, the store and a one-line summary.
struct ChangeTextRenderer {
    func render(_ document: ChangeDocument) -> String {
        var output = ""
        let rows = ChangeRows.rows(document)
        if rows.isEmpty {
            output += "No change points.\n"
        } else {
            output += TextTable([ChangeRows.header(document)] + rows, rightAligned: [7, 8]).text()
        }
        let quiet = document.series.filter { $0.changePoints.isEmpty }
        if !quiet.isEmpty && !rows.isEmpty {
            output += "\nNo change in: " + quiet.map { TerminalText.escape("\($0.label) on \(ChangeRows.shortMachine($0.machine)), \($0.branch)") }.joined(separator: "; ") + "\n"
        }
        output += "\n" + ChangeRows.legend(document) + ".\n"
        if let store = document.store { output += "Store: \(TerminalText.escape(store))\n" }
        output += "\nCHANGES: " + ChangeRows.summary(document) + "\n"
        return output
    }
}
