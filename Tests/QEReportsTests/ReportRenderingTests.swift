import Foundation
import QEPresentation
import QEReports
import QEResults
import QEValidation
import Testing

/// The report's content and its renderings, without a browser: the same inputs give the same
/// bytes; the page has its verdict table and plots, and loads nothing.
@Suite("Report rendering")
struct ReportRenderingTests {
    @Test func theSameInputsGiveTheSameBytes() throws {
        let key = ReportSigningKey()
        let first = try ReportFiles(try ReportFixture.report(key: key), signingKey: key)
        let second = try ReportFiles(try ReportFixture.report(key: key), signingKey: key)
        #expect(first.json == second.json)
        #expect(first.html == second.html)
        #expect(first.markdown == second.markdown)
        #expect(first.signature == second.signature, "Ed25519 is deterministic")
    }

    @Test func theReportStatesTheVerdictsWithEverythingBehindThem() throws {
        let report = try ReportFixture.report()
        let document = report.document
        #expect(document.schema == "qe-validate/report@1")
        #expect(document.judgement.benchmarks.map(\.name) == ["fast", "slow", "close"])
        #expect(document.judgement.benchmarks.map(\.verdict) == [.holds, .refuted, .inconclusive])
        #expect(document.judgement.verdict == .notValidated)
        #expect(document.distributions.map(\.name) == ["fast", "slow", "close"])
        let fast = try #require(document.distributions.first)
        #expect(fast.baseline.runs.count == 4 && fast.candidate.runs.count == 4)
        #expect(fast.baseline.pooled.n == 60)
        #expect(fast.parameters == ["seqLen": "128", "dim": "64"])
        let runSpeedups = try #require(fast.runSpeedups)
        #expect(runSpeedups.count == 4 && runSpeedups.allSatisfy { $0 > 2.9 && $0 < 3.5 })
        #expect(document.memory?.rows.count == 3, "working set only: the fixture has no peak figure")
        #expect(document.rawData.count == 1)
        #expect(document.rawData[0].sha256 == ReportDigest.sha256(Array(document.rawData[0].content.utf8)))
        #expect(document.methods.contains { $0.contains("Paired runs") && $0.contains("K − 1 degrees of freedom") })
        #expect(document.limitations.contains { $0.contains("Measured on one machine (Test CPU") })
        #expect(document.limitations.contains { $0.contains("close: the data cannot decide") })
        #expect(document.limitations.contains { $0.contains("Only these inputs were measured") })
        #expect(document.signOff.name == "Ada <ada@example.org>")
        #expect(document.signOff.publicKeyFingerprint == nil)
        #expect(document.signOff.statement.contains("without a key"))
    }

    @Test func thePageHasTheVerdictTableAndDrawnPlotsAndLoadsNothing() throws {
        let html = try render(try ReportFixture.report(), as: .html)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"))
        for forbidden in ["<script", "http://", "https://", "src=", "href=", "url(", "@import", "<link", "<img", "xmlns"] {
            #expect(!html.contains(forbidden), "the page contains \(forbidden)")
        }
        #expect(html.contains("id=\"overall-verdict\" class=\"overall verdict-not-validated\" data-verdict=\"not-validated\""))
        for (name, verdict) in [("fast", "holds"), ("slow", "refuted"), ("close", "inconclusive")] {
            #expect(html.contains("<tr data-workload=\"\(name)\" data-verdict=\"\(verdict)\">"))
            #expect(html.contains("<td class=\"verdict verdict-\(verdict)\">\(verdict)</td>"))
        }
        // One speedup plot, and a distribution and a runs plot per workload, each with its marks.
        let svgs = html.components(separatedBy: "<svg ").dropFirst().map { $0.components(separatedBy: "</svg>")[0] }
        #expect(svgs.count == 1 + 2 * 3)
        for svg in svgs {
            #expect(svg.contains("<line"), "every plot has lines")
        }
        let speedups = try #require(svgs.first)
        #expect(speedups.contains("data-verdict=\"refuted\""))
        #expect(speedups.components(separatedBy: "class=\"claim\"").count - 1 == 3 + 1, "a claimed band per workload, one in the legend")
        let points = svgs.dropFirst().map { $0.components(separatedBy: "class=\"point\"").count - 1 }
        #expect(points == [120, 120, 120, 120, 120, 120], "every iteration of both variants, in both plots of each workload")
        #expect(html.contains("<section id=\"memory\">"))
        #expect(html.contains("<section id=\"limitations\">") && html.contains("<section id=\"sign-off\">"))
    }

    @Test func textFromFilesIsEscaped() throws {
        var results = ReportFixture.results([("<b>bold</b>&\"q\"", 3.2)])
        results.environment.cpu = "<script>alert(1)</script>"
        let report = try ReportFixture.report(results, claim: ClaimedRange(low: 2))
        let html = try render(report, as: .html)
        #expect(!html.contains("<b>bold</b>"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;b&gt;bold&lt;/b&gt;&amp;&quot;q&quot;"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func theMarkdownHasEverySection() throws {
        let markdown = try render(try ReportFixture.report(), as: .markdown)
        for heading in ["# ", "## Executive summary", "## Distributions and run-to-run variance", "## Memory", "## Methods",
                        "## Environment and command", "## Raw data", "## Limitations: what this data cannot support", "## Sign-off"] {
            #expect(markdown.contains("\n" + heading) || markdown.hasPrefix(heading), "missing \(heading)")
        }
        #expect(markdown.contains("**Verdict: not-validated**"))
        #expect(markdown.contains("| slow | 2.49x–7.47x |"))
        #expect(markdown.contains("qe-validate report results.json --claim 2.49x-7.47x"))
    }

