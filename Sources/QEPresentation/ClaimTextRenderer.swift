import QEFormats
import QEValidation

/// Renders a claim's verdict as a table in the spirit of the study's summary — but with each
/// workload's estimate, simultaneous interval, p-value, method and verdict — then notes, then
/// one line with the overall verdict and its reason.
struct ClaimTextRenderer {
    func render(_ document: ClaimDocument) -> String {
        let level = PercentText.percent(document.intervalConfidence)
        var rows: [[String]] = [["workload", "claimed", "speedup", "\(level) interval", "p (≤ claimed min)", "method", "runs", "verdict"]]
        var notes: [String] = []
        for benchmark in document.benchmarks {
            var marks = ""
            for warning in DifferingRunsSummary.otherWarnings(benchmark) {
                notes.append("\(benchmark.name): \(warning)")
                marks += FootnoteMarks.mark(notes.count)
            }
            if let more = benchmark.moreData {
                notes.append("\(benchmark.name): \(more.summary)")
                marks += FootnoteMarks.mark(notes.count)
            }
            rows.append([
                benchmark.name + (marks.isEmpty ? "" : " " + marks),
                benchmark.claim.description,
                RatioText.ratio(benchmark.speedup.estimate),
                RatioText.interval(benchmark.speedup.low, benchmark.speedup.high),
                benchmark.pClaimMinimum.map(PValueText.value) ?? "–",
                MethodLegend.abbreviation(benchmark.speedup.method),
                "\(benchmark.baseline.runs)+\(benchmark.candidate.runs)",
                benchmark.verdict.rawValue.uppercased(),
            ])
        }
        var output = TextTable(rows, rightAligned: [2, 4, 6]).text()
        let memory = document.benchmarks.compactMap { benchmark in benchmark.memory.map { (benchmark.name, $0) } }
        if !memory.isEmpty {
            output += "\n"
            var memoryRows: [[String]] = [["workload", "memory figure", "baseline", "candidate", "reduction", "claimed", "verdict"]]
            for (name, judgement) in memory {
                for figure in judgement.figures {
                    memoryRows.append([
                        name, figure.figure.rawValue, ByteText.format(figure.baselineBytes), ByteText.format(figure.candidateBytes),
                        PercentText.percent((figure.reduction * 1000).rounded() / 1000),
                        "\(PercentText.percent(judgement.claim.low))–\(judgement.claim.high.isFinite ? PercentText.percent(judgement.claim.high) : "")",
                        figure.verdict.rawValue.uppercased(),
                    ])
                }
            }
            output += TextTable(memoryRows, rightAligned: [2, 3, 4]).text()
        }
        output += "\n"
        let methods = Set(document.benchmarks.map(\.speedup.method))
        output += "speedup = baseline time ÷ candidate time. Intervals are simultaneous over \(document.benchmarks.count) workload\(document.benchmarks.count == 1 ? "" : "s") "
        output += "(Bonferroni: \(level) each for \(PercentText.percent(document.confidence)) together). "
        output += MethodLegend.lines(methods: methods, replicates: document.bootstrapReplicates, seed: document.seed).joined(separator: "; ") + ".\n"
        if let sequential = document.sequential {
            output += "Sequential: look \(sequential.look), error rate spent at this look \(NumberText.plain(sequential.alphaAtLook)) (α·6/(π²·look²)); \(sequential.stoppedBecause).\n"
        }
        let general = document.warnings + document.notJudged.map { "not judged: \($0)" }
            + (DifferingRunsSummary.sentence(document).map { [$0] } ?? [])
        if !general.isEmpty || !notes.isEmpty {
            output += "\n"
            for warning in general { output += "• \(TerminalText.escape(warning))\n" }
            for (index, note) in notes.enumerated() { output += "\(FootnoteMarks.mark(index + 1)) \(TerminalText.escape(note))\n" }
        }
        output += "\nVERDICT: \(document.verdict.rawValue.uppercased().replacingOccurrences(of: "-", with: " ")) — \(TerminalText.escape(document.reason))\n"
        if let memoryVerdict = document.memoryVerdict, let claim = document.benchmarks.compactMap(\.memory).first?.claim {
            let claimed = claim.high.isFinite ? "\(PercentText.percent(claim.low))–\(PercentText.percent(claim.high))" : "at least \(PercentText.percent(claim.low))"
            output += "MEMORY: \(memoryVerdict.rawValue.uppercased().replacingOccurrences(of: "-", with: " ")) — claimed reduction \(claimed), judged on every memory figure above\n"
        }
        return output
    }
}
