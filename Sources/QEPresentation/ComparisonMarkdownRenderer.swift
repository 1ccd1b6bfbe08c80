import QEFormats
import QEResults
import QEValidation

/// Renders a comparison as a Markdown table with the methods and warnings below it.
struct ComparisonMarkdownRenderer {
    func render(_ document: ComparisonDocument) -> String {
        let unit = document.unit
        let level = PercentText.percent(document.confidence)
        var output = "| benchmark | baseline median [\(level) CI] | candidate median [\(level) CI] | speedup [\(level) CI] | method | p (Mann–Whitney) | n | verdict |\n"
        output += "|---|---:|---:|---:|---|---:|---:|---|\n"
        for benchmark in document.benchmarks {
            let baseline = ComparisonTextRenderer.median(benchmark.baseline, DurationText(reference: benchmark.baseline.median, sourceUnit: unit))
            let candidate = ComparisonTextRenderer.median(benchmark.candidate, DurationText(reference: benchmark.candidate.median, sourceUnit: unit))
            output += "| \(MarkdownText.escape("\(benchmark.name) (\(benchmark.baselineVariant) → \(benchmark.candidateVariant))")) | \(baseline) | \(candidate) | "
            output += "\(RatioText.ratio(benchmark.speedup.estimate)) \(RatioText.interval(benchmark.speedup.low, benchmark.speedup.high)) | "
            output += "\(benchmark.speedup.method.rawValue) | \(PValueText.value(benchmark.mannWhitney.p)) | \(benchmark.baseline.n)+\(benchmark.candidate.n) | \(benchmark.verdict.rawValue) |\n"
        }
        let legend = MethodLegend.lines(
            methods: Set(document.benchmarks.map(\.speedup.method)), replicates: document.bootstrapReplicates, seed: document.seed)
        output += "\nSpeedup = baseline time ÷ candidate time. " + legend.joined(separator: "; ") + ".\n"
        let warnings = document.warnings + document.benchmarks.flatMap { benchmark in benchmark.warnings.map { "\(benchmark.name): \($0)" } }
        if !warnings.isEmpty {
            output += "\n**Warnings**\n\n"
            for warning in warnings { output += "- \(MarkdownText.escape(warning))\n" }
        }
        return output
    }
}
