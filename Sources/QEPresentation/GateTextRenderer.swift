import QEFormats
import QEResults
import QEValidation

/// Renders the gate's verdict for a terminal or a CI log: one row per benchmark with the two
/// times compared, the change with its interval (one-sided Bonferroni over the benchmarks), the threshold and the verdict; then the
/// notes, where the baseline came from, and one line with the verdict and its reason.
struct GateTextRenderer {
    func render(_ document: GateDocument) -> String {
        let unit = document.unit
        let level = PercentText.percent(document.intervalConfidence)
        var rows: [[String]] = [["benchmark", "variant", "baseline", "results", "change [\(level) CI]", "limit", "method", "runs", "verdict"]]
        var notes: [String] = []
        for benchmark in document.benchmarks {
            var marks = ""
            for warning in benchmark.warnings {
                notes.append("\(benchmark.label): \(warning)")
                marks += FootnoteMarks.mark(notes.count)
            }
            let text = DurationText(reference: benchmark.baselineTime, sourceUnit: unit)
            rows.append([
                benchmark.name + (marks.isEmpty ? "" : " " + marks),
                benchmark.variant,
                text.format(benchmark.baselineTime),
                text.format(benchmark.candidateTime),
                "\(PercentText.change(ratio: benchmark.timeRatio.estimate)) \(PercentText.changeInterval(benchmark.timeRatio.low, benchmark.timeRatio.high))",
                "+" + PercentText.percent(benchmark.threshold),
                MethodLegend.abbreviation(benchmark.speedup.method),
                "\(benchmark.baseline.runs)+\(benchmark.candidate.runs)",
                benchmark.verdict.rawValue.uppercased(),
            ])
        }
        var output = TextTable(rows, rightAligned: [2, 3, 5, 7]).text()
        output += "\n"
        output += "change = results time ÷ baseline time − 1 (above 0: slower); " + GateLegend.times(document) + ". "
        output += GateLegend.family(document) + ". "
        output += GateLegend.methods(document).joined(separator: "; ") + ".\n"
        output += "Baseline: \(TerminalText.escape(GateLegend.baseline(document)))\n"
        output += "Results: \(TerminalText.escape(GateLegend.results(document)))\n"
        if !document.warnings.isEmpty || !notes.isEmpty {
            output += "\n"
            for warning in document.warnings { output += "• \(TerminalText.escape(warning))\n" }
            for (index, note) in notes.enumerated() { output += "\(FootnoteMarks.mark(index + 1)) \(TerminalText.escape(note))\n" }
        }
        output += "\nGATE: \(document.verdict.rawValue.uppercased()) — \(TerminalText.escape(document.reason))\n"
        return output
    }
}
