import Foundation
import QEPresentation
import QEResults
import QETestSupport
import QEValidation
import Testing

@Suite("history detect's renderings and the trend pages")
struct ChangeRenderingTests {
    static func series(_ name: String, commits: [[[Double]]], machine: String = "m1") -> ChangeSeries {
        ChangeSeries(
            suite: "flash-attention", name: name, variant: "flash", machine: machine, branch: "main",
            points: commits.enumerated().map { index, runs in
                .init(commit: Self.commit(index + 1), time: Date(timeIntervalSince1970: 1_700_000_000 + 3600 * Double(index)), runs: runs)
            })
    }

    /// A 40-digit commit id whose first 12 digits are `number`.
    static func commit(_ number: Int) -> String { String(format: "%012x", number) + String(repeating: "a", count: 28) }

    static func document() throws -> ChangeDocument {
        var history = SimulatedHistory(seed: 21)
        return try ChangeJudge().judge([
            series("test-similarity", commits: history.commits(90, changes: [40: 1.2, 70: 0.85])),
            series("code-embedding", commits: history.commits(60)),
        ], store: "sqlite:/tmp/h.sqlite")
    }

    @Test("text: one row per change point with the commits, direction and change; the quiet series; the summary")
    func text() throws {
        let text = try render(Self.document(), as: .text)
        let lines = text.split(separator: "\n")
        #expect(lines[0].hasPrefix("benchmark"))
        #expect(lines[1].contains("flash-attention/test-similarity") && lines[1].contains("000000000028..000000000029") && lines[1].contains("regression") && lines[1].contains("+2"))
        #expect(lines[2].contains("improvement") && lines[2].contains("−1"))
        #expect(text.contains("No change in: flash-attention/code-embedding (flash) on m1, main"))
        #expect(text.hasSuffix("CHANGES: 2 series, 2 change points (1 regression, 1 improvement)\n"))
        #expect(text.contains("Store: sqlite:/tmp/h.sqlite"))
    }

    @Test("Markdown and CSV: every change point, every series")
    func markdownAndCSV() throws {
        let document = try Self.document()
        let markdown = try render(document, as: .markdown)
        #expect(markdown.hasPrefix("### Change points: 2 series, 2 change points"))
        #expect(markdown.contains("❌ **regression**") && markdown.contains("🚀 improvement"))
        let csv = try render(document, as: .csv).split(separator: "\n")
        #expect(csv.count == 4)
        #expect(csv[1].hasPrefix("flash-attention,test-similarity,flash,m1,main,90,\(Self.commit(41)),\(Self.commit(40)),40,"))
        #expect(csv[1].contains(",regression,"))
        #expect(csv[3].hasPrefix("flash-attention,code-embedding,flash,m1,main,60,,,,,,,,,,,ns"))
    }

    @Test("JSON: ISO 8601 times, and it reads back as the same document")
    func json() throws {
        let document = try Self.document()
        let text = try render(document, as: .json)
        #expect(text.contains("\"time\" : \"2023-11-16T15:13:20Z\""))
        let decoded = try DocumentJSON.decoder().decode(ChangeDocument.self, from: Data(text.utf8))
        #expect(decoded == document)
    }

    @Test("trend site: an index row per series, a page per series with every run drawn, the levels and the change points")
    func site() throws {
        let document = try Self.document()
        let site = TrendSite(document: document, commitURL: "https://example.org/r/commit/{sha}", generatedAt: Date(timeIntervalSince1970: 0))
        let pages = site.pages()
        #expect(pages.map(\.fileName) == ["index.html", "series-1.html", "series-2.html"])
        for page in pages {
            #expect(page.html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""))
            #expect(!page.html.contains("<script") && !page.html.contains("src=") && !page.html.contains("url("))
        }
        let index = pages[0].html
        #expect(index.components(separatedBy: "<tr data-series=").count - 1 == 2)
        #expect(index.contains("<tr data-series=\"1\" data-change-points=\"2\">"))
        #expect(index.contains("href=\"series-2.html\""))
        #expect(index.components(separatedBy: "class=\"sparkline\"").count - 1 == 2)
        let first = pages[1].html
        // Every run of every commit is a point: 90 commits × 5 runs.
        #expect(first.components(separatedBy: "class=\"point\"").count - 1 == 450)
        #expect(first.components(separatedBy: "class=\"segment-level\"").count - 1 == 3)
        let marked = first.components(separatedBy: "<g class=\"change-point ").dropFirst().map { $0.prefix(while: { $0 != "\"" }) }
        #expect(marked == ["regression", "improvement"])
        let rows = first.components(separatedBy: "<tr class=\"change-point").count - 1
        #expect(rows == 2)
        #expect(first.contains("data-commit=\"\(document.series[0].changePoints[0].commit)\" data-index=\"40\" data-direction=\"regression\""))
        #expect(first.contains("<a href=\"https://example.org/r/commit/\(document.series[0].changePoints[0].commit)\">"))
        #expect(pages[2].html.contains("id=\"no-change-points\""))
    }

    @Test("trend site without a commit URL links change points to their rows; hostile names are escaped")
    func hostile() throws {
        var history = SimulatedHistory(seed: 22)
        let document = try ChangeJudge().judge([Self.series("<script>x</script>", commits: history.commits(30, changes: [15: 1.3]), machine: "\"m")])
        let page = TrendSite(document: document, generatedAt: Date(timeIntervalSince1970: 0)).pages()[1].html
        #expect(!page.contains("<script>"))
        #expect(page.contains("&lt;script&gt;x&lt;/script&gt;"))
        #expect(page.contains("<a href=\"#change-15\">"))
        #expect(!page.contains("https://"))
    }
}