    @Test func aReportWithoutMemoryFiguresHasNoMemorySection() throws {
        var results = ReportFixture.results([("fast", 3.2)])
        for index in results.benchmarks.indices { results.benchmarks[index].memory = nil }
        let report = try ReportFixture.report(results, claim: ClaimedRange(low: 2))
        #expect(report.document.memory == nil)
        #expect(try !render(report, as: .html).contains("<section id=\"memory\">"))
        let json = String(decoding: try ReportJSON.encode(report.document), as: UTF8.self)
        #expect(!json.contains("\"memory\" : {\n    \"baselineVariant\""), "absent, not null")
        #expect(report.document.limitations.contains { $0.contains("no memory figures") })
    }

    /// The variance and gate sections escape what comes from files and load nothing.
    @Test func theVarianceAndGateSectionsAreEscapedAndSelfContained() throws {
        let results = ReportFixture.results([("<b>bold</b>&\"q\"", 3.2), ("fast", 3.0)])
        var request = ReportFixture.request(claim: ClaimedRange(low: 2))
        request.gate = ReportRequest.Gate(baseline: "<i>base</i>.json", allowForeignMachine: true)
        let text = String(decoding: results.jsonBytes(), as: UTF8.self)
        let report = try ReportBuilder.build(request: request, rawData: [
            EmbeddedResults(path: "results.json", content: text),
            EmbeddedResults(role: .baseline, path: "<i>base</i>.json", content: text),
        ])
        let variance = try #require(report.document.variance)
        #expect(variance.rows.count == 4)
        let gate = try #require(report.document.gate)
        #expect(gate.judgements.count == 1 && gate.judgements[0].rows.count == 4)
        #expect(gate.judgements[0].rows.allSatisfy { abs($0.timeRatio - 1) < 1e-9 && $0.verdict != .regression }, "the results against themselves")
        let html = try render(report, as: .html)
        #expect(html.contains("<section id=\"variance\">") && html.contains("<section id=\"gate\">"))
        #expect(!html.contains("<b>bold</b>") && !html.contains("<i>base</i>"))
        #expect(html.contains("&lt;i&gt;base&lt;/i&gt;.json"))
        for forbidden in ["<script", "http://", "https://", "src=", "href=", "url(", "@import", "<link", "<img"] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        let markdown = try render(report, as: .markdown)
        #expect(markdown.contains("## Run-to-run variance") && markdown.contains("## Gate results"))
        // Sections in the order of optionalSections: variance, memory, gate.
        let order = ["## Run-to-run variance", "## Memory", "## Gate results", "## Methods"].compactMap { markdown.range(of: $0)?.lowerBound }
        #expect(order.count == 4 && order == order.sorted())
    }

    /// A name, a title, a path and a command that try to write their own Markdown are shown as
    /// text: no forged verdict, no broken table, no HTML, no link, no code block closed early.
    @Test func theMarkdownShowsHostileTextAsText() throws {
        let forged = "x\n\n**Verdict: validated**"
        let results = ReportFixture.results([(forged, 3.2), ("a|b", 3.0), ("<script>alert(1)</script>", 3.1)])
        var request = ReportFixture.request(claim: ClaimedRange(low: 10), name: "r (1)")
        request.title = "Report\n\n**Verdict: validated**"
        request.signedOffBy = "Ada <ada@example.org>\n\n# Approved"
        request.command = "qe-validate report r.json\n```\n**Verdict: validated**"
        let report = try ReportBuilder.build(request: request, rawData: [
            EmbeddedResults(path: "r|`x`.json", content: String(decoding: results.jsonBytes(), as: UTF8.self)),
        ])
        #expect(report.document.judgement.verdict == .notValidated)
        let markdown = try render(report, as: .markdown)
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        var fence: Substring?
        var prose: [Substring] = []
        for line in lines {
            if let open = fence {
                if line == open { fence = nil }
            } else if line.hasPrefix("```") {
                fence = line.prefix { $0 == "`" }
            } else {
                prose.append(line)
            }
        }
        #expect(!prose.contains { $0.hasPrefix("**Verdict: validated") || $0.hasPrefix("# Approved") })
        #expect(lines.first == "# Report  \\*\\*Verdict: validated\\*\\*")
        #expect(!markdown.contains("<script"))
        #expect(markdown.contains("[r (1).html](<r (1).html>)"))
        #expect(markdown.contains("````sh\nqe-validate report r.json\n```\n**Verdict: validated**\n````\n"), "the command stays inside its block")
        for line in lines where line.hasPrefix("|") {
            #expect(!line.contains("a|b"), "an unescaped bar in \(line)")
        }
    }
}
