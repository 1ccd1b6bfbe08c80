import Foundation
import QEValidation
import Testing

@Suite("Bisection decisions")
struct BisectJudgeTests {
    private let options = BisectOptions(threshold: 0.05, confidence: 0.95, maxRuns: 20)

    /// 10 commits at 95%: D = 9. With the run limit at 20, L = 3 looks at 0.05/27 each, the first
    /// where 2⁻ʳ ≤ 0.05/27: 10 rounds; at 40, L = 4 and 2⁻¹⁰ ≤ 0.05/36. The extended looks are
    /// the same past the limit.
    @Test(arguments: [(9, [9], 1), (11, [11], 2), (12, [9, 12], 2), (20, [10, 15, 20], 3), (40, [10, 15, 23, 40], 4)])
    func looksStartWhereTheTestCanRejectAndGrowByHalf(maxRuns: Int, looks: [Int], share: Int) throws {
        let judge = try BisectJudge(candidates: 10, options: BisectOptions(maxRuns: maxRuns))
        #expect(judge.budget.looks == looks)
        #expect(judge.budget.extendedLooks == looks.map { $0 + maxRuns })
        #expect(judge.budget.lookShare == share)
        // The first look can reject: all rounds on one side have p = 2⁻ʳ ≤ α/(D·L).
        #expect(pow(0.5, Double(looks[0])) <= judge.budget.perLook)
    }

    @Test func aRunLimitBelowTheFirstLookIsRefused() throws {
        // One look at 0.05/9 needs 8 rounds.
        #expect(throws: BisectError.self) { try BisectJudge(candidates: 10, options: BisectOptions(maxRuns: 7)) }
        #expect(try BisectJudge(candidates: 10, options: BisectOptions(maxRuns: 8)).budget.looks == [8])
        #expect(throws: BisectError.self) { try BisectJudge(candidates: 1000, options: BisectOptions(confidence: 0.999, maxRuns: 12)) }
    }

    @Test(arguments: [(1, 5), (2, 6), (3, 7), (4, 7), (5, 8), (16, 9), (31, 10), (32, 10), (33, 11)])
    func decisionsArePremiseHalvingsAndFourSpares(candidates: Int, decisions: Int) throws {
        let judge = try BisectJudge(candidates: candidates, options: options)
        #expect(judge.budget.decisions == decisions)
        // Bonferroni over decisions and looks: the per-look rates add up to at most α.
        let total = judge.budget.perLook * Double(judge.budget.decisions * judge.budget.looks.count)
        #expect(total <= 0.05 + 1e-15)
        #expect(abs(judge.budget.perLook * Double(judge.budget.decisions * judge.budget.lookShare) - 0.05) < 1e-15)
    }

    @Test func invalidOptionsAreRefused() {
        for bad in [BisectOptions(threshold: 0), BisectOptions(threshold: .nan), BisectOptions(confidence: 0.5),
                    BisectOptions(confidence: 1), BisectOptions(maxRuns: 0), BisectOptions(maxRuns: 201)] {
            #expect(throws: BisectError.self) { try BisectJudge(candidates: 4, options: bad) }
        }
    }

    @Test func nothingIsDecidedBeforeTheFirstLook() throws {
        let judge = try BisectJudge(candidates: 8, options: options)
        #expect(try judge.premise([]) == .measure(untilRuns: 9))
        let rounds = Array(repeating: BisectRound(good: 1, bad: 2, candidate: 2), count: 8)
        #expect(try judge.step(rounds) == .measure(untilRuns: 9))
    }

    @Test func noiselessTimesAreDecidedAtTheFirstLook() throws {
        let judge = try BisectJudge(candidates: 8, options: options)
        let premise = try judge.premise(Array(repeating: BisectRound(good: 100, bad: 110), count: 9))
        guard case let .decided(confirmed) = premise else { Issue.record("not decided: \(premise)"); return }
        #expect(confirmed.confirmed && confirmed.runs == 9)
        #expect(isApproximately(confirmed.ratio.estimate, 1.1) && confirmed.ratio.low == confirmed.ratio.high)
        let good = try judge.step(Array(repeating: BisectRound(good: 100, bad: 110, candidate: 101), count: 9))
        guard case let .decided(step) = good else { Issue.record("not decided: \(good)"); return }
        #expect(step.classification == .good)
        #expect(isApproximately(step.ratio.estimate, 1.01) && step.ratio.low == step.ratio.high)
        #expect(isApproximately(step.midpoint, 1.1.squareRoot()))
        let bad = try judge.step(Array(repeating: BisectRound(good: 100, bad: 110, candidate: 109), count: 9))
        guard case let .decided(badStep) = bad else { Issue.record("not decided: \(bad)"); return }
        #expect(badStep.classification == .bad)
    }

    @Test func aCommitExactlyAtTheMidpointIsUndecidedAtTheLimit() throws {
        let judge = try BisectJudge(candidates: 8, options: options)
        let midpoint = 100 * 1.21.squareRoot()
        let rounds = Array(repeating: BisectRound(good: 100, bad: 121, candidate: midpoint), count: 20)
        #expect(try judge.step(Array(rounds.prefix(14))) == .measure(untilRuns: 20))
        guard case let .decided(step) = try judge.step(rounds) else { Issue.record("not decided"); return }
        #expect(step.classification == .undecided)
        #expect(step.runs == 20)
    }

