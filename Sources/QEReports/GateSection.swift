import Foundation
import QEFormats
import QEPresentation
import QEResults
import QEStatistics
import QEValidation

/// Gate results (`report --baseline`): each embedded results file judged against the embedded
/// baseline exactly as `qe-validate gate` judges it (``GateJudge``, with the report's
/// confidence, seed and bootstrap replicates and the gate options the request records): per
/// benchmark (name, variant) the time ratio (results ÷ baseline), its interval, the limit and
/// the verdict. Absent without a baseline.
///
/// A judgement the gate refuses — a baseline from another machine or build without
/// `--allow-foreign-machine`, or no benchmark in both files — is stated in the section (its
/// ``Judgement/refusal``) rather than failing the report.
public struct GateSection: Sendable, Codable, Equatable {
    /// One gated benchmark.
    public struct Row: Sendable, Codable, Equatable {
        public var name: String
        public var variant: String
        /// The largest slowdown allowed, as a fraction (0.05: 5%).
        public var threshold: Double
        /// Results time ÷ baseline time (above 1: slower), and its interval.
        public var timeRatio: Double
        public var low: Double
        public var high: Double
        public var verdict: GateVerdict
        public var warnings: [String]
    }

    /// One results file judged against the baseline.
    public struct Judgement: Sendable, Codable, Equatable {
        /// The results file, as given.
        public var results: String
        /// The overall verdict and its reason; nil when the gate refused to judge.
        public var verdict: GateOverallVerdict?
        public var reason: String?
        /// Why the gate refused to judge, in its own words.
        public var refusal: String?
        /// The two-sided confidence of each interval (one-sided Bonferroni over the benchmarks).
        public var intervalConfidence: Double?
        /// The interval method asked of the gate (each row's own is in the gate's document).
        public var method: GateMethod?
        public var rows: [Row]
        /// Benchmarks on one side only, not gated.
        public var onlyInBaseline: [String]
        public var onlyInResults: [String]
        public var warnings: [String]
    }

    /// The baseline: a path, or `git:REV:PATH`, as given (the embedded file's path).
    public var baseline: String
    /// `--on-inconclusive`.
    public var onInconclusive: GateInconclusivePolicy
    public var allowForeignMachine: Bool
    public var judgements: [Judgement]

    /// The gate's judgement of every results file in `pool` against the baseline `rawData`
    /// embeds (role `baseline`); nil when the request asks for no gate.
    /// - Throws: ``ReportError`` when the baseline is not embedded or an option is unknown,
    ///   `ResultsError` when it does not read, ``GateError`` for a failure the gate cannot state
    ///   as a refusal (a threshold naming no benchmark, timings that cannot be compared).
    static func make(request: ReportRequest, rawData: [EmbeddedResults], pool: ResultsPool) throws -> GateSection? {
        guard let gate = request.gate else { return nil }
        guard let entry = rawData.first(where: { $0.role == .baseline }) else {
            throw ReportError.malformedReport(path: request.name, reason: "the request has a gate but no embedded baseline (rawData entry with role \"baseline\")")
        }
        let baselineFile = try BaselineFile(jsonBytes: Array(entry.content.utf8), source: entry.path)
        let judge = GateJudge(options: GateOptions(
            thresholds: gate.thresholds, onInconclusive: gate.onInconclusive, confidence: request.confidence, method: gate.method,
            seed: request.seed, bootstrapReplicates: request.bootstrapReplicates,
            allowForeignMachine: gate.allowForeignMachine, runStatistic: gate.runStatistic))
        let baselineWarnings = ResultsInput.warnings(for: baselineFile.results, path: entry.path)
        var judgements: [Judgement] = []
        for source in pool.sources {
            do {
                let document = try judge.judge(
                    baseline: .init(path: entry.path, results: baselineFile.results, provenance: baselineFile.provenance),
                    results: .init(path: source.path, results: source.file))
                judgements.append(Judgement(
                    results: source.path, verdict: document.verdict, reason: document.reason, refusal: nil,
                    intervalConfidence: document.intervalConfidence, method: document.method,
                    rows: document.benchmarks.map {
                        Row(name: $0.name, variant: $0.variant, threshold: $0.threshold, timeRatio: $0.timeRatio.estimate,
                            low: $0.timeRatio.low, high: $0.timeRatio.high, verdict: $0.verdict, warnings: $0.warnings)
                    },
                    onlyInBaseline: document.onlyInBaseline, onlyInResults: document.onlyInResults,
                    warnings: document.warnings + baselineWarnings))
            } catch {
                switch error {
                case .foreignMachine, .nothingToGate:
                    judgements.append(Judgement(
                        results: source.path, verdict: nil, reason: nil, refusal: error.description, intervalConfidence: nil,
                        method: nil, rows: [], onlyInBaseline: [], onlyInResults: [], warnings: baselineWarnings))
                case .unknownThresholdName, .statistics:
                    throw error
                }
            }
        }
        return GateSection(
            baseline: entry.path, onInconclusive: gate.onInconclusive, allowForeignMachine: gate.allowForeignMachine,
            judgements: judgements)
    }
}

