import QETestSupport
import QEValidation
import Testing

/// The bisection's decisions against R 4.2's `wilcox.test` (signed rank, exact) on per-round log differences
/// (scripts/reference/bisect.R).
struct BisectReference: Decodable {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        struct Expected: Decodable, Sendable {
            let outcome: String
            let ratio: [Double]
            let midpoint: Double?
        }
        let id: String
        let kind: String
        let candidates: Int
        let maxRuns: Int
        let confidence: Double
        let threshold: Double
        let decisions: Int
        let looks: [Int]
        let extendedLooks: [Int]
        /// A commit measured again after it was undecided, its earlier rounds kept.
        let continuing: Bool
        let lookShare: Int
        let intervalConfidence: Double
        let good: [Double]
        let bad: [Double]
        let candidate: [Double]?
        let expected: Expected
        var testDescription: String { id }

        /// The looks the decision uses: the premise both schedules, a commit one of them.
        var schedule: [Int] {
            kind == "premise" ? looks + extendedLooks : (continuing ? extendedLooks : looks)
        }

        var rounds: [BisectRound] {
            good.indices.map { BisectRound(good: good[$0], bad: bad[$0], candidate: candidate?[$0]) }
        }
    }
    let cases: [Case]
    static let all: [Case] = (try? ReferenceFiles.load(BisectReference.self, named: "bisect.json").cases) ?? []
}

@Suite("Bisection decisions against R")
struct BisectJudgeReferenceTests {
    @Test func fileLoads() {
        #expect(BisectReference.all.count >= 17)
        #expect(BisectReference.all.contains { $0.continuing })
        #expect(Set(BisectReference.all.map(\.expected.outcome)) ==
                ["confirmed", "not-confirmed", "measure", "good", "bad", "undecided"])
    }

    @Test(arguments: BisectReference.all)
    func budgetMatchesTheDefinition(_ reference: BisectReference.Case) throws {
        let judge = try BisectJudge(candidates: reference.candidates, options: options(reference))
        #expect(judge.budget.decisions == reference.decisions)
        #expect(judge.budget.looks == reference.looks)
        #expect(judge.budget.extendedLooks == reference.extendedLooks)
        #expect(judge.budget.lookShare == reference.lookShare)
        #expect(isClose(judge.budget.intervalConfidence, reference.intervalConfidence, relative: 1e-15))
    }

    @Test(arguments: BisectReference.all.filter { $0.kind == "premise" })
    func premiseMatchesR(_ reference: BisectReference.Case) throws {
        let judge = try BisectJudge(candidates: reference.candidates, options: options(reference))
        switch try judge.premise(reference.rounds) {
        case let .measure(untilRuns):
            #expect(reference.expected.outcome == "measure")
            #expect(untilRuns == reference.schedule.first { $0 > reference.good.count })
        case let .decided(premise):
            #expect(reference.expected.outcome == (premise.confirmed ? "confirmed" : "not-confirmed"))
            #expect(premise.runs == reference.good.count)
            expectRatio(premise.ratio, reference.expected.ratio)
        }
    }

    @Test(arguments: BisectReference.all.filter { $0.kind == "commit" })
    func commitMatchesR(_ reference: BisectReference.Case) throws {
        let judge = try BisectJudge(candidates: reference.candidates, options: options(reference))
        switch try judge.step(reference.rounds, continuing: reference.continuing) {
        case let .measure(untilRuns):
            #expect(reference.expected.outcome == "measure")
            #expect(untilRuns == reference.schedule.first { $0 > reference.good.count })
        case let .decided(step):
            #expect(step.classification.rawValue == reference.expected.outcome)
            #expect(step.runs == reference.good.count)
            expectRatio(step.ratio, reference.expected.ratio)
            #expect(isClose(step.midpoint, try #require(reference.expected.midpoint), relative: 1e-12))
        }
    }

    private func options(_ reference: BisectReference.Case) -> BisectOptions {
        BisectOptions(threshold: reference.threshold, confidence: reference.confidence, maxRuns: reference.maxRuns)
    }

    private func expectRatio(_ ratio: BisectRatio, _ expected: [Double]) {
        #expect(expected.count == 3)
        #expect(isClose(ratio.estimate, expected[0], relative: 1e-12))
        #expect(isClose(ratio.low, expected[1], relative: 1e-12), "low \(ratio.low) R \(expected[1])")
        #expect(isClose(ratio.high, expected[2], relative: 1e-12), "high \(ratio.high) R \(expected[2])")
    }
}
