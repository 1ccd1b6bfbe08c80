import QEFormats
import QEResults
import QEValidation

/// Renders the gate's verdict as Markdown for a pull-request comment or a CI job summary
/// (`>> $GITHUB_STEP_SUMMARY`): a heading with the verdict, the reason, one table row per
/// benchmark, the benchmarks only one side has, notes, and a collapsed section on method and
/// provenance.
struct GateMarkdownRenderer {
    func render(_ document: GateDocument) -> String {
        let unit = document.unit
        let level = PercentText.percent(document.intervalConfidence)
        var output = "### Performance gate: \(Self.heading(document.verdict))\n\n"
        output += MarkdownText.escape(document.reason) + "\n\n"
        output += "| benchmark | variant | baseline | results | change | \(level) interval | limit | verdict |\n"
        output += "|---|---|---:|---:|---:|---|---:|---|\n"
        for b in document.benchmarks {
            let text = DurationText(reference: b.baselineTime, sourceUnit: unit)
            output += "| \(MarkdownText.escape(b.name)) | \(MarkdownText.escape(b.variant)) | \(text.format(b.baselineTime)) | \(text.format(b.candidateTime)) | "
            output += "\(PercentText.change(ratio: b.timeRatio.estimate)) | \(PercentText.changeInterval(b.timeRatio.low, b.timeRatio.high)) | +\(PercentText.percent(b.threshold)) | \(Self.verdict(b.verdict)) |\n"
        }
        if !document.onlyInBaseline.isEmpty || !document.onlyInResults.isEmpty {
            output += "\n**Not gated** (on one side only):\n"
            for label in document.onlyInBaseline { output += "- \(MarkdownText.escape(label)): in the baseline, not in the results\n" }
            for label in document.onlyInResults { output += "- \(MarkdownText.escape(label)): in the results, not in the baseline\n" }
        }
        let notes = document.warnings.filter { !$0.hasPrefix("in the baseline but not") && !$0.hasPrefix("in the results but not") }
            + document.benchmarks.flatMap { b in b.warnings.map { "\(b.label): \($0)" } }
        if !notes.isEmpty {
            output += "\n"
            for note in notes { output += "- \(MarkdownText.escape(note))\n" }
        }
        output += "\n<details><summary>How this was judged</summary>\n\n"
        output += "- change = results time ÷ baseline time − 1 (above 0: slower); " + GateLegend.times(document) + ".\n"
        output += "- Verdicts: **regression** when the interval's lower end is above the limit, **pass** when its upper end is at or below it, "
        output += "**improvement** when its upper end is below −limit, otherwise **inconclusive** (`--on-inconclusive \(document.onInconclusive.rawValue)`).\n"
        output += "- " + GateLegend.family(document) + ".\n"
        for line in GateLegend.methods(document) { output += "- \(line).\n" }
        output += "- Baseline: \(MarkdownText.escape(GateLegend.baseline(document)))\n"
        output += "- Results: \(MarkdownText.escape(GateLegend.results(document)))\n"
        output += "\n</details>\n"
        return output
    }

    static func heading(_ verdict: GateOverallVerdict) -> String {
        switch verdict {
        case .passed: return "✅ passed"
        case .regression: return "❌ regression"
        case .inconclusive: return "⚠️ inconclusive"
        }
    }

    static func verdict(_ verdict: GateVerdict) -> String {
        switch verdict {
        case .regression: return "❌ **regression**"
        case .pass: return "✅ pass"
        case .improvement: return "🚀 improvement"
        case .inconclusive: return "⚠️ inconclusive"
        }
    }
}
