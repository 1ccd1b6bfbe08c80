import QEFormats
import QEPresentation
import QEResults
import QEValidation

/// Run-to-run variance of the judged workloads, from the variance analysis of
/// `qe-validate variance` (``RunVarianceDocument``) run on the embedded results with the
/// report's confidence: per (file, name, variant) the share of the variance that lies between
/// runs, the Kruskal–Wallis p that all runs come from one distribution, the runs that stand out,
/// drift within runs, and the findings in plain words.
///
/// Present in every report whose results have a judged workload (the analysis needs nothing
/// the results lack: with one run the share and the test are absent and the findings say why).
public struct VarianceSection: Sendable, Codable, Equatable {
    /// One benchmark (name, variant) of one results file.
    public struct Row: Sendable, Codable, Equatable {
        /// The results file, as given.
        public var file: String
        public var name: String
        public var variant: String
        public var runs: Int
        /// σ²_b ÷ (σ²_b + σ²_w), a fraction; nil with one run or one iteration per run.
        public var betweenRunShare: Double?
        /// p of the Kruskal–Wallis test that all runs come from one distribution; nil when it
        /// cannot be computed (one run, or every time the same).
        public var kruskalWallisP: Double?
        /// Runs (0-based) whose median stands out from the others'.
        public var runsThatStandOut: [Int]
        /// Drift within runs: `slower`, `faster` or `none`, whether it was detected (Holm-adjusted
        /// over the benchmarks), and the median change from the first to the last third of a run.
        public var drift: DriftDirection
        public var driftDetected: Bool
        public var driftChange: Double?
        /// The iterations far in the slow tail of their run (`{count, of, rule, worst}`); nil
        /// when they cannot be judged.
        public var outlyingIterations: OutlyingIterationsSummary?
        /// The analysis's plain-language findings.
        public var findings: [String]
    }

    /// The confidence of the tests (the report's).
    public var confidence: Double
    /// Smaller differences are not called out, as a fraction.
    public var minimumEffect: Double
    public var rows: [Row]
    /// Different suites or machines among the files, as the analysis finds them.
    public var warnings: [String]

    /// The analysis of the judged workloads of `judgement`, all their variants, in every file of
    /// `pool`; nil when nothing was judged.
    init?(judgement: ClaimDocument, pool: ResultsPool, confidence: Double) throws(RunVarianceError) {
        let names = judgement.benchmarks.map(\.name)
        guard !names.isEmpty, let first = judgement.benchmarks.first else { return nil }
        let options = RunVarianceOptions(
            confidence: confidence, baselineVariant: first.baselineVariant, candidateVariant: first.candidateVariant)
        let document = try RunVarianceDocument(
            files: pool.sources.map { (path: $0.path, file: $0.file) }, workloads: names, options: options)
        self.confidence = confidence
        self.minimumEffect = options.minimumEffect
        self.rows = document.benchmarks.map { entry in
            Row(file: entry.file, name: entry.name, variant: entry.variant, runs: entry.runs,
                betweenRunShare: entry.betweenRunShare, kruskalWallisP: entry.kruskalWallis?.p,
                runsThatStandOut: entry.runsThatStandOut, drift: entry.drift.direction,
                driftDetected: entry.drift.detected, driftChange: entry.drift.change,
                outlyingIterations: entry.outlyingIterations, findings: entry.findings)
        }
        self.warnings = document.warnings
    }
}

extension VarianceSection: ReportSection {
    public var anchor: String { "variance" }
    public var heading: String { "Run-to-run variance" }

    private var showsFile: Bool { Set(rows.map(\.file)).count > 1 }

    var summary: String {
        "The variance analysis of qe-validate variance on the embedded results, at \(PercentText.percent(confidence)) confidence: the between-run share is the part of the variance that lies between runs (σ²_b ÷ (σ²_b + σ²_w)); Kruskal–Wallis tests that all runs of a benchmark come from one distribution; a run stands out when its median is far from the others' (robust distance beyond a cut-off calibrated for the number of runs, and at least \(PercentText.percent(minimumEffect)) away); drift is a trend of times within runs (seasonal Kendall test, Holm-adjusted over the benchmarks). Runs are numbered from 1."
    }

    static func runList(_ indexes: [Int]) -> String {
        indexes.isEmpty ? "none" : indexes.map { "\($0 + 1)" }.joined(separator: ", ")
    }

    static func driftText(_ row: Row) -> String {
        let change = row.driftChange.map { " (\($0 >= 0 ? "+" : "")\(PercentText.percent($0)))" } ?? ""
        return (row.driftDetected ? row.drift.rawValue : "none detected") + change
    }

    static func share(_ value: Double?) -> String { value.map(PercentText.percent) ?? "–" }

    public func markdown() -> String {
        var text = MarkdownText.escape(summary) + "\n\n"
        text += (showsFile ? "| file " : "") + "| workload | variant | runs | between-run share | Kruskal–Wallis p | runs that stand out | drift |\n"
        text += (showsFile ? "|---" : "") + "|---|---|---:|---:|---:|---|---|\n"
        for row in rows {
            text += (showsFile ? "| \(MarkdownText.escape(row.file)) " : "")
            text += "| \(MarkdownText.escape(row.name)) | \(MarkdownText.escape(row.variant)) | \(row.runs) | \(Self.share(row.betweenRunShare)) | "
            text += "\(PValueText.value(row.kruskalWallisP)) | \(Self.runList(row.runsThatStandOut)) | \(Self.driftText(row)) |\n"
        }
        text += "\nFindings:\n\n"
        for row in rows {
            let label = (showsFile ? "\(row.file): " : "") + "\(row.name) (\(row.variant))"
            for finding in row.findings { text += "- **\(MarkdownText.escape(label))**: \(MarkdownText.escape(finding))\n" }
        }
        for warning in warnings { text += "- Warning: \(MarkdownText.escape(warning))\n" }
        return text
    }

    public func html() -> String {
        var html = "<p>\(HTMLText.escape(summary))</p>\n<table class=\"variance\">\n<thead><tr>"
        if showsFile { html += "<th>file</th>" }
        html += "<th>workload</th><th>variant</th><th class=\"num\">runs</th><th class=\"num\">between-run share</th>"
        html += "<th class=\"num\">Kruskal–Wallis p</th><th>runs that stand out</th><th>drift</th></tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>"
            if showsFile { html += "<td>\(HTMLText.escape(row.file))</td>" }
            html += "<td>\(HTMLText.escape(row.name))</td><td>\(HTMLText.escape(row.variant))</td><td class=\"num\">\(row.runs)</td>"
            html += "<td class=\"num\">\(Self.share(row.betweenRunShare))</td><td class=\"num\">\(PValueText.value(row.kruskalWallisP))</td>"
            html += "<td>\(Self.runList(row.runsThatStandOut))</td><td>\(HTMLText.escape(Self.driftText(row)))</td></tr>\n"
        }
        html += "</tbody>\n</table>\n<ul class=\"findings\">\n"
        for row in rows {
            let label = (showsFile ? "\(row.file): " : "") + "\(row.name) (\(row.variant))"
            for finding in row.findings { html += "<li><strong>\(HTMLText.escape(label))</strong>: \(HTMLText.escape(finding))</li>\n" }
        }
        for warning in warnings { html += "<li>Warning: \(HTMLText.escape(warning))</li>\n" }
        return html + "</ul>\n"
    }
}
