import QEFormats
import QEResults
import QEValidation

/// Renders `baseline show` as Markdown: the same table and provenance as the text.
struct BaselineSummaryMarkdownRenderer {
    func render(_ summary: BaselineSummary) -> String {
        let timeUnit = summary.unit
        var output = "### Baseline \(MarkdownText.code(summary.path))\n\n"
        output += "| benchmark | variant | runs | n | median | \(PercentText.percent(summary.confidence)) interval | within-run sd | run-to-run sd |\n"
        output += "|---|---|---:|---:|---:|---|---:|---:|\n"
        for entry in summary.benchmarks {
            let text = DurationText(reference: entry.description.median, sourceUnit: timeUnit)
            let interval = entry.description.medianLow.flatMap { low in entry.description.medianHigh.map { "[\(text.number(low)), \(text.number($0))]" } } ?? "too few"
            output += "| \(MarkdownText.escape(entry.name)) | \(MarkdownText.escape(entry.variant)) | \(entry.description.runs) | \(entry.description.n) | "
            output += "\(text.format(entry.description.median)) | \(interval) | \(BaselineSummaryTextRenderer.noise(entry.noise?.withinRunSigma)) | "
            output += "\(BaselineSummaryTextRenderer.noise(entry.noise?.betweenRunSigma)) |\n"
        }
        output += "\n" + BaselineSummaryTextRenderer.provenanceLines(summary).map { "- \(MarkdownText.escape($0))\n" }.joined()
        return output
    }
}
