import QEFormats
import QEValidation

/// The cells every table of change points shows (text and Markdown), written once: the series,
/// the commit range of the change, its date, direction, change in percent with its interval,
/// and the p-value. Cells are plain text; each renderer escapes them for its format.
struct ChangeRows {
    /// The header of the change-point table.
    static func header(_ document: ChangeDocument) -> [String] {
        let level = PercentText.percent(document.series.first?.changePoints.first?.change.confidence ?? 0.95)
        return ["benchmark", "variant", "machine", "branch", "commits", "date", "direction", "change [\(level) CI]", "p"]
    }

    /// One row per change point, series by series.
    static func rows(_ document: ChangeDocument) -> [[String]] {
        document.series.flatMap { series in
            series.changePoints.map { point in
                [
                    "\(series.suite)/\(series.name)", series.variant, shortMachine(series.machine), series.branch,
                    "\(shortCommit(point.previousCommit))..\(shortCommit(point.commit))",
                    ISO8601Text.string(from: point.time), point.direction.rawValue,
                    "\(PercentText.change(ratio: point.change.estimate)) \(PercentText.changeInterval(point.change.low, point.change.high))",
                    PValueText.value(point.p),
                ]
            }
        }
    }

    /// A commit as people quote it: its first 12 digits.
    static func shortCommit(_ commit: String) -> String { String(commit.prefix(12)) }

    /// A machine identifier's first 12 characters.
    static func shortMachine(_ machine: String) -> String { String(machine.prefix(12)) }

    /// "N series, M change points (R regressions, I improvements)".
    static func summary(_ document: ChangeDocument) -> String {
        let points = document.series.flatMap(\.changePoints)
        let regressions = points.filter { $0.direction == .regression }.count
        return "\(document.series.count) series, \(ProseText.count(points.count, "change point"))"
            + " (\(ProseText.count(regressions, "regression")), \(ProseText.count(points.count - regressions, "improvement")))"
    }

    /// How the change points were judged, one sentence.
    static func legend(_ document: ChangeDocument) -> String {
        var text = "change = level after ÷ level before − 1 (above 0: slower); a change point is the first commit of a new level, "
        text += "kept when its search-adjusted p ≤ \(NumberText.plain(document.maxP))"
        if document.minChange > 0 { text += " and its size ≥ \(PercentText.setting(document.minChange))" }
        return text
    }
}
