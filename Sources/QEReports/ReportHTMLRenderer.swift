import QEFormats
import QEPresentation
import QEResults
import QEValidation

/// Renders a report as one self-contained HTML page: the stylesheet inline, every plot inline
/// SVG, no script, no font, no image and no link that loads anything (a Content-Security-Policy
/// of `default-src 'none'` makes the browser refuse to, should anything try). It reads the same
/// with JavaScript off and prints.
///
/// Elements a checker (or a person with the inspector) can find: `#overall-verdict` with
/// `data-verdict`; the table `#verdicts` with one `tr[data-workload][data-verdict]` per
/// workload; `figure.plot[data-plot]` around every SVG.
struct ReportHTMLRenderer {
    func render(_ report: Report) -> String {
        let document = report.document
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <meta name="generator" content="qe-validate report">
            <title>\(HTMLText.escape(document.title))</title>
            <style>
            \(ReportHTMLStyle.css)
            </style>
            </head>
            <body>

            """
        html += "<header>\n<h1>\(HTMLText.escape(document.title))</h1>\n"
        html += "<p class=\"muted\">\(HTMLText.escape(document.request.date))\(document.request.signedOffBy.map { " · signed off by " + HTMLText.escape($0) } ?? "")"
        html += " · \(HTMLText.escape(ProseText.list(document.environment.map(\.path)))) · qe-validate/report@1</p>\n</header>\n"

        html += section("summary", "Executive summary", summary(document))
        html += section("distributions", "Distributions and run-to-run variance", distributions(report))
        for optional in document.optionalSections {
            html += section(optional.anchor, optional.heading, optional.html())
        }
        html += section("methods", "Methods", list(document.methods))
        html += section("environment", "Environment and command", environment(document))
        html += section("raw-data", "Raw data", rawData(document))
        html += section("limitations", "Limitations: what this data cannot support", list(document.limitations))
        html += section("sign-off", "Sign-off", signOff(document))
        html += "<footer class=\"muted\"><p>Made by qe-validate from the raw data embedded in \(HTMLText.escape(document.request.name)).json. "
        html += "This page is a rendering of that file; the signature covers the JSON.</p></footer>\n</body>\n</html>\n"
        return html
    }

    private func section(_ id: String, _ heading: String, _ body: String) -> String {
        "<section id=\"\(id)\">\n<h2>\(HTMLText.escape(heading))</h2>\n\(body)</section>\n"
    }

    private func list(_ items: [String]) -> String {
        "<ul>\n" + items.map { "<li>\(HTMLText.escape($0))</li>\n" }.joined() + "</ul>\n"
    }

    private func summary(_ document: ReportDocument) -> String {
        let judgement = document.judgement
        let overall = judgement.verdict.rawValue
        var html = "<p><span id=\"overall-verdict\" class=\"overall verdict-\(overall)\" data-verdict=\"\(overall)\">\(HTMLText.escape(overall.uppercased()))</span></p>\n"
        html += "<p class=\"reason\">\(HTMLText.escape(judgement.reason))</p>\n"
        let level = PercentText.percent(judgement.intervalConfidence)
        html += "<table id=\"verdicts\">\n<thead><tr><th>workload</th><th>claimed</th><th class=\"num\">speedup</th><th>\(level) interval</th>"
        html += "<th class=\"num\">p (≤ claimed min)</th><th class=\"num\">Holm p</th><th>method</th><th class=\"num\">runs</th><th>verdict</th></tr></thead>\n<tbody>\n"
        for benchmark in judgement.benchmarks {
            let verdict = benchmark.verdict.rawValue
            html += "<tr data-workload=\"\(HTMLText.escape(benchmark.name))\" data-verdict=\"\(verdict)\">"
            html += "<td>\(HTMLText.escape(benchmark.name))</td><td>\(HTMLText.escape(benchmark.claim.description))</td>"
            html += "<td class=\"num\">\(RatioText.ratio(benchmark.speedup.estimate))</td><td>\(RatioText.interval(benchmark.speedup.low, benchmark.speedup.high))</td>"
            html += "<td class=\"num\">\(PValueText.value(benchmark.pClaimMinimum))</td><td class=\"num\">\(PValueText.value(benchmark.pClaimMinimumHolm))</td>"
            html += "<td>\(HTMLText.escape(benchmark.speedup.method.rawValue))</td><td class=\"num\">\(benchmark.baseline.runs)+\(benchmark.candidate.runs)</td>"
            html += "<td class=\"verdict verdict-\(verdict)\">\(verdict)</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        html += "<p class=\"muted\">Speedup = \(HTMLText.escape(judgement.benchmarks.first?.baselineVariant ?? "baseline")) time ÷ \(HTMLText.escape(judgement.benchmarks.first?.candidateVariant ?? "candidate")) time. "
        html += judgement.benchmarks.count > 1
            ? "Intervals are simultaneous over \(judgement.benchmarks.count) workloads (Bonferroni: \(level) each for \(PercentText.percent(judgement.confidence)) together).</p>\n"
            : "One workload, one \(level) interval.</p>\n"
        html += "<figure class=\"plot\" data-plot=\"speedups\">\n"
        html += SpeedupIntervalPlot(benchmarks: judgement.benchmarks, intervalConfidence: judgement.intervalConfidence).svg()
        html += "\n<figcaption>Each workload's speedup interval (bar) and estimate (dot) against its claimed range (shaded). A bar wholly left of the shading refutes the claim; a bar whose left end is inside or right of it holds.</figcaption>\n</figure>\n"
        let notes = judgement.benchmarks.compactMap { benchmark in benchmark.moreData.map { "\(benchmark.name): \($0.summary)" } }
        if !notes.isEmpty { html += list(notes) }
        return html
    }

    private func distributions(_ report: Report) -> String {
        let document = report.document
        var html = "<p>Every iteration of both variants, pooled and then run by run. "
        if let first = document.distributions.first {
            html += "<span class=\"key baseline\"></span>\(HTMLText.escape(first.baseline.variant))<span class=\"key candidate\"></span>\(HTMLText.escape(first.candidate.variant))"
        }
        html += "</p>\n"
        for distribution in document.distributions {
            let baselineRuns = report.pool.runs(name: distribution.name, variant: distribution.baseline.variant).map(\.samples)
            let candidateRuns = report.pool.runs(name: distribution.name, variant: distribution.candidate.variant).map(\.samples)
            let parameters = distribution.parameters.keys.sorted().map { "\($0) \(distribution.parameters[$0] ?? "")" }.joined(separator: ", ")
            html += "<h3 id=\"workload-\(HTMLText.escape(distribution.name))\">\(HTMLText.escape(distribution.name))\(parameters.isEmpty ? "" : " <span class=\"muted\">(\(HTMLText.escape(parameters)))</span>")</h3>\n"
            html += "<figure class=\"plot\" data-plot=\"distribution\" data-workload=\"\(HTMLText.escape(distribution.name))\">\n"
            html += DistributionPlot(distribution: distribution, baselineSamples: baselineRuns.flatMap { $0 }, candidateSamples: candidateRuns.flatMap { $0 }).svg()
            html += "\n<figcaption>Distribution of the time per iteration: points are iterations, the box spans the quartiles with the median, whiskers reach 1.5 × IQR.</figcaption>\n</figure>\n"
            html += "<figure class=\"plot\" data-plot=\"runs\" data-workload=\"\(HTMLText.escape(distribution.name))\">\n"
            html += RunsPlot(distribution: distribution, baselineRuns: baselineRuns, candidateRuns: candidateRuns).svg()
            html += "\n<figcaption>Runs side by side (each run a separate process): a run unlike the others shows here, and the interval treats runs as the units.</figcaption>\n</figure>\n"
            html += variationTable(distribution)
        }
        return html
    }

    private func variationTable(_ distribution: WorkloadDistribution) -> String {
        let unit = distribution.unit
        var html = "<table class=\"variation\">\n<thead><tr><th>variant</th><th class=\"num\">iterations</th><th class=\"num\">runs</th><th class=\"num\">median</th>"
        html += "<th class=\"num\">quartiles</th><th class=\"num\">run medians</th><th class=\"num\">runs alike? (Kruskal–Wallis p)</th><th class=\"num\">variance between runs</th></tr></thead>\n<tbody>\n"
        for variant in [distribution.baseline, distribution.candidate] {
            let durations = DurationText(reference: variant.pooled.median, sourceUnit: unit)
            let medians = variant.runs.map(\.box.median)
            html += "<tr><td>\(HTMLText.escape(variant.variant))</td><td class=\"num\">\(variant.pooled.n)</td><td class=\"num\">\(variant.runs.count)</td>"
            html += "<td class=\"num\">\(durations.format(variant.pooled.median))</td><td class=\"num\">\(durations.format(variant.pooled.q1))–\(durations.format(variant.pooled.q3))</td>"
            html += "<td class=\"num\">\(durations.format(medians.min() ?? 0))–\(durations.format(medians.max() ?? 0))</td>"
            html += "<td class=\"num\">\(PValueText.value(variant.runVariation?.kruskalWallisP))</td>"
            html += "<td class=\"num\">\(variant.runVariation.map { PercentText.percent($0.betweenRunShare) } ?? "–")</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    private func environment(_ document: ReportDocument) -> String {
        var html = ""
        for input in document.environment {
            html += "<h3>\(HTMLText.escape(input.path))</h3>\n<table class=\"environment\">\n<tbody>\n"
            for (label, value) in input.fields {
                let cell = label == "measuring command" ? "<code>\(HTMLText.escape(value))</code>" : HTMLText.escape(value)
                html += "<tr><th>\(HTMLText.escape(label))</th><td>\(cell)</td></tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        html += "<h3>The command that made this report</h3>\n<pre id=\"command\">\(HTMLText.escape(document.request.command))</pre>\n"
        return html
    }

    private func rawData(_ document: ReportDocument) -> String {
        var html = "<table class=\"raw-data\">\n<thead><tr><th>file</th><th class=\"num\">bytes</th><th>SHA-256</th></tr></thead>\n<tbody>\n"
        for entry in document.rawData {
            html += "<tr><td>\(HTMLText.escape(entry.label))</td><td class=\"num\">\(entry.bytes)</td><td class=\"mono digest\">\(entry.sha256)</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        html += "<p>The files are embedded, byte for byte, in <code>\(HTMLText.escape(document.request.name)).json</code>; "
        html += "<code>jq -j '.rawData[0].content' \(HTMLText.escape(document.request.name)).json | sha256sum</code> prints the first one's digest, "
        html += "and <code>qe-validate verify \(HTMLText.escape(document.request.name)).json</code> recomputes every number from them.</p>\n"
        return html
    }

    private func signOff(_ document: ReportDocument) -> String {
        let signOff = document.signOff
        let name = document.request.name
        var html = "<p>\(HTMLText.escape(signOff.statement))</p>\n<table class=\"sign-off\">\n<tbody>\n"
        html += "<tr><th>signed off by</th><td>\(HTMLText.escape(signOff.name ?? "nobody"))</td></tr>\n"
        html += "<tr><th>date</th><td>\(HTMLText.escape(signOff.date))</td></tr>\n"
        html += "<tr><th>key fingerprint</th><td class=\"mono digest\">\(HTMLText.escape(signOff.publicKeyFingerprint ?? "not signed"))</td></tr>\n"
        html += "</tbody>\n</table>\n"
        if signOff.publicKey != nil {
            html += "<p>To check the signature (<code>\(HTMLText.escape(name)).json.sig</code>, 64 raw bytes over the exact bytes of <code>\(HTMLText.escape(name)).json</code>) with the signer's public key:</p>\n"
            html += "<pre>qe-validate verify \(HTMLText.escape(name)).json --public-key KEY.pub.pem\nopenssl pkeyutl -verify -pubin -inkey KEY.pub.pem -rawin -in \(HTMLText.escape(name)).json -sigfile \(HTMLText.escape(name)).json.sig</pre>\n"
        }
        return html
    }

}
