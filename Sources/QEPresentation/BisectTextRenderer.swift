import QEFormats
import QEValidation

/// Renders a bisection for a terminal: the conclusion first, then the premise, one row per
/// tested commit in the order they were tested (its position, ratio against good with its
/// interval, the midpoint it was judged against, the rounds and the time it took, and how it
/// was classified), the errors of skipped commits, what was measured, the error bound, and one
/// closing line with the conclusion.
struct BisectTextRenderer {
    func render(_ document: BisectDocument) -> String {
        let level = PercentText.percent(document.intervalConfidence)
        var output = ""
        if let firstBad = document.firstBad {
            output += "First bad commit: \(firstBad.commit)\n  \(TerminalText.escape(firstBad.subject))\n\n"
        }
        output += "Good: \(TerminalText.escape(BisectLegend.named(document.good)))\n"
        output += "Bad:  \(TerminalText.escape(BisectLegend.named(document.bad))) (\(ProseText.count(document.candidates, "commit")) after good)\n"
        output += "Premise: \(BisectLegend.premise(document))\n"
        var notes: [String] = []
        if !document.steps.isEmpty {
            var rows = [["commit", "position", "subject", "ratio to good", "[\(level) CI]", "midpoint", "runs", "time", "classification"]]
            for step in document.steps {
                var marks = ""
                if let error = step.error {
                    notes.append("\(BisectLegend.short(step.commit)): \(error)")
                    marks = " " + FootnoteMarks.mark(notes.count)
                }
                rows.append([
                    BisectLegend.short(step.commit),
                    "\(step.position)/\(document.candidates)",
                    step.subject,
                    step.ratio.map { RatioText.ratio($0.estimate) } ?? "—",
                    step.ratio.map { RatioText.interval($0.low, $0.high) } ?? "",
                    step.midpoint.map(RatioText.ratio) ?? "—",
                    "\(step.runs)",
                    BisectLegend.seconds(step.seconds),
                    step.classification.rawValue + marks,
                ])
            }
            output += "\n" + TextTable(rows, rightAligned: [1, 3, 5, 6, 7]).text()
        }
        output += "\n"
        if document.premise.confirmed { output += BisectLegend.columns + ".\n" }
        output += "Measured: \(BisectLegend.setup(document.setup) { "'\(TerminalText.escape($0))'" }).\n"
        output += BisectLegend.errorBound(document) + ".\n"
        output += "Time: \(BisectLegend.seconds(document.seconds)) in all.\n"
        if !document.warnings.isEmpty || !notes.isEmpty {
            output += "\n"
            for warning in document.warnings { output += "• \(TerminalText.escape(warning))\n" }
            for (index, note) in notes.enumerated() { output += "\(FootnoteMarks.mark(index + 1)) \(TerminalText.escape(note))\n" }
        }
        output += "\nBISECT: \(Self.heading(document.conclusion)) — \(TerminalText.escape(BisectLegend.conclusion(document)))\n"
        return output
    }

    static func heading(_ conclusion: BisectConclusion) -> String {
        switch conclusion {
        case .named: return "FOUND"
        case .premiseNotConfirmed: return "NOT BISECTED"
        case .untestableCommits, .budgetSpent, .decisionsSpent: return "RANGE ONLY"
        }
    }
}
