import Foundation
import QEPresentation
import QEReports
import QEResults
import QETestSupport
import QEValidation
import Testing

/// A report of a sweep's results file: the sweep section (points, crossover, fits) in every
/// rendering, the log-log plot inline on the page, `verify` recomputing it; and no section for
/// results that are not a sweep.
@Suite("Report of a sweep")
struct SweepSectionTests {
    /// Speedups 0.9x, 1.0x, 1.5x, 1.8x, 2.2x at seqLen 256–4096, dim 64; claim ≥ 1.2x.
    static func sweepReport(_ file: ResultsFile = SweepFixtures.file(speedups: [64: [0.9, 1.0, 1.5, 1.8, 2.2]])) throws -> Report {
        let request = ReportRequest(
            name: "sweep", command: "qe-validate report sweep.json --claim 1.2x --date 2026-12-06T00:00:00Z",
            claims: ClaimSet(global: ClaimedRange(low: 1.2)), options: ClaimOptions(bootstrapReplicates: 400),
            date: "2026-12-06T00:00:00Z")
        return try ReportBuilder.build(
            request: request, rawData: [EmbeddedResults(path: "sweep.json", content: String(decoding: file.jsonBytes(), as: UTF8.self))])
    }

    @Test func theSectionIsTheSweepJudgesJudgementWithTheReportsOptions() throws {
        let report = try Self.sweepReport()
        let section = try #require(report.document.sweep)
        let direct = try SweepJudge(options: SweepOptions(claim: ClaimedRange(low: 1.2), scalingReplicates: 400))
            .judge(file: SweepFixtures.file(speedups: [64: [0.9, 1.0, 1.5, 1.8, 2.2]]), path: "sweep.json")
        #expect(section.sweep.points == direct.points)
        #expect(section.sweep.scaling == direct.scaling)
        #expect(section.file == "sweep.json")
        let crossover = try #require(section.sweep.crossover)
        #expect(crossover.value == 1024, "the claim holds from 1.5x on")
        #expect(report.document.optionalSections.first?.anchor == "sweep")
    }

    @Test func thePageHasThePointsTheFitsAndTheLogLogPlotInline() throws {
        let report = try Self.sweepReport()
        let html = try render(report, as: .html)
        #expect(html.contains("<section id=\"sweep\">"))
        for forbidden in ["<script", "http://", "https://", "src=", "href=", "url(", "@import", "xmlns"] {
            #expect(!html.contains(forbidden), "the page contains \(forbidden)")
        }
        let verdicts = ["refuted", "refuted", "holds", "holds", "holds"]
        for (seqLen, verdict) in zip([256, 512, 1024, 2048, 4096], verdicts) {
            #expect(html.contains("<tr data-point=\"dim=64, seqLen=\(seqLen)\" data-verdict=\"\(verdict)\">"), "seqLen \(seqLen)")
        }
        #expect(html.contains("<table class=\"sweep-scaling\">"))
        #expect(html.contains("Crossover along seqLen: the claim ≥ 1.2x holds for flash from seqLen = 1024 on"))
        let figure = try #require(html.components(separatedBy: "<figure class=\"plot\" data-plot=\"sweep\">").dropFirst().first)
        let svg = try #require(figure.components(separatedBy: "</svg>").first)
        #expect(svg.hasPrefix("\n<svg class=\"plot-sweep\""))
        // Time: 5 sizes × 5 runs × 2 variants; working set: 5 sizes × 2 variants; a 40-segment
        // curve per variant and panel.
        #expect(svg.components(separatedBy: "class=\"point\"").count - 1 == 5 * 5 * 2 + 5 * 2)
        #expect(svg.components(separatedBy: "class=\"fit\"").count - 1 == 4 * 40)
        #expect(svg.contains("data-variant=\"baseline\"") && svg.contains("data-variant=\"flash\""))
        // The standalone plot is the same drawing with its namespace.
        let sweep = try #require(report.document.sweep)
        let standalone = try #require(SweepPlot(document: sweep.sweep).svg())
        #expect(standalone == "<svg xmlns=\"http://www.w3.org/2000/svg\"" + svg.dropFirst("\n<svg".count) + "</svg>\n")
    }

    @Test func theMarkdownHasTheTablesAndPointsToThePlot() throws {
        let markdown = try render(try Self.sweepReport(), as: .markdown)
        let section = try #require(markdown.components(separatedBy: "\n## Sweep: where the speedup holds and how cost grows\n").dropFirst().first)
        #expect(section.contains("| 64 | 1024 | 1."))
        #expect(section.contains("**How cost grows** (cost ≈ a + b·nᵏ)"))
        #expect(section.contains("| flash | working set | seqLen | dim=64 | 1.00 |"))
        #expect(section.contains("The log-log plot of time and working set against seqLen, with every run and the fitted curves, is in the HTML page."))
        #expect(!section.contains("<svg"))
    }

    @Test func aSweepReportVerifiesAndAnEditedExponentFails() throws {
        let files = try ReportFiles(try Self.sweepReport(), signingKey: nil)
        let verification = try ReportVerifier(tolerance: 0, trustedKey: nil)
            .verify(bytes: files.json, path: "sweep.json", signature: nil, signaturePath: "sweep.json.sig")
        #expect(verification.failures.isEmpty, "\(verification.failures.map(\.details))")
        let text = String(decoding: files.json, as: UTF8.self)
        let scaling = try #require(text.range(of: "\"scaling\" : ["))
        let exponent = try #require(text.range(of: "\"estimate\" : ", range: scaling.upperBound..<text.endIndex))
        let edited = Array(text.replacingCharacters(in: exponent, with: "\"estimate\" : 7").utf8)
        let failed = try ReportVerifier(tolerance: 0, trustedKey: nil)
            .verify(bytes: edited, path: "sweep.json", signature: nil, signaturePath: "sweep.json.sig")
        let statistics = try #require(failed.failures.first { $0.name == "statistics" })
        #expect(statistics.details.joined().contains("sweep"))
    }

    @Test func resultsThatAreNotASweepHaveNoSweepSection() throws {
        let report = try ReportFixture.report()
        #expect(report.document.sweep == nil)
        #expect(try !render(report, as: .html).contains("id=\"sweep\""))
        #expect(try !render(report, as: .markdown).contains("## Sweep"))
        let json = String(decoding: try ReportJSON.encode(report.document), as: UTF8.self)
        #expect(!json.contains("\"sweep\""), "absent, not null")
    }

    @Test func parameterNamesFromTheFileAreEscaped() throws {
        var file = SweepFixtures.file(speedups: [64: [0.9, 1.0, 1.5, 1.8, 2.2]])
        for index in file.benchmarks.indices {
            let parameters = file.benchmarks[index].parameters
            file.benchmarks[index].parameters = ["<i>len</i>": parameters["seqLen"] ?? .number(0), "dim": parameters["dim"] ?? .number(0)]
        }
        let report = try Self.sweepReport(file)
        let html = try render(report, as: .html)
        #expect(!html.contains("<i>len</i>"))
        #expect(html.contains("&lt;i&gt;len&lt;/i&gt;"))
        let markdown = try render(report, as: .markdown)
        #expect(!markdown.contains("<i>len</i>"))
    }
}
