import Foundation
import QEPresentation
import QEValidation
import Testing

/// The bisection's text and Markdown, on documents put together from a known search.
@Suite("Bisect rendering")
struct BisectRenderingTests {
    /// A bisection of 8 commits (positions 1…8): 4 skipped (its build failed), 5 bad, 2 good,
    /// 3 bad — so 3 is the first bad commit — or, with `premiseConfirmed: false`, nothing
    /// bisected. `subjects[i]` is commit i's subject (0: good).
    static func document(subjects: [String]? = nil, premiseConfirmed: Bool = true) throws -> BisectDocument {
        let names = subjects ?? (0...8).map { "commit \($0)" }
        let commits = (0...8).map { BisectCommit(commit: String(repeating: String($0), count: 40), subject: names[$0]) }
        let options = BisectOptions(threshold: 0.05, confidence: 0.95, maxRuns: 20)
        let judge = try BisectJudge(candidates: 8, options: options)
        let premise = BisectPremise(
            ratio: premiseConfirmed ? BisectRatio(estimate: 1.2, low: 1.15, high: 1.25) : BisectRatio(estimate: 1.0, low: 0.98, high: 1.02),
            confirmed: premiseConfirmed, runs: 9)
        var search = BisectSearch(candidates: 8)
        var steps: [BisectStep] = []
        if premiseConfirmed {
            func measured(_ position: Int, _ classification: BisectClassification, _ ratio: Double) {
                steps.append(BisectStep(
                    commit: commits[position], position: position, classification: classification,
                    ratio: BisectRatio(estimate: ratio, low: ratio - 0.02, high: ratio + 0.02), midpoint: 1.1, runs: 9, seconds: 3.5,
                    error: nil))
                search.record(classification, at: position)
            }
            steps.append(BisectStep(skipped: commits[4], position: 4, runs: 0, seconds: 0.25, error: "the build failed with status 2: loop.c:3: error"))
            search.record(.skip, at: 4)
            measured(5, .bad, 1.2)
            measured(2, .good, 1.0)
            measured(3, .bad, 1.2)
        }
        return BisectDocument(
            good: commits[0], bad: commits[8], commits: Array(commits.dropFirst()), premise: premise, steps: steps, search: search,
            judge: judge, limit: nil, setup: BisectSetup(kind: .command, command: "./loop", clock: .cpu, build: "cc -o loop loop.c"),
            seconds: 42)
    }

    @Test func textNamesTheFirstBadCommitAndEveryStep() throws {
        let text = try render(try Self.document(), as: .text)
        #expect(text.hasPrefix("First bad commit: \(String(repeating: "3", count: 40))\n  commit 3\n"))
        #expect(text.contains("Premise: bad ÷ good is 1.20x [1.15x, 1.25x] over 9 rounds: slower by more than 5%, confirmed"))
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("4444") || $0.hasPrefix("5555") || $0.hasPrefix("2222") || $0.hasPrefix("3333") }
        #expect(rows.count == 4)
        #expect(rows.first?.hasPrefix("444444444444 ") == true, "in the order tested, 12 digits: \(rows)")
        #expect(rows.first?.contains("4/8  commit 4") == true)
        #expect(rows.first?.hasSuffix("skip ¹") == true)
        #expect(rows.last?.hasSuffix("bad") == true)
        #expect(text.contains("¹ 444444444444: the build failed with status 2: loop.c:3: error"))
        #expect(text.contains("'./loop' timed as a whole process (CPU time), the fastest of 3 invocations per build per round, built with 'cc -o loop loop.c'"))
        #expect(text.contains("at most 5% (Bonferroni over 8 decisions, 4 taken, each looking at 9, 14 and 20 rounds, "
            + "or, extending one still open at the run limit with its rounds kept, at 29, 34 and 40:"))
        #expect(text.hasSuffix("BISECT: FOUND — 333333333333 “commit 3” is the first bad commit: it is slower than 222222222222 before it by more than half the way from good to bad\n"))
    }

    @Test func aRefusedPremiseSaysSoAndListsNoSteps() throws {
        let document = try Self.document(premiseConfirmed: false)
        #expect(document.conclusion == .premiseNotConfirmed)
        #expect(ExitStatus(document.conclusion) == .inconclusive)
        let text = try render(document, as: .text)
        #expect(!text.contains("First bad commit"))
        #expect(!text.contains("classification"))
        #expect(text.hasSuffix("BISECT: NOT BISECTED — bad is not slower than good by more than 5%: bad ÷ good is 1.00x [0.980x, 1.02x]; nothing was bisected\n"))
        let markdown = try render(document, as: .markdown)
        #expect(markdown.hasPrefix("### Bisection: ⚠️ no slowdown to bisect\n"))
    }

    @Test func markdownHasOneRowPerStepAndTheSkippedCommitsError() throws {
        let markdown = try render(try Self.document(), as: .markdown)
        #expect(markdown.hasPrefix("### Bisection: ✅ first bad commit found\n\n333333333333 “commit 3” is the first bad commit"))
        #expect(markdown.contains("| `555555555555` | 5/8 | commit 5 | 1.20x | [1.18x, 1.22x] | 1.10x | 9 | 3.500s | **bad** |"))
        #expect(markdown.contains("- `444444444444` skipped: the build failed with status 2: loop.c:3: error"))
        #expect(markdown.contains("- Measured: `./loop` timed as a whole process (CPU time)"))
    }

    @Test func csvIsNotOneOfItsForms() throws {
        #expect(throws: RenderingError.self) { try render(try Self.document(), as: .csv) }
    }

    @Test func jsonHasTheSchemaAndNullsWhereNothingApplies() throws {
        let json = try render(try Self.document(premiseConfirmed: false), as: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "qe-validate/bisect@1")
        #expect(object["firstBad"] is NSNull)
        #expect((object["range"] as? [String: String])?["from"] == String(repeating: "0", count: 40))
    }
}