    @Test func theBudgetEndsADecisionAtALook() throws {
        let judge = try BisectJudge(candidates: 8, options: options)
        let midpoint = 100 * 1.21.squareRoot()
        let rounds = Array(repeating: BisectRound(good: 100, bad: 121, candidate: midpoint), count: 14)
        guard case let .decided(step) = try judge.step(rounds, final: true) else { Issue.record("not decided"); return }
        #expect(step.classification == .undecided && step.runs == 14)
        // Between looks there is nothing to decide on, final or not.
        #expect(try judge.step(Array(rounds.prefix(11)), final: true) == .measure(untilRuns: 14))
        var unclear = Array(repeating: BisectRound(good: 100, bad: 104), count: 14)
        unclear[3].bad = 106
        guard case let .decided(premise) = try judge.premise(unclear, final: true) else { Issue.record("not decided"); return }
        #expect(!premise.confirmed)
    }

    @Test func anOpenPremiseGoesOnPastTheRunLimitAsASecondDecision() throws {
        let judge = try BisectJudge(candidates: 8, options: options)
        #expect(judge.budget.looks == [9, 14, 20])
        #expect(judge.premiseLooks == [9, 14, 20, 29, 34, 40])
        // bad ÷ good alternates 1.04 and 1.06 around the 5% threshold: never decided.
        let open = (0..<40).map { BisectRound(good: 100, bad: $0 % 2 == 0 ? 104 : 106) }
        #expect(try judge.premise(Array(open.prefix(20))) == .measure(untilRuns: 29))
        #expect(try judge.premise(Array(open.prefix(29))) == .measure(untilRuns: 34))
        guard case let .decided(premise) = try judge.premise(open) else { Issue.record("not decided at twice the limit"); return }
        #expect(!premise.confirmed && premise.runs == 40)
        #expect([0, 20, 29].map(judge.premiseDecisions(runs:)) == [0, 1, 2] as [Int])
        // The time budget ends it at an extended look too.
        guard case let .decided(stopped) = try judge.premise(Array(open.prefix(34)), final: true) else { Issue.record("not decided"); return }
        #expect(!stopped.confirmed && stopped.runs == 34)
        // Clear from the first rounds on, it is decided within the run limit, as before.
        guard case let .decided(clear) = try judge.premise(Array(repeating: BisectRound(good: 100, bad: 110), count: 9)) else {
            Issue.record("not decided"); return
        }
        #expect(clear.confirmed)
    }

    @Test func aCommitMeasuredAgainContinuesItsRoundsAtTheExtendedLooks() throws {
        let judge = try BisectJudge(candidates: 8, options: options)
        #expect(judge.stepLooks(continuing: false) == [9, 14, 20])
        #expect(judge.stepLooks(continuing: true) == [29, 34, 40])
        let slow = Array(repeating: BisectRound(good: 100, bad: 110, candidate: 109), count: 29)
        // The 20 rounds kept are no look of the continuing decision: it measures to its first.
        #expect(try judge.step(Array(slow.prefix(20)), continuing: true) == .measure(untilRuns: 29))
        guard case let .decided(bad) = try judge.step(slow, continuing: true) else { Issue.record("not decided"); return }
        #expect(bad.classification == .bad && bad.runs == 29)
        let midpoint = 100 * 1.21.squareRoot()
        let even = Array(repeating: BisectRound(good: 100, bad: 121, candidate: midpoint), count: 40)
        #expect(try judge.step(Array(even.prefix(34)), continuing: true) == .measure(untilRuns: 40))
        guard case let .decided(undecided) = try judge.step(even, continuing: true) else { Issue.record("not decided"); return }
        #expect(undecided.classification == .undecided && undecided.runs == 40)
    }

    @Test func timesThatAreNotTimesAreRefused() throws {
        let judge = try BisectJudge(candidates: 8, options: options)
        var rounds = Array(repeating: BisectRound(good: 100, bad: 110, candidate: 100), count: 9)
        rounds[2].candidate = 0
        #expect(throws: BisectError.invalidTime(what: "the candidate", value: 0)) { try judge.step(rounds) }
        rounds[2].candidate = nil
        #expect(throws: BisectError.self) { try judge.step(rounds) }
        rounds[2] = BisectRound(good: .infinity, bad: 110)
        #expect(throws: BisectError.invalidTime(what: "the good build", value: .infinity)) { try judge.premise(rounds) }
    }

    @Test func roundsRotateTheOrderOfTheBuilds() {
        let orders = (0..<6).map { BisectRound.order(round: $0, withCandidate: true) }
        #expect(Set(orders).count == 6)
        for role in BisectBuildRole.allCases {
            #expect(Set(orders.map { $0.firstIndex(of: role) }) == [0, 1, 2])
        }
        #expect(BisectRound.order(round: 0, withCandidate: false) == [.good, .bad])
        #expect(BisectRound.order(round: 1, withCandidate: false) == [.bad, .good])
    }

    private func isApproximately(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * max(abs(a), abs(b)) }
}

@Suite("Bisection round values")
struct BisectRoundValueTests {
    @Test func theFastestInvocationIsKept() {
        #expect(BisectRound.fastest([130, 100, 101]) == 100)
        #expect(BisectRound.fastest([7]) == 7)
        #expect(BisectRound.fastest([]).isNaN)
    }

    @Test func aBenchmarksLevelLeavesPreemptedIterationsOut() throws {
        var samples = (0..<30).map { 100 * (1 + 0.01 * Double($0 % 5)) }
        let clean = try BisectRound.level(ofSamples: samples, what: "loop")
        let geometricMean = exp(samples.map(log).reduce(0, +) / 30)
        #expect(abs(clean - geometricMean) < 1e-9 * geometricMean)
        samples[7] = 2_000
        #expect(abs(try BisectRound.level(ofSamples: samples, what: "loop") - clean) < 0.01 * clean)
        #expect(throws: BisectError.invalidTime(what: "loop", value: 0)) { try BisectRound.level(ofSamples: [1, 0], what: "loop") }
        #expect(throws: BisectError.self) { try BisectRound.level(ofSamples: [], what: "loop") }
    }
}
