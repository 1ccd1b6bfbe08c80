import QEFormats
import QEResults
import QEValidation

/// Renders a comparison as a table a person reads at a glance, in the spirit of benchstat:
/// each side's median with its interval, the speedup with its interval, p and n; warnings
/// become numbered footnotes.
struct ComparisonTextRenderer {
    func render(_ document: ComparisonDocument) -> String {
        let unit = document.unit
        let level = PercentText.percent(document.confidence)
        var rows: [[String]] = []
        var notes: [String] = document.warnings
        var noteMarks: [String] = []
        let baselineLabel = Set(document.benchmarks.map(\.baselineVariant)).sorted().joined(separator: "/")
        let candidateLabel = Set(document.benchmarks.map(\.candidateVariant)).sorted().joined(separator: "/")
        rows.append([
            "benchmark", "\(baselineLabel) median [\(level) CI]", "\(candidateLabel) median [\(level) CI]",
            "speedup [\(level) CI]", "method", "p", "n",
        ])
        for benchmark in document.benchmarks {
            var marks: [String] = []
            for warning in benchmark.warnings {
                notes.append("\(benchmark.name): \(warning)")
                marks.append(FootnoteMarks.mark(notes.count))
            }
            noteMarks.append(marks.joined())
            let text = DurationText(reference: benchmark.baseline.median, sourceUnit: unit)
            rows.append([
                benchmark.name + (marks.isEmpty ? "" : " " + marks.joined()),
                Self.median(benchmark.baseline, text),
                Self.median(benchmark.candidate, DurationText(reference: benchmark.candidate.median, sourceUnit: unit)),
                "\(RatioText.ratio(benchmark.speedup.estimate)) \(RatioText.interval(benchmark.speedup.low, benchmark.speedup.high))",
                MethodLegend.abbreviation(benchmark.speedup.method),
                PValueText.value(benchmark.mannWhitney.p),
                "\(benchmark.baseline.n)+\(benchmark.candidate.n)",
            ])
        }
        var output = TextTable(rows, rightAligned: [5, 6]).text()
        output += "\n"
        let methods = Set(document.benchmarks.map(\.speedup.method))
        output += TerminalText.escape("speedup = \(baselineLabel) time ÷ \(candidateLabel) time (above 1: \(candidateLabel) is faster). ")
        let legend = MethodLegend.lines(methods: methods, replicates: document.bootstrapReplicates, seed: document.seed)
        output += legend.joined(separator: "; ") + ".\n"
        output += "p: two-sided Mann–Whitney U test of the pooled iterations"
        if document.benchmarks.count > 1 {
            output += "; intervals are \(level) each, not simultaneous over \(document.benchmarks.count) benchmarks (see pHolm in --format json)"
        }
        output += ".\n"
        if !notes.isEmpty {
            output += "\n"
            for (index, note) in notes.enumerated() {
                let mark = index < document.warnings.count ? "•" : FootnoteMarks.mark(index + 1)
                output += "\(mark) \(TerminalText.escape(note))\n"
            }
        }
        return output
    }

    static func median(_ side: SampleDescription, _ text: DurationText) -> String {
        guard let low = side.medianLow, let high = side.medianHigh else {
            return "\(text.format(side.median)) [too few]"
        }
        return "\(text.format(side.median)) [\(text.number(low)), \(text.number(high))]"
    }
}
