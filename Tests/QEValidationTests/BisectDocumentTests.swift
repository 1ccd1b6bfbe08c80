import Foundation
import QEValidation
import Testing

@Suite("Bisection document")
struct BisectDocumentTests {
    private let commits = (1...6).map { BisectCommit(commit: String(repeating: "\($0)", count: 40), subject: "commit \($0)") }
    private let good = BisectCommit(commit: String(repeating: "0", count: 40), subject: "commit 0")
    private let setup = BisectSetup(kind: .command, command: "./loop", clock: .cpu)
    private let confirmed = BisectPremise(ratio: BisectRatio(estimate: 1.1, low: 1.08, high: 1.12), confirmed: true, runs: 5)

    private func document(
        premise: BisectPremise, classifications: [(Int, BisectClassification)], limit: BisectLimit? = nil
    ) throws -> BisectDocument {
        let judge = try BisectJudge(candidates: commits.count, options: BisectOptions())
        var search = BisectSearch(candidates: commits.count)
        var steps: [BisectStep] = []
        for (position, classification) in classifications {
            search.record(classification, at: position)
            let commit = commits[position - 1]
            steps.append(classification == .skip
                ? BisectStep(skipped: commit, position: position, runs: 0, seconds: 1, error: "the build failed with status 1")
                : BisectStep(commit: commit, position: position, classification: classification,
                             ratio: BisectRatio(estimate: 1, low: 0.99, high: 1.01), midpoint: 1.05, runs: 5, seconds: 2, error: nil))
        }
        return BisectDocument(
            good: good, bad: commits[5], commits: commits, premise: premise, steps: steps, search: search, judge: judge,
            limit: limit, setup: setup, seconds: 12.5)
    }

    private func json(_ document: BisectDocument) throws -> [String: Any] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let object = try JSONSerialization.jsonObject(with: try encoder.encode(document))
        return try #require(object as? [String: Any])
    }

    @Test func aNamedCommitIsTheOneAfterTheLastGood() throws {
        let document = try document(premise: confirmed, classifications: [(3, .good), (5, .bad), (4, .good)])
        #expect(document.conclusion == .named)
        #expect(document.firstBad == commits[4])
        #expect(document.range.from == commits[3].commit && document.range.to == commits[4].commit)
        #expect(document.decisionsUsed == 4)
        #expect(document.decisions == 1 + 3 + 4)
        #expect(document.errorBound == 1 - 0.95)
    }

    @Test func aRangeHasNoFirstBadCommitAndWritesNull() throws {
        let document = try document(premise: confirmed, classifications: [(3, .good), (5, .bad), (4, .skip)])
        #expect(document.conclusion == .untestableCommits)
        #expect(document.firstBad == nil)
        #expect(document.range.from == commits[2].commit && document.range.to == commits[4].commit)
        #expect(document.decisionsUsed == 3, "a skipped commit takes no decision")
        let object = try json(document)
        #expect(object["firstBad"] is NSNull)
        #expect(object["schema"] as? String == "qe-validate/bisect@1")
        let steps = try #require(object["steps"] as? [[String: Any]])
        #expect(steps.count == 3)
        #expect(steps.allSatisfy { Set($0.keys) == ["commit", "subject", "position", "classification", "ratio", "midpoint", "runs", "seconds", "error"] })
        #expect(steps[2]["ratio"] is NSNull && steps[2]["error"] as? String == "the build failed with status 1")
        #expect(steps[0]["error"] is NSNull)
        let setup = try #require(object["setup"] as? [String: Any])
        #expect(setup["build"] is NSNull && setup["clock"] as? String == "cpu")
    }

    @Test func anUnconfirmedPremiseNamesNothingEvenWithOneCandidate() throws {
        let judge = try BisectJudge(candidates: 1, options: BisectOptions())
        let premise = BisectPremise(ratio: BisectRatio(estimate: 1.0, low: 0.99, high: 1.01), confirmed: false, runs: 5)
        let document = BisectDocument(
            good: good, bad: commits[0], commits: [commits[0]], premise: premise, steps: [],
            search: BisectSearch(candidates: 1), judge: judge, limit: nil, setup: setup, seconds: 1)
        #expect(document.conclusion == .premiseNotConfirmed)
        #expect(document.firstBad == nil)
        #expect(document.range.from == good.commit && document.range.to == commits[0].commit)
    }

    @Test func limitsAreTheConclusionWhenTheSearchIsNotOver() throws {
        #expect(try document(premise: confirmed, classifications: [(3, .good)], limit: .budget).conclusion == .budgetSpent)
        #expect(try document(premise: confirmed, classifications: [(3, .undecided)], limit: .decisions).conclusion == .decisionsSpent)
        let unconfirmed = BisectPremise(ratio: confirmed.ratio, confirmed: false, runs: 8)
        #expect(try document(premise: unconfirmed, classifications: [], limit: .budget).conclusion == .budgetSpent)
    }

    @Test func aPremisePastTheRunLimitTakesTwoDecisions() throws {
        let extended = BisectPremise(ratio: confirmed.ratio, confirmed: true, runs: 29)
        let document = try document(premise: extended, classifications: [(3, .good), (5, .bad), (4, .good)])
        #expect(document.decisionsUsed == 2 + 3)
        #expect(document.looks == [9, 14, 20] && document.extendedLooks == [29, 34, 40])
        #expect(try json(document)["extendedLooks"] as? [Int] == [29, 34, 40])
    }

    @Test func theDocumentReadsBack() throws {
        let document = try document(premise: confirmed, classifications: [(3, .good), (5, .bad), (4, .undecided)])
        let decoded = try JSONDecoder().decode(BisectDocument.self, from: try JSONEncoder().encode(document))
        #expect(decoded == document)
    }
}
