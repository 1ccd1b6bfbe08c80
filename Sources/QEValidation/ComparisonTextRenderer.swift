import QEResults

/// Renders a comparison as a table a person reads at a glance, in the spirit of benchstat:
/// each side's median with its interval, the speedup with its interval, p and n; warnings
/// become numbered footnotes.
public struct ComparisonTextRenderer: Sendable {
    public init() {}

    public func render(_ document: ComparisonDocument) -> String {
        let unit = TimeUnit(rawValue: document.unit) ?? .nanoseconds
        let level = Percent.format(document.confidence)
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
                marks.append(Self.superscript(notes.count))
            }
            noteMarks.append(marks.joined())
            let text = DurationText(reference: benchmark.baseline.median, sourceUnit: unit)
            rows.append([
                benchmark.name + (marks.isEmpty ? "" : " " + marks.joined()),
                Self.median(benchmark.baseline, text),
                Self.median(benchmark.candidate, DurationText(reference: benchmark.candidate.median, sourceUnit: unit)),
                "\(RatioText.ratio(benchmark.speedup.estimate)) \(RatioText.interval(benchmark.speedup.low, benchmark.speedup.high))",
                MethodLegend.abbreviation(benchmark.speedup.method),
                RatioText.pValue(benchmark.mannWhitney.p),
                "\(benchmark.baseline.n)+\(benchmark.candidate.n)",
            ])
        }
        var output = Self.table(rows, rightAligned: [5, 6])
        output += "\n"
        let methods = Set(document.benchmarks.map(\.speedup.method))
        output += "speedup = \(baselineLabel) time ÷ \(candidateLabel) time (above 1: \(candidateLabel) is faster). "
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
                let mark = index < document.warnings.count ? "•" : Self.superscript(index + 1)
                output += "\(mark) \(note)\n"
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

    static func superscript(_ number: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return String(String(number).compactMap { $0.wholeNumberValue.map { digits[$0] } })
    }

    /// Columns separated by two spaces, left-aligned except those in `rightAligned`.
    static func table(_ rows: [[String]], rightAligned: Set<Int>) -> String {
        guard let columns = rows.first?.count else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        var output = ""
        for row in rows {
            var line = ""
            for (index, cell) in row.enumerated() {
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                line += rightAligned.contains(index) ? padding + cell : cell + padding
                if index < columns - 1 { line += "  " }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            output += line + "\n"
        }
        return output
    }
}
