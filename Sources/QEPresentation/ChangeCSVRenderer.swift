import QEFormats
import QEValidation

/// Renders `history detect` as CSV: one row per change point, and one row with empty change
/// columns for each series without any, so every series judged appears.
struct ChangeCSVRenderer {
    static let header = [
        "suite", "name", "variant", "machine", "branch", "points", "commit", "previous_commit", "index", "time",
        "direction", "change_estimate", "change_low", "change_high", "confidence", "p", "unit",
    ]

    func render(_ document: ChangeDocument) -> String {
        var rows: [[String]] = []
        for series in document.series {
            let start = [series.suite, series.name, series.variant, series.machine, series.branch, "\(series.points.count)"]
            if series.changePoints.isEmpty {
                rows.append(start + Array(repeating: "", count: 10) + [series.unit.rawValue])
            }
            for point in series.changePoints {
                rows.append(start + [
                    point.commit, point.previousCommit, "\(point.index)", ISO8601Text.string(from: point.time),
                    point.direction.rawValue, "\(point.change.estimate)", "\(point.change.low)", "\(point.change.high)",
                    "\(point.change.confidence)", "\(point.p)", series.unit.rawValue,
                ])
            }
        }
        return CSVText.document(header: Self.header, rows: rows)
    }
}
