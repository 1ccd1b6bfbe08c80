import QEFormats
import QEResults
import QEValidation

/// Renders `baseline show` for a terminal: a table of the benchmarks (median with its interval,
/// and the two noise levels the gate's precision depends on), then the provenance.
struct BaselineSummaryTextRenderer {
    func render(_ summary: BaselineSummary) -> String {
        var rows: [[String]] = [["benchmark", "variant", "runs", "n", "median [\(PercentText.percent(summary.confidence)) CI]", "within-run sd", "run-to-run sd"]]
        let timeUnit = summary.unit
        for entry in summary.benchmarks {
            let text = DurationText(reference: entry.description.median, sourceUnit: timeUnit)
            rows.append([
                entry.name, entry.variant, "\(entry.description.runs)", "\(entry.description.n)",
                ComparisonTextRenderer.median(entry.description, text),
                Self.noise(entry.noise?.withinRunSigma), Self.noise(entry.noise?.betweenRunSigma),
            ])
        }
        var output = TextTable(rows, rightAligned: [2, 3, 5, 6]).text()
        output += "\nsd: robust (MAD) standard deviations of log times (≈ relative spread): within runs (median over runs), and between the runs' medians.\n"
        output += Self.provenanceLines(summary).map { "\(TerminalText.escape($0))\n" }.joined()
        return output
    }

    /// A noise level (a standard deviation of log times) as a percentage to a tenth; "–" for none.
    static func noise(_ sigma: Double?) -> String {
        sigma.map { PercentText.percent(($0 * 1000).rounded() / 1000) } ?? "–"
    }

    /// Where the baseline came from, one line each.
    static func provenanceLines(_ summary: BaselineSummary) -> [String] {
        var lines: [String] = []
        if let provenance = summary.provenance {
            lines.append("Recorded: \(provenance.recordedAt)" + (provenance.source.map { " from \($0)" } ?? ""))
            lines.append("Signed off by: \(provenance.signedOffBy ?? "nobody")")
            if let commit = provenance.gitCommit { lines.append("Git commit: \(commit)") }
        } else {
            lines.append("Provenance: none (a plain results file; 'qe-validate baseline update' records one)")
        }
        if let createdAt = summary.createdAt { lines.append("Measured: \(createdAt)") }
        lines.append("Machine: \(GateLegend.machine(summary.environment))" + (summary.environment.host.map { ", host \($0)" } ?? ""))
        return lines
    }
}
