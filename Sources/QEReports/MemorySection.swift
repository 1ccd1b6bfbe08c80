import QEFormats
import QEPresentation
import QEResults
import QEValidation

/// The memory figures of each judged workload (working set and peak allocation of both
/// variants, in bytes, as the results files record them) and, when a memory claim was made,
/// its verdict. Absent when the results have no memory figures for both variants.
public struct MemorySection: Sendable, Codable, Equatable {
    /// One figure of one workload.
    public struct Row: Sendable, Codable, Equatable {
        public var name: String
        public var figure: MemoryFigure
        public var baselineBytes: Int
        public var candidateBytes: Int
        /// 1 − candidate ÷ baseline (0.6: 60% less memory); nil when the baseline figure is 0.
        public var reduction: Double?
        /// The memory claim's verdict for this figure, when a claim was made.
        public var verdict: ClaimVerdict?
    }

    public var baselineVariant: String
    public var candidateVariant: String
    /// The claimed reduction, when one was made.
    public var claim: ClaimedRange?
    /// The memory claim's overall verdict, when one was made.
    public var verdict: OverallVerdict?
    public var rows: [Row]

    /// The figures of the judged workloads of `judgement` that both variants have in `pool`;
    /// nil when there are none.
    init?(judgement: ClaimDocument, pool: ResultsPool) {
        var rows: [Row] = []
        for benchmark in judgement.benchmarks {
            guard let baseline = pool.memory(name: benchmark.name, variant: benchmark.baselineVariant),
                let candidate = pool.memory(name: benchmark.name, variant: benchmark.candidateVariant)
            else { continue }
            let figures: [(MemoryFigure, Int?, Int?)] = [
                (.workingSetBytes, baseline.workingSetBytes, candidate.workingSetBytes),
                (.peakAllocatedBytes, baseline.peakAllocatedBytes, candidate.peakAllocatedBytes),
            ]
            for case let (figure, base?, cand?) in figures {
                let judged = benchmark.memory?.figures.first { $0.figure == figure }
                rows.append(Row(
                    name: benchmark.name, figure: figure, baselineBytes: base, candidateBytes: cand,
                    reduction: base > 0 ? 1 - Double(cand) / Double(base) : nil, verdict: judged?.verdict))
            }
        }
        guard let first = judgement.benchmarks.first, !rows.isEmpty else { return nil }
        baselineVariant = first.baselineVariant
        candidateVariant = first.candidateVariant
        claim = judgement.benchmarks.compactMap(\.memory).first?.claim
        verdict = judgement.memoryVerdict
        self.rows = rows
    }
}

extension MemorySection: ReportSection {
    public var anchor: String { "memory" }
    public var heading: String { "Memory" }

    public func markdown() -> String {
        var text = MarkdownText.escape(summary) + "\n\n"
        text += "| workload | figure | \(MarkdownText.escape(baselineVariant)) | \(MarkdownText.escape(candidateVariant)) | reduction |\(claim == nil ? "" : " verdict |")\n"
        text += "|---|---|---:|---:|---:|\(claim == nil ? "" : "---|")\n"
        for row in rows {
            text += "| \(MarkdownText.escape(row.name)) | \(Self.figureName(row.figure)) | \(ByteText.format(row.baselineBytes)) | \(ByteText.format(row.candidateBytes)) | "
            text += "\(row.reduction.map(PercentText.percent) ?? "–") |\(claim == nil ? "" : " \(row.verdict?.rawValue ?? "–") |")\n"
        }
        return text
    }

    public func html() -> String {
        var html = "<p>\(HTMLText.escape(summary))</p>\n<table class=\"memory\">\n<thead><tr><th>workload</th><th>figure</th>"
        html += "<th class=\"num\">\(HTMLText.escape(baselineVariant))</th><th class=\"num\">\(HTMLText.escape(candidateVariant))</th><th class=\"num\">reduction</th>"
        html += claim == nil ? "</tr></thead>\n<tbody>\n" : "<th>verdict</th></tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr><td>\(HTMLText.escape(row.name))</td><td>\(Self.figureName(row.figure))</td>"
            html += "<td class=\"num\">\(ByteText.format(row.baselineBytes))</td><td class=\"num\">\(ByteText.format(row.candidateBytes))</td>"
            html += "<td class=\"num\">\(row.reduction.map(PercentText.percent) ?? "–")</td>"
            if claim != nil {
                let verdict = row.verdict?.rawValue ?? "–"
                html += "<td class=\"verdict verdict-\(verdict)\">\(verdict)</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    var summary: String {
        let base = "Working set and peak allocation as the results files record them (qe-validate run: the working set from the sizes of the kernel's buffers, the peak allocation from the allocator, the largest over runs). Both are exact figures, compared plainly: reduction = 1 − \(candidateVariant) ÷ \(baselineVariant)."
        guard let claim, let verdict else { return base + " No memory claim was judged." }
        let range = claim.high.isInfinite
            ? "at least \(PercentText.percent(claim.low))"
            : "\(PercentText.percent(claim.low))–\(PercentText.percent(claim.high))"
        return base + " Claimed reduction: \(range); verdict: \(verdict.rawValue)."
    }

    static func figureName(_ figure: MemoryFigure) -> String {
        switch figure {
        case .workingSetBytes: return "working set"
        case .peakAllocatedBytes: return "peak allocation"
        }
    }
}
