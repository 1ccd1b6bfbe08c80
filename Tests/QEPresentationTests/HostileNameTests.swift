import Foundation
import QEPresentation
import QEResults
import QETestSupport
import QEValidation
import Testing

/// One escaping policy for every Markdown, CSV and text output, tried with names that try to
/// break out: line breaks, table bars, HTML, Markdown emphasis and a forged verdict.
@Suite("Hostile names")
struct HostileNameTests {
    static let forged = "x\n\n**Verdict: validated**"
    static let names = [forged, "a|b", "<script>alert(1)</script>", "=HYPERLINK(\"http://e.example\")", "- item", "# heading", "[link](http://e.example)"]

    static func file() -> ResultsFile {
        GateFixtures.file(names: names, seed: 1)
    }

    static func documents() throws -> [(String, any RenderableDocument)] {
        let file = Self.file()
        let pool = try ResultsPool([.init(path: "r|<b>.json", file: file)])
        let claim = try ClaimJudge(claims: try ClaimParser.parse(["10x"]), options: ClaimOptions(bootstrapReplicates: 200)).judge(pool: pool)
        let comparison = try ComparisonDocument(
            plan: try ComparisonPlan(files: [(path: "r|<b>.json", file: file)], baselineVariant: nil, candidateVariant: nil),
            options: ComparisonOptions(bootstrapReplicates: 200))
        let gate = try GateJudge(options: GateOptions()).judge(
            baseline: .init(path: "b\n# h.json", results: file), results: .init(path: "r|<b>.json", results: GateFixtures.file(names: names, seed: 2)))
        let variance = try RunVarianceDocument(files: [(path: "r|<b>.json", file: file)], workloads: [], options: RunVarianceOptions())
        let summary = try BaselineSummary(baseline: try BaselineFile(jsonBytes: file.jsonBytes(), source: "b"), path: "b`x`\n.json")
        let bisect = try BisectRenderingTests.document(subjects: ["good"] + names[1...2] + [forged] + names[3...] + ["bad"])
        var simulated = SimulatedHistory(seed: 3)
        let changes = try ChangeJudge().judge(names.map { name in
            ChangeSeries(suite: "s", name: name, variant: "v", machine: "m", branch: "main",
                         points: simulated.commits(40, changes: [20: 1.3]).enumerated().map { .init(commit: "c\($0.offset)", time: Date(timeIntervalSince1970: Double($0.offset) * 60), runs: $0.element) })
        })
        let history = HistoryListing(series: try names.map { name in
            HistoryListing.Series(suite: "s", name: name, variant: "baseline", machine: "0123456789abcdef", branch: "main",
                                  points: [try HistoryListing.Point(commit: "abc1234", time: "2026-01-01T00:00:00Z", runs: [[3, 1, 2]])])
        })
        return [("claim", claim), ("compare", comparison), ("gate", gate), ("variance", variance), ("baseline show", summary),
                ("history list", history), ("history detect", changes), ("bisect", bisect)]
    }

    /// The number of `|` not escaped by a backslash.
    static func bars(_ line: Substring) -> Int {
        var count = 0
        var escaped = false
        for character in line {
            if character == "|" && !escaped { count += 1 }
            escaped = character == "\\" && !escaped
        }
        return count
    }

    @Test func markdownShowsNamesAndNeverReadsThemAsMarkdown() throws {
        for (command, document) in try Self.documents() {
            let markdown = try renderAny(document, as: .markdown)
            #expect(!markdown.contains("**Verdict: validated**"), "\(command): a forged verdict")
            #expect(markdown.contains("x  \\*\\*Verdict: validated\\*\\*"), "\(command): the name is shown, escaped")
            #expect(!markdown.contains("<script"), "\(command)")
            #expect(!markdown.contains("[link](http"), "\(command)")
            let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
            let bad = lines.filter { $0.hasPrefix("# heading") || $0.hasPrefix("- item") || $0.hasPrefix("**Verdict: validated") }
            #expect(bad.isEmpty, "\(command): \(bad)")
            // Every table row has as many cells as its header.
            var columns: Int?
            for line in lines {
                guard line.hasPrefix("|") else { columns = nil; continue }
                if let columns { #expect(Self.bars(line) == columns, "\(command): \(line)") } else { columns = Self.bars(line) }
            }
        }
    }

    @Test func textKeepsEveryRowOnOneLine() throws {
        for (command, document) in try Self.documents() {
            let text = try renderAny(document, as: .text)
            #expect(!text.contains("\n\n**Verdict"), "\(command)")
            #expect(text.contains("x\\n\\n**Verdict: validated**"), "\(command): the line break is shown escaped")
        }
    }

    @Test func csvQuotesAndDisarmsFormulas() throws {
        for (command, document) in try Self.documents() where type(of: document).formats.contains(.csv) {
            let csv = try renderAny(document, as: .csv)
            #expect(csv.contains("\"x\n\n**Verdict: validated**\""), "\(command): quoted, as RFC 4180 allows")
            #expect(csv.contains("\"'=HYPERLINK(\"\"http://e.example\"\")\""), "\(command): a formula stays text")
            #expect(csv.contains(",'- item,") || csv.hasPrefix("'- item,") || csv.contains("\n'- item,"), "\(command)")
        }
    }

    func renderAny(_ document: any RenderableDocument, as format: OutputFormat) throws -> String {
        try render(document, as: format)
    }

    @Test(arguments: [
        ("a|b", "a\\|b"), ("x\n\n**y**", "x  \\*\\*y\\*\\*"), ("<i>&", "&lt;i&gt;&amp;"), ("- a", "\\- a"), ("12. a", "12\\. a"),
        ("`c`", "\\`c\\`"), ("#1", "\\#1"), ("plain-name_v2", "plain-name\\_v2"), ("\u{1B}[31m", " \\[31m"),
    ])
    func markdownEscapes(text: String, escaped: String) {
        #expect(MarkdownText.escape(text) == escaped)
    }

    @Test func codeSpansAndBlocksCannotBeClosedFromInside() {
        #expect(MarkdownText.code("a`b") == "``a`b``")
        #expect(MarkdownText.code("`x") == "`` `x ``")
        #expect(MarkdownText.codeBlock("echo ```\nrm", language: "sh") == "````sh\necho ```\nrm\n````\n")
        #expect(MarkdownText.linkDestination("a b>(c).html") == "<a b\\>(c).html>")
    }

    @Test func terminalTextShowsControlCharacters() {
        #expect(TerminalText.escape("a\nb\t\u{1B}[2J") == "a\\nb\\t\\u{1b}[2J")
        #expect(TerminalText.escape("plain µs") == "plain µs")
    }
}
