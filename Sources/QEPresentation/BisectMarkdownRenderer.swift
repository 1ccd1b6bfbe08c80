import QEFormats
import QEValidation

/// Renders a bisection as Markdown for an issue or a pull-request comment: a heading with the
/// conclusion, the first bad commit or the range, the premise, one table row per tested commit
/// (in the order they were tested), and a collapsed section on what was measured and the error
/// bound.
struct BisectMarkdownRenderer {
    func render(_ document: BisectDocument) -> String {
        let level = PercentText.percent(document.intervalConfidence)
        var output = "### Bisection: \(Self.heading(document.conclusion))\n\n"
        output += MarkdownText.escape(BisectLegend.conclusion(document)) + ".\n\n"
        output += "- Good: \(MarkdownText.code(BisectLegend.short(document.good.commit))) \(MarkdownText.escape(document.good.subject))\n"
        output += "- Bad: \(MarkdownText.code(BisectLegend.short(document.bad.commit))) \(MarkdownText.escape(document.bad.subject)) "
        output += "(\(ProseText.count(document.candidates, "commit")) after good)\n"
        output += "- Premise: \(BisectLegend.premise(document))\n"
        if !document.steps.isEmpty {
            var table = MarkdownTable(
                header: ["commit", "position", "subject", "ratio to good", "\(level) interval", "midpoint", "runs", "time", "classification"],
                alignments: [.left, .right, .left, .right, .left, .right, .right, .right, .left])
            for step in document.steps {
                table.rows.append([
                    MarkdownText.code(BisectLegend.short(step.commit)),
                    "\(step.position)/\(document.candidates)",
                    MarkdownText.escape(step.subject),
                    step.ratio.map { RatioText.ratio($0.estimate) } ?? "—",
                    step.ratio.map { RatioText.interval($0.low, $0.high) } ?? "",
                    step.midpoint.map(RatioText.ratio) ?? "—",
                    "\(step.runs)",
                    BisectLegend.seconds(step.seconds),
                    Self.classification(step.classification),
                ])
            }
            output += "\n" + table.text()
        }
        let skipped = document.steps.compactMap { step in step.error.map { (step.commit, $0) } }
        if !skipped.isEmpty || !document.warnings.isEmpty {
            output += "\n"
            for (commit, error) in skipped {
                output += "- \(MarkdownText.code(BisectLegend.short(commit))) skipped: \(MarkdownText.escape(error))\n"
            }
            for warning in document.warnings { output += "- \(MarkdownText.escape(warning))\n" }
        }
        output += "\n<details><summary>How this was judged</summary>\n\n"
        if document.premise.confirmed { output += "- \(BisectLegend.columns).\n" }
        output += "- Measured: \(BisectLegend.setup(document.setup, quote: MarkdownText.code)).\n"
        output += "- \(BisectLegend.errorBound(document)).\n"
        output += "- Time: \(BisectLegend.seconds(document.seconds)) in all.\n"
        output += "\n</details>\n"
        return output
    }

    static func heading(_ conclusion: BisectConclusion) -> String {
        switch conclusion {
        case .named: return "✅ first bad commit found"
        case .premiseNotConfirmed: return "⚠️ no slowdown to bisect"
        case .untestableCommits, .budgetSpent, .decisionsSpent: return "⚠️ range only"
        }
    }

    static func classification(_ classification: BisectClassification) -> String {
        switch classification {
        case .good: return "good"
        case .bad: return "**bad**"
        case .undecided: return "undecided"
        case .skip: return "skip"
        }
    }
}
