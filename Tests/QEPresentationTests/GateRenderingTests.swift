import QEPresentation
import QEResults
import QETestSupport
import QEValidation
import Testing

/// The gate's verdict in every format.
@Suite("Gate rendering")
struct GateRenderingTests {
    func judge(baseline: ResultsFile, results: ResultsFile, options: GateOptions = GateOptions()) throws -> GateDocument {
        try GateJudge(options: options).judge(
            baseline: .init(path: "baseline.json", results: baseline), results: .init(path: "results.json", results: results))
    }

    @Test func everyFormatRenders() throws {
        let document = try judge(baseline: GateFixtures.file(seed: 1), results: GateFixtures.file(factors: ["beta": 1.2], seed: 2))
        let text = try render(document, as: .text)
        #expect(text.contains("\nGATE: REGRESSION — "))
        let markdown = try render(document, as: .markdown)
        #expect(markdown.hasPrefix("### Performance gate: ❌ regression"))
        #expect(markdown.contains("| benchmark | variant | baseline | results | change |"))
        let csv = try render(document, as: .csv)
        #expect(csv.split(separator: "\n").count == 1 + document.benchmarks.count)
        #expect(csv.contains(",regression,regression,ns"))
        #expect(throws: RenderingError.self) { try render(document, as: .html) }
    }

    @Test func benchmarksOnOneSideAreListedInMarkdown() throws {
        let document = try judge(
            baseline: GateFixtures.file(names: ["alpha", "beta"], seed: 1), results: GateFixtures.file(names: ["alpha", "gamma"], seed: 2))
        let markdown = try render(document, as: .markdown)
        #expect(markdown.contains("- gamma (flash): in the results, not in the baseline"))
        #expect(markdown.contains("- beta (baseline): in the baseline, not in the results"))
    }

    @Test func theLegendNamesTheRunStatisticAndTheMethod() throws {
        let baseline = GateFixtures.file(names: ["alpha"], variants: ["baseline"], seed: 1)
        let results = GateFixtures.file(names: ["alpha"], variants: ["baseline"], seed: 2)
        #expect(try render(try judge(baseline: baseline, results: results), as: .text).contains("each run's fastest iteration"))
        let median = try judge(baseline: baseline, results: results, options: GateOptions(runStatistic: .median))
        #expect(try render(median, as: .text).contains("each run's median"))
        let bootstrap = try judge(baseline: baseline, results: results, options: GateOptions(method: .hierarchicalBootstrap, bootstrapReplicates: 500))
        #expect(try render(bootstrap, as: .text).contains("HB: hierarchical bootstrap of the ratio of mean times, runs then iterations (B = 500, seed "))
    }
}
