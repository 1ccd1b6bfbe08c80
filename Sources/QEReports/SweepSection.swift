import QEFormats
import QEPresentation
import QEValidation

/// The sweep behind a report whose results file is a sweep (its benchmarks carry `parameters`
/// forming a complete grid, ``SweepGrid/isSweep(_:)``): the judgement of `qe-validate sweep`
/// (``SweepJudge``) on the embedded results with the report's claim, confidence, method, seed,
/// replicates and variants (as `sweep --results` judges them) — the points with their intervals and verdicts, the crossover, and how each
/// variant's cost grows, with the log-log plot (``SweepPlot``) on the page.
///
/// Absent for any other results (and then absent from the JSON, so reports of other files are
/// unchanged), and when the report pools several results files.
public struct SweepSection: Sendable, Codable, Equatable {
    /// The results file judged, as given.
    public var file: String
    /// The `qe-validate/sweep@1` document.
    public var sweep: SweepDocument

    /// The sweep of the one results file of `pool`; nil when there are several files or the
    /// file is not a sweep.
    /// - Throws: `SweepError` when the sweep cannot be judged (a variant the file lacks).
    init?(request: ReportRequest, pool: ResultsPool) throws(SweepError) {
        guard pool.sources.count == 1, let source = pool.sources.first, SweepGrid.isSweep(source.file) else { return nil }
        // One claim for every point: the default claim (points are named by their parameters,
        // so a claim per workload does not carry over to the sweep's crossover).
        let options = SweepOptions(
            claim: request.claims.default, confidence: request.confidence, method: request.method, seed: request.seed,
            bootstrapReplicates: request.bootstrapReplicates, baselineVariant: request.baselineVariant,
            candidateVariant: request.candidateVariant, scalingReplicates: request.bootstrapReplicates)
        file = source.path
        sweep = try SweepJudge(options: options).judge(file: source.file, path: source.path)
    }
}

extension SweepSection: ReportSection {
    public var anchor: String { "sweep" }
    public var heading: String { "Sweep: where the speedup holds and how cost grows" }

    var summary: String {
        let axes = sweep.parameters.map { "\($0.name) (\($0.values.count) value\($0.values.count == 1 ? "" : "s"))" }
        return "\(file) is a sweep over \(ProseText.list(axes)): qe-validate sweep's judgement of it, with this report's claim and confidence. Per point the speedup interval (\(PercentText.percent(sweep.intervalConfidence)) each) and verdict; the crossover, the smallest value from which the claim holds at every larger measured value; and per variant the fit cost ≈ a + b·nᵏ with k's \(PercentText.percent(sweep.confidence)) interval and the growth classes it is compatible with."
    }

    public func markdown() -> String {
        var text = MarkdownText.escape(summary) + "\n\n" + sweep.rendered(as: .markdown)
        if let parameter = SweepPlot(document: sweep).parameter {
            text += "\nThe log-log plot of time and working set against \(MarkdownText.escape(parameter)), with every run and the fitted curves, is in the HTML page.\n"
        }
        return text
    }

    public func html() -> String {
        "<p>\(HTMLText.escape(summary))</p>\n" + SweepHTMLRenderer().render(sweep)
    }
}
