import QEValidation

/// Renders a sweep as a fragment of an HTML page (a report's section): the crossover in words,
/// the points table, the scaling fits, the log-log plot (``SweepPlot``, inline) and the notes.
/// The same rows and sentences as the text and Markdown forms (``SweepTableRows``); every text
/// escaped (``HTMLText``), nothing that loads.
///
/// Elements a checker can find: the table `table.sweep-points` with one `tr[data-point]` per
/// point (and `data-verdict` when a claim was judged), `table.sweep-scaling`, and
/// `figure.plot[data-plot="sweep"]` around the SVG, its `g.variant[data-variant]` groups holding
/// each fit's `.point`s and `.fit` segments.
public struct SweepHTMLRenderer: Sendable {
    public init() {}

    public func render(_ document: SweepDocument) -> String {
        var html = SweepTableRows.crossoverLines(document).map { "<p class=\"crossover\">\(HTMLText.escape($0))</p>\n" }.joined()
        let parameters = document.parameters.count
        html += "<table class=\"sweep-points\">\n<thead><tr>"
        html += Self.headerCells(SweepTableRows.pointsHeader(document), leftColumns: parameters)
        html += "</tr></thead>\n<tbody>\n"
        for (point, row) in zip(document.points, SweepTableRows.pointRows(document)) {
            html += "<tr data-point=\"\(HTMLText.escape(SweepGrid.describe(point.parameters)))\""
            if let verdict = point.verdict { html += " data-verdict=\"\(verdict.rawValue)\"" }
            html += ">" + Self.cells(row, leftColumns: parameters) + "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        if !document.scaling.isEmpty {
            html += "<h3>How cost grows (cost ≈ a + b·nᵏ)</h3>\n<table class=\"sweep-scaling\">\n<thead><tr>"
            html += Self.headerCells(SweepTableRows.scalingHeader, leftColumns: 4)
            html += "</tr></thead>\n<tbody>\n"
            for row in SweepTableRows.scalingRows(document) {
                html += "<tr>" + Self.cells(row, leftColumns: 4) + "</tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        if let svg = SweepPlot(document: document).inlineSVG() {
            html += "<figure class=\"plot\" data-plot=\"sweep\">\n" + svg
            html += "<figcaption>Time per iteration and working set against \(HTMLText.escape(document.along ?? document.scaling.first?.parameter ?? "the parameter")), both axes logarithmic: every run's value (a dot; one figure per size for the working set) and the fitted a + b·n^k of each variant (a line, labelled with k).</figcaption>\n</figure>\n"
        }
        let notes = SweepTableRows.notes(document)
        if !notes.isEmpty {
            html += "<ul class=\"sweep-notes\">\n" + notes.map { "<li>\(HTMLText.escape($0))</li>\n" }.joined() + "</ul>\n"
        }
        return html
    }

    private static func headerCells(_ header: [String], leftColumns: Int) -> String {
        header.enumerated().map { index, name in
            "<th\(index < leftColumns ? "" : " class=\"num\"")>\(HTMLText.escape(name))</th>"
        }.joined()
    }

    private static func cells(_ row: [String], leftColumns: Int) -> String {
        row.enumerated().map { index, value in
            "<td\(index < leftColumns ? "" : " class=\"num\"")>\(HTMLText.escape(value))</td>"
        }.joined()
    }
}
