import Foundation
import QEPresentation
import QEResults
import QETestSupport
import QEValidation
import Testing

/// A claim's verdict in text and Markdown.
@Suite("Claim rendering")
struct ClaimRenderingTests {
    /// Two workloads, 4x faster, whose runs differ clearly (10% run-to-run shifts).
    func document() throws -> ClaimDocument {
        let file = GateFixtures.file(names: ["alpha", "beta"], runs: 6, betweenSigma: 0.1, seed: 5)
        let pool = try ResultsPool([.init(path: "r.json", file: file)])
        return try ClaimJudge(claims: try ClaimParser.parse(["2x"]), options: ClaimOptions()).judge(pool: pool)
    }

    @Test func differingRunsAreSaidOnceNotPerVariant() throws {
        let document = try document()
        let differing = document.benchmarks.flatMap(\.differingRuns)
        try #require(differing.count >= 2, "the fixture's runs differ")
        let text = try render(document, as: .text)
        #expect(text.contains("• runs differ from each other in \(differing.count) of 4 variants (Kruskal–Wallis p"))
        #expect(text.contains("the paired-runs interval treats runs as the units\n"))
        #expect(!text.contains("the runs of baseline differ"), "no footnote per variant")
        let markdown = try render(document, as: .markdown)
        #expect(markdown.components(separatedBy: "runs differ from each other in").count == 2)
        // The JSON keeps every variant's figures.
        let json = try render(document, as: .json)
        #expect(json.components(separatedBy: "differ from each other (Kruskal–Wallis p").count - 1 == differing.count)
        #expect(!json.contains("differingRuns"))
    }

    @Test func aDecodedDocumentRendersItsWarningsAsFootnotes() throws {
        let document = try document()
        let decoded = try DocumentJSON.decoder().decode(ClaimDocument.self, from: Data(try render(document, as: .json).utf8))
        #expect(decoded.benchmarks.allSatisfy { $0.differingRuns.isEmpty })
        #expect(try render(decoded, as: .text).contains("alpha: the runs of "))
    }
}
