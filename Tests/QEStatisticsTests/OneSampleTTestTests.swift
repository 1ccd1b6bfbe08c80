import QETestSupport
import Testing

@testable import QEStatistics

/// `t.test(x, mu, alternative, conf.level)` in R 4.2 (scripts/reference/one_sample_t.R).
struct OneSampleTReference: Decodable {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        struct Expected: Decodable, Sendable {
            let statistic: Double
            let df: Double
            let pValue: Double
            let estimate: Double
            let confLow: ReferenceNumber
            let confHigh: ReferenceNumber
        }
        let id: String
        let x: [Double]
        let mu: Double
        let alternative: String
        let confLevel: Double
        let expected: Expected
        var testDescription: String { id }
    }
    let cases: [Case]
    static let all: [Case] = (try? ReferenceFiles.load(OneSampleTReference.self, named: "one-sample-t.json").cases) ?? []
}

@Suite("One-sample t test against R")
struct OneSampleTTestTests {
    @Test func fileLoads() { #expect(OneSampleTReference.all.count >= 7) }

    @Test(arguments: OneSampleTReference.all)
    func matchesR(_ reference: OneSampleTReference.Case) throws {
        let alternative = try #require(Alternative(rawValue: reference.alternative))
        let test = try OneSampleTTest(reference.x, mu: reference.mu, alternative: alternative, confidence: reference.confLevel)
        #expect(isClose(test.t, reference.expected.statistic, relative: 1e-9))
        #expect(test.degreesOfFreedom == reference.expected.df)
        #expect(isClose(test.pValue, reference.expected.pValue, relative: 1e-9), "p \(test.pValue) R \(reference.expected.pValue)")
        #expect(isClose(test.estimate, reference.expected.estimate, relative: 1e-12))
        #expect(isClose(test.low, try #require(reference.expected.confLow.value), relative: 1e-9))
        #expect(isClose(test.high, try #require(reference.expected.confHigh.value), relative: 1e-9))
    }

    @Test func constantDataIsRefused() {
        #expect(throws: StatisticsError.self) { try OneSampleTTest([2, 2, 2]) }
        #expect(throws: StatisticsError.self) { try OneSampleTTest([2]) }
    }
}
