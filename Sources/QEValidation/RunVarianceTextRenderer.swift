import QEResults

/// Renders a run-to-run variance analysis for a person: a compact table, one row per
/// benchmark, then the findings in plain words. Runs are counted from 1 in text.
public struct RunVarianceTextRenderer: Sendable {
    /// A renderer.
    public init() {}

    /// The text: table, between-files table, legend, findings, notes.
    public func render(_ document: RunVarianceDocument) -> String {
        let several = document.inputs.count > 1
        var rows: [[String]] = [RunVarianceTableRows.header(document, withFile: several)]
        rows.append(contentsOf: document.benchmarks.map { RunVarianceTableRows.row($0, withFile: several) })
        var output = Self.table(rows, leftColumns: several ? 2 : 1)
        if !document.betweenFiles.isEmpty {
            output += "\n"
            output += Self.table(RunVarianceTableRows.betweenFiles(document), leftColumns: 1)
        }
        output += "\n"
        for line in RunVarianceTableRows.legend(document) { output += line + "\n" }
        output += "\nFindings:\n"
        for finding in document.findings { output += "- \(finding)\n" }
        let notes = document.benchmarks.flatMap { entry in
            entry.notes.map { (several ? "\(entry.file): " : "") + "\(entry.label): \($0)" }
        }
        if !document.warnings.isEmpty || !notes.isEmpty {
            output += "\n"
            for warning in document.warnings + notes { output += "• \(warning)\n" }
        }
        return output
    }

    /// Columns separated by two spaces; the first `leftColumns` left-aligned, the rest right-aligned.
    static func table(_ rows: [[String]], leftColumns: Int) -> String {
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
                line += index < leftColumns ? cell + padding : padding + cell
                if index < columns - 1 { line += "  " }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            output += line + "\n"
        }
        return output
    }
}
