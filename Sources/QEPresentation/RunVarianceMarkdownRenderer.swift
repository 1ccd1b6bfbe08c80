import QEValidation

/// Renders a run-to-run variance analysis as Markdown: the table, the between-files table,
/// the findings and the rules.
struct RunVarianceMarkdownRenderer {
    /// The Markdown text.
    func render(_ document: RunVarianceDocument) -> String {
        let several = document.inputs.count > 1
        var output = Self.table(
            [RunVarianceTableRows.header(document, withFile: several)]
                + document.benchmarks.map { RunVarianceTableRows.row($0, withFile: several) },
            leftColumns: several ? 2 : 1)
        if let robust = RunVarianceTableRows.robust(document, withFile: several) {
            output += "\n" + Self.table(robust, leftColumns: several ? 2 : 1)
        }
        if !document.betweenFiles.isEmpty {
            output += "\n" + Self.table(RunVarianceTableRows.betweenFiles(document), leftColumns: 1)
        }
        output += "\n"
        for line in RunVarianceTableRows.legend(document) { output += MarkdownText.escape(line) + "\n" }
        output += "\n**Findings**\n\n"
        for finding in document.findings { output += "- \(MarkdownText.escape(finding))\n" }
        let notes = RunVarianceTableRows.notes(document)
        if !notes.isEmpty {
            output += "\n**Notes**\n\n"
            for note in notes { output += "- \(MarkdownText.escape(note))\n" }
        }
        return output
    }

    static func table(_ rows: [[String]], leftColumns: Int) -> String {
        guard let header = rows.first else { return "" }
        return MarkdownTable(
            header: header.map(MarkdownText.escape), alignments: header.indices.map { $0 < leftColumns ? .left : .right },
            rows: rows.dropFirst().map { $0.map(MarkdownText.escape) }
        ).text()
    }
}
