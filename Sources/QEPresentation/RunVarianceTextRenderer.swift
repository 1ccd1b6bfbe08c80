import QEResults
import QEValidation

/// Renders a run-to-run variance analysis for a person: a compact table, one row per
/// benchmark, then the findings in plain words. Runs are counted from 1 in text.
struct RunVarianceTextRenderer {
    /// The text: table, between-files table, legend, findings, notes.
    func render(_ document: RunVarianceDocument) -> String {
        let several = document.inputs.count > 1
        var rows: [[String]] = [RunVarianceTableRows.header(document, withFile: several)]
        rows.append(contentsOf: document.benchmarks.map { RunVarianceTableRows.row($0, withFile: several) })
        var output = TextTable(rows, leftColumns: several ? 2 : 1).text()
        if let robust = RunVarianceTableRows.robust(document, withFile: several) {
            output += "\n"
            output += TextTable(robust, leftColumns: several ? 2 : 1).text()
        }
        if !document.betweenFiles.isEmpty {
            output += "\n"
            output += TextTable(RunVarianceTableRows.betweenFiles(document), leftColumns: 1).text()
        }
        output += "\n"
        for line in RunVarianceTableRows.legend(document) { output += line + "\n" }
        output += "\nFindings:\n"
        for finding in document.findings { output += "- \(TerminalText.escape(finding))\n" }
        let notes = RunVarianceTableRows.notes(document)
        if !notes.isEmpty {
            output += "\n"
            for note in notes { output += "• \(TerminalText.escape(note))\n" }
        }
        return output
    }
}
