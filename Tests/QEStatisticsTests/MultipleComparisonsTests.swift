import QETestSupport
import Testing
import QEStatistics

/// padjust.json: p.adjust(p, "holm"), p.adjust(p, "bonferroni") and 1 − (1 − c)/k from R.
struct AdjustmentReference: Decodable, Sendable {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let p: [Double]
        let holm: [Double]
        let bonferroni: [Double]
        var testDescription: String { name }
    }
    struct Family: Decodable, Sendable {
        let familyConfidence: Double
        let comparisons: Int
        let perIntervalConfidence: Double
    }
    let cases: [Case]
    let bonferroniConfidence: [Family]

    static let fixture: AdjustmentReference = ReferenceFixture.load("padjust.json")
}

@Suite("MultipleComparisons (R: p.adjust)")
struct MultipleComparisonsTests {
    @Test("matches R", arguments: AdjustmentReference.fixture.cases)
    func matchesR(_ reference: AdjustmentReference.Case) throws {
        let holm = try MultipleComparisons.adjustedPValues(reference.p, method: .holm)
        let bonferroni = try MultipleComparisons.adjustedPValues(reference.p, method: .bonferroni)
        #expect(holm.count == reference.p.count)
        #expect(bonferroni.count == reference.p.count)
        for index in reference.p.indices {
            expectClose(holm[index], reference.holm[index], relative: 1e-12, "holm[\(index)]")
            expectClose(bonferroni[index], reference.bonferroni[index], relative: 1e-12, "bonferroni[\(index)]")
        }
    }

    @Test func bonferroniPerIntervalConfidenceMatchesR() throws {
        for family in AdjustmentReference.fixture.bonferroniConfidence {
            let level = try MultipleComparisons.bonferroniConfidence(
                familyConfidence: family.familyConfidence, comparisons: family.comparisons)
            expectClose(level, family.perIntervalConfidence, relative: 1e-15, "k = \(family.comparisons)")
        }
    }

    @Test func holmIsNeverLargerThanBonferroni() throws {
        let p = [0.001, 0.2, 0.013, 0.04, 0.5, 0.0101]
        let holm = try MultipleComparisons.adjustedPValues(p, method: .holm)
        let bonferroni = try MultipleComparisons.adjustedPValues(p, method: .bonferroni)
        #expect(zip(holm, bonferroni).allSatisfy { $0 <= $1 })
        #expect(holm != bonferroni)
    }

    @Test func rejectsInvalidInput() {
        #expect(throws: StatisticsError.self) { try MultipleComparisons.adjustedPValues([0.1, 1.2], method: .holm) }
        #expect(throws: StatisticsError.self) { try MultipleComparisons.adjustedPValues([-0.1], method: .bonferroni) }
        #expect(throws: StatisticsError.self) { try MultipleComparisons.adjustedPValues([.nan], method: .holm) }
        #expect(throws: StatisticsError.self) {
            try MultipleComparisons.bonferroniConfidence(familyConfidence: 0.95, comparisons: 0)
        }
        #expect(throws: StatisticsError.self) {
            try MultipleComparisons.bonferroniConfidence(familyConfidence: 1, comparisons: 3)
        }
    }
}
