import QEFormats
import QEPresentation
import QEResults
import QEValidation

/// Renders a report as Markdown: the same sections as the HTML page, with tables where the
/// page has plots (the plots are in `NAME.html`).
struct ReportMarkdownRenderer {
    func render(_ report: Report) -> String {
        let document = report.document
        let judgement = document.judgement
        let name = document.request.name
        var text = "# \(MarkdownText.escape(document.title))\n\n"
        text += "\(MarkdownText.escape(document.request.date))\(document.request.signedOffBy.map { " · signed off by \(MarkdownText.escape($0))" } ?? "")"
        text += " · plots: [\(MarkdownText.escape(name + ".html"))](\(MarkdownText.linkDestination(name + ".html")))"
        text += " · data and signature: \(MarkdownText.code(name + ".json")), \(MarkdownText.code(name + ".json.sig"))\n\n"

        text += "## Executive summary\n\n"
        text += "**Verdict: \(judgement.verdict.rawValue)** — \(MarkdownText.escape(judgement.reason))\n\n"
        let level = PercentText.percent(judgement.intervalConfidence)
        text += "| workload | claimed | speedup | \(level) interval | p (≤ claimed min) | Holm p | method | runs | verdict |\n"
        text += "|---|---|---:|---|---:|---:|---|---:|---|\n"
        for b in judgement.benchmarks {
            text += "| \(MarkdownText.escape(b.name)) | \(b.claim) | \(RatioText.ratio(b.speedup.estimate)) | \(RatioText.interval(b.speedup.low, b.speedup.high)) | "
            text += "\(PValueText.value(b.pClaimMinimum)) | \(PValueText.value(b.pClaimMinimumHolm)) | \(b.speedup.method.rawValue) | \(b.baseline.runs)+\(b.candidate.runs) | **\(b.verdict.rawValue)** |\n"
        }
        text += "\nSpeedup = \(MarkdownText.escape(judgement.benchmarks.first?.baselineVariant ?? "baseline")) time ÷ \(MarkdownText.escape(judgement.benchmarks.first?.candidateVariant ?? "candidate")) time. "
        text += judgement.benchmarks.count > 1
            ? "Intervals are simultaneous over \(judgement.benchmarks.count) workloads (Bonferroni: \(level) each for \(PercentText.percent(judgement.confidence)) together).\n"
            : "One workload, one \(level) interval.\n"
        let notes = judgement.benchmarks.compactMap { b in b.moreData.map { "\(b.name): \($0.summary)" } }
        if !notes.isEmpty { text += "\n" + notes.map { "- \(MarkdownText.escape($0))\n" }.joined() }

        text += "\n## Distributions and run-to-run variance\n\n"
        text += "| workload | variant | iterations | runs | median | quartiles | run medians | runs alike? (Kruskal–Wallis p) | variance between runs |\n"
        text += "|---|---|---:|---:|---:|---:|---:|---:|---:|\n"
        for distribution in document.distributions {
            let unit = distribution.unit
            for variant in [distribution.baseline, distribution.candidate] {
                let durations = DurationText(reference: variant.pooled.median, sourceUnit: unit)
                let medians = variant.runs.map(\.box.median)
                text += "| \(MarkdownText.escape(distribution.name)) | \(MarkdownText.escape(variant.variant)) | \(variant.pooled.n) | \(variant.runs.count) | \(durations.format(variant.pooled.median)) | "
                text += "\(durations.format(variant.pooled.q1))–\(durations.format(variant.pooled.q3)) | \(durations.format(medians.min() ?? 0))–\(durations.format(medians.max() ?? 0)) | "
                text += "\(PValueText.value(variant.runVariation?.kruskalWallisP)) | \(variant.runVariation.map { PercentText.percent($0.betweenRunShare) } ?? "–") |\n"
            }
        }
        let paired = document.distributions.filter { $0.runSpeedups != nil }
        if !paired.isEmpty {
            text += "\nPer-run speedups (paired runs, ratio of geometric means):\n\n"
            for distribution in paired {
                text += "- \(MarkdownText.escape(distribution.name)): \((distribution.runSpeedups ?? []).map(RatioText.ratio).joined(separator: ", "))\n"
            }
        }

        for section in document.optionalSections {
            text += "\n## \(section.heading)\n\n" + section.markdown()
        }

        text += "\n## Methods\n\n" + document.methods.map { "- \(MarkdownText.escape($0))\n" }.joined()

        text += "\n## Environment and command\n\n"
        for input in document.environment {
            text += "\(MarkdownText.code(input.path)):\n\n"
            for (label, value) in input.fields {
                text += "- \(label): \(label == "measuring command" ? MarkdownText.code(value) : MarkdownText.escape(value))\n"
            }
            text += "\n"
        }
        text += "The command that made this report:\n\n" + MarkdownText.codeBlock(document.request.command, language: "sh")

        text += "\n## Raw data\n\n| file | bytes | SHA-256 |\n|---|---:|---|\n"
        for entry in document.rawData {
            text += "| \(MarkdownText.escape(entry.label)) | \(entry.bytes) | `\(entry.sha256)` |\n"
        }
        text += "\nEmbedded byte for byte in \(MarkdownText.code(name + ".json")): \(MarkdownText.code("jq -j '.rawData[0].content' \(name).json | sha256sum")) prints the first digest, and \(MarkdownText.code("qe-validate verify \(name).json")) recomputes every number from them.\n"

        text += "\n## Limitations: what this data cannot support\n\n" + document.limitations.map { "- \(MarkdownText.escape($0))\n" }.joined()

        text += "\n## Sign-off\n\n\(MarkdownText.escape(document.signOff.statement))\n\n"
        text += "- signed off by: \(MarkdownText.escape(document.signOff.name ?? "nobody"))\n- date: \(MarkdownText.escape(document.signOff.date))\n"
        text += "- key fingerprint: \(document.signOff.publicKeyFingerprint.map { "`\($0)`" } ?? "not signed")\n"
        if document.signOff.publicKey != nil {
            text += "\nCheck the signature (\(MarkdownText.code(name + ".json.sig")), 64 raw bytes over the exact bytes of \(MarkdownText.code(name + ".json"))) with the signer's public key:\n\n"
            text += MarkdownText.codeBlock(
                "qe-validate verify \(name).json --public-key KEY.pub.pem\nopenssl pkeyutl -verify -pubin -inkey KEY.pub.pem -rawin -in \(name).json -sigfile \(name).json.sig",
                language: "sh")
        }
        return text
    }
}
