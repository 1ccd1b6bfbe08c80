import QEValidation

/// Renders a sweep for a terminal: the points table, the crossover in words, the scaling fits,
/// then the notes.
struct SweepTextRenderer {
    func render(_ document: SweepDocument) -> String {
        let parameters = document.parameters.count
        var output = TextTable([SweepTableRows.pointsHeader(document)] + SweepTableRows.pointRows(document), leftColumns: parameters).text()
        let crossover = SweepTableRows.crossoverLines(document)
        if !crossover.isEmpty {
            output += "\n" + crossover.map { TerminalText.escape($0) + "\n" }.joined()
        }
        if !document.scaling.isEmpty {
            output += "\nHow cost grows (cost ≈ a + b·nᵏ):\n"
            output += TextTable([SweepTableRows.scalingHeader] + SweepTableRows.scalingRows(document), leftColumns: 4).text()
        }
        let notes = SweepTableRows.notes(document)
        if !notes.isEmpty {
            output += "\n" + notes.map { "• " + TerminalText.escape($0) + "\n" }.joined()
        }
        return output
    }
}