extension GateSection: ReportSection {
    public var anchor: String { "gate" }
    public var heading: String { "Gate results" }

    var summary: String {
        "The results judged against the baseline \(baseline) as qe-validate gate judges them: time ratio = results time ÷ baseline time (above 1: slower); regression when the interval's lower end is above 1 + limit, pass when its upper end is at or below it, improvement when its upper end is below 1 − limit, otherwise inconclusive (--on-inconclusive \(onInconclusive.rawValue)). Each end of each interval is a one-sided bound with a Bonferroni correction over the gated benchmarks. "
            + (allowForeignMachine
                ? "A baseline from another machine or build is compared (--allow-foreign-machine)."
                : "A baseline from another machine or build is refused, and the refusal stated here.")
    }

    static func heading(_ judgement: Judgement) -> String {
        if let verdict = judgement.verdict { return "\(judgement.results): \(verdict.rawValue)" }
        return "\(judgement.results): not judged"
    }

    public func markdown() -> String {
        var text = MarkdownText.escape(summary) + "\n"
        for judgement in judgements {
            text += "\n**\(MarkdownText.escape(Self.heading(judgement)))**"
            if let reason = judgement.reason { text += " — \(MarkdownText.escape(reason))" }
            text += "\n\n"
            if let refusal = judgement.refusal {
                text += "The gate refused to judge: \(MarkdownText.escape(refusal))\n"
            }
            if !judgement.rows.isEmpty {
                let level = judgement.intervalConfidence.map(PercentText.percent) ?? ""
                text += "| benchmark | variant | time ratio | \(level) interval | limit | verdict |\n|---|---|---:|---|---:|---|\n"
                for row in judgement.rows {
                    text += "| \(MarkdownText.escape(row.name)) | \(MarkdownText.escape(row.variant)) | \(RatioText.threeDecimals(row.timeRatio)) | "
                    text += "[\(RatioText.threeDecimals(row.low)), \(RatioText.threeDecimals(row.high))] | ≤ \(RatioText.threeDecimals(1 + row.threshold)) | \(row.verdict.rawValue) |\n"
                }
            }
            let notes = judgement.warnings + judgement.rows.flatMap { row in row.warnings.map { "\(row.name) (\(row.variant)): \($0)" } }
            if !notes.isEmpty {
                text += "\n"
                for note in notes { text += "- \(MarkdownText.escape(note))\n" }
            }
        }
        return text
    }

    public func html() -> String {
        var html = "<p>\(HTMLText.escape(summary))</p>\n"
        for judgement in judgements {
            let verdict = judgement.verdict?.rawValue ?? "refused"
            html += "<p data-gate-verdict=\"\(verdict)\"><strong>\(HTMLText.escape(Self.heading(judgement)))</strong>"
            if let reason = judgement.reason { html += " — \(HTMLText.escape(reason))" }
            html += "</p>\n"
            if let refusal = judgement.refusal {
                html += "<p class=\"refusal\">The gate refused to judge: \(HTMLText.escape(refusal))</p>\n"
            }
            if !judgement.rows.isEmpty {
                let level = judgement.intervalConfidence.map(PercentText.percent) ?? ""
                html += "<table class=\"gate\">\n<thead><tr><th>benchmark</th><th>variant</th><th class=\"num\">time ratio</th>"
                html += "<th class=\"num\">\(level) interval</th><th class=\"num\">limit</th><th>verdict</th></tr></thead>\n<tbody>\n"
                for row in judgement.rows {
                    html += "<tr><td>\(HTMLText.escape(row.name))</td><td>\(HTMLText.escape(row.variant))</td>"
                    html += "<td class=\"num\">\(RatioText.threeDecimals(row.timeRatio))</td><td class=\"num\">[\(RatioText.threeDecimals(row.low)), \(RatioText.threeDecimals(row.high))]</td>"
                    html += "<td class=\"num\">≤ \(RatioText.threeDecimals(1 + row.threshold))</td><td class=\"verdict gate-\(row.verdict.rawValue)\">\(row.verdict.rawValue)</td></tr>\n"
                }
                html += "</tbody>\n</table>\n"
            }
            let notes = judgement.warnings + judgement.rows.flatMap { row in row.warnings.map { "\(row.name) (\(row.variant)): \($0)" } }
            if !notes.isEmpty {
                html += "<ul>\n" + notes.map { "<li>\(HTMLText.escape($0))</li>\n" }.joined() + "</ul>\n"
            }
        }
        return html
    }
}
