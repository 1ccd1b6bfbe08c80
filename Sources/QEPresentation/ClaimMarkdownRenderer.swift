import QEFormats
import QEValidation

/// Renders a claim's verdict as Markdown: the table, the notes and the verdict line.
struct ClaimMarkdownRenderer {
    func render(_ document: ClaimDocument) -> String {
        let level = PercentText.percent(document.intervalConfidence)
        var output = "**Verdict: \(document.verdict.rawValue)** — \(MarkdownText.escape(document.reason))\n\n"
        output += "| workload | claimed | speedup | \(level) interval | p (≤ claimed min) | method | runs | verdict |\n"
        output += "|---|---|---:|---|---:|---|---:|---|\n"
        for b in document.benchmarks {
            output += "| \(MarkdownText.escape(b.name)) | \(b.claim) | \(RatioText.ratio(b.speedup.estimate)) | \(RatioText.interval(b.speedup.low, b.speedup.high)) | "
            output += "\(b.pClaimMinimum.map(PValueText.value) ?? "–") | \(b.speedup.method.rawValue) | \(b.baseline.runs)+\(b.candidate.runs) | \(b.verdict.rawValue) |\n"
        }
        output += "\nIntervals are simultaneous over \(document.benchmarks.count) workloads (Bonferroni: \(level) each for \(PercentText.percent(document.confidence)) together).\n"
        let notes = document.warnings + document.notJudged.map { "not judged: \($0)" }
            + (DifferingRunsSummary.sentence(document).map { [$0] } ?? [])
            + document.benchmarks.flatMap { b in
                DifferingRunsSummary.otherWarnings(b).map { "\(b.name): \($0)" } + (b.moreData.map { ["\(b.name): \($0.summary)"] } ?? [])
            }
        if !notes.isEmpty {
            output += "\n"
            for note in notes { output += "- \(MarkdownText.escape(note))\n" }
        }
        return output
    }
}
