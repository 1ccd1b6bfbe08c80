import Foundation
import QEResults
import QETestSupport
import QEValidation
import Testing

/// The stopping rule of `--until-decided`, judged directly on claim documents.
@Suite("Sequential design")
struct SequentialDesignTests {
    /// The judgement of 4x-faster data (GateFixtures' flash variant) against `claim`.
    func document(claim: String, runs: Int = 5) throws -> ClaimDocument {
        let file = GateFixtures.file(names: ["alpha"], runs: runs, seed: 3)
        let pool = try ResultsPool([.init(path: "r.json", file: file)])
        return try ClaimJudge(claims: try ClaimParser.parse([claim]), options: ClaimOptions()).judge(pool: pool)
    }

    @Test func theErrorRateSpentOverAllLooksIsAtMostAlpha() {
        let total = (1...100_000).reduce(0.0) { $0 + SequentialDesign.alpha(look: $1, family: 0.05) }
        #expect(total < 0.05 && total > 0.0499)
        #expect(isClose(SequentialDesign.alpha(look: 1, family: 0.05), 0.05 * 6 / (Double.pi * Double.pi), relative: 1e-12))
        #expect(isClose(SequentialDesign.alpha(look: 3, family: 0.05), SequentialDesign.alpha(look: 1, family: 0.05) / 9, relative: 1e-12))
    }

    @Test func aDecidedClaimStops() throws {
        let document = try document(claim: "2x")
        #expect(document.benchmarks.allSatisfy { $0.verdict.isDecided })
        let decision = SequentialDesign.decision(
            after: document, look: 2, alpha: 0.01, elapsedSeconds: 30, runsMeasured: 10, defaultRuns: 5, budgetSeconds: 600)
        #expect(decision == .stop(.init(look: 2, alphaAtLook: 0.01, stoppedBecause: "stopped: every workload is decided after 10 runs")))
    }

    @Test func anUndecidedClaimMeasuresMoreWithinTheBudgetAndStopsBeyondIt() throws {
        var document = try document(claim: "4x", runs: 3)
        try #require(document.benchmarks.contains { $0.verdict == .inconclusive }, "the claim sits near the true speedup")
        document.benchmarks[0].moreData?.additionalRuns = 4
        let more = SequentialDesign.decision(
            after: document, look: 1, alpha: 0.03, elapsedSeconds: 30, runsMeasured: 3, defaultRuns: 5, budgetSeconds: 600)
        #expect(more == .measure(runs: 4))
        // 10 s per run so far: 4 more runs would end at 70 s, past a 60 s budget.
        let stop = SequentialDesign.decision(
            after: document, look: 1, alpha: 0.03, elapsedSeconds: 30, runsMeasured: 3, defaultRuns: 5, budgetSeconds: 60)
        #expect(stop == .stop(.init(look: 1, alphaAtLook: 0.03, stoppedBecause: "stopped: 4 more runs would exceed the budget of 60 s after 3 runs")))
    }

    @Test func batchesAreAtLeastTwoAndAtMostTheDefault() throws {
        var document = try document(claim: "4x", runs: 3)
        document.benchmarks[0].moreData?.additionalRuns = 1
        #expect(SequentialDesign.nextBatch(document: document, defaultRuns: 5) == 2)
        document.benchmarks[0].moreData?.additionalRuns = 50
        #expect(SequentialDesign.nextBatch(document: document, defaultRuns: 5) == 5)
    }

    @Test func aClaimOnItsMinimumStopsAsUndecidable() throws {
        var document = try document(claim: "4x", runs: 3)
        try #require(document.benchmarks[0].verdict == .inconclusive)
        document.benchmarks[0].moreData?.undecidable = true
        let decision = SequentialDesign.decision(
            after: document, look: 4, alpha: 0.001, elapsedSeconds: 1, runsMeasured: 12, defaultRuns: 5, budgetSeconds: 600)
        #expect(decision == .stop(.init(look: 4, alphaAtLook: 0.001, stoppedBecause: "stopped: the undecided workloads sit on their claimed minimum after 12 runs")))
    }
}
