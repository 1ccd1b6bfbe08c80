import QETestSupport
import Testing

@testable import QEStatistics

/// `wilcox.test(x, conf.int = TRUE, conf.level, exact = TRUE)`, `psignrank` and `qsignrank` in
/// R 4.2 (scripts/reference/signed_rank.R).
struct SignedRankReference: Decodable {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        struct Expected: Decodable, Sendable {
            let estimate: Double
            let confLow: Double
            let confHigh: Double
            let achievedConfidence: Double
            let reaches: Bool
        }
        let id: String
        let x: [Double]
        let confLevel: Double
        let expected: Expected
        var testDescription: String { id }
    }
    struct Distribution: Decodable, Sendable, CustomTestStringConvertible {
        let n: Int
        let cdf: [Double]
        let upper: [Double]
        let probabilities: [Double]
        let quantiles: [Double]
        var testDescription: String { "n = \(n)" }
    }
    let cases: [Case]
    let distributions: [Distribution]
    static let all = try? ReferenceFiles.load(SignedRankReference.self, named: "signed-rank.json")
}

@Suite("Signed-rank interval against R")
struct SignedRankIntervalTests {
    @Test func fileLoads() {
        #expect((SignedRankReference.all?.cases.count ?? 0) >= 10)
        #expect((SignedRankReference.all?.distributions.count ?? 0) >= 4)
    }

    @Test(arguments: SignedRankReference.all?.cases ?? [])
    func matchesR(_ reference: SignedRankReference.Case) throws {
        let interval = try SignedRankInterval(reference.x, confidence: reference.confLevel)
        #expect(isClose(interval.estimate, reference.expected.estimate, relative: 1e-13))
        #expect(isClose(interval.low, reference.expected.confLow, relative: 1e-13))
        #expect(isClose(interval.high, reference.expected.confHigh, relative: 1e-13))
        #expect(isClose(interval.achievedConfidence, reference.expected.achievedConfidence, relative: 1e-12))
        #expect(interval.reachesConfidence == reference.expected.reaches)
        #expect(interval.count == reference.x.count)
    }

    @Test(arguments: SignedRankReference.all?.distributions ?? [])
    func distributionMatchesR(_ reference: SignedRankReference.Distribution) {
        let distribution = SignedRankDistribution(n: reference.n)
        for (q, expected) in reference.cdf.enumerated() {
            #expect(isClose(distribution.cdf(Double(q)), expected, relative: 1e-13), "P(V ≤ \(q))")
            #expect(isClose(distribution.cdf(Double(q), lowerTail: false), reference.upper[q], relative: 1e-12, absolute: 1e-300),
                    "P(V > \(q))")
        }
        for (p, expected) in zip(reference.probabilities, reference.quantiles) {
            #expect(Double(distribution.quantile(p)) == expected, "q(\(p))")
        }
    }

    @Test func zerosAreDroppedAsRDoes() throws {
        let values = [0.03, -0.01, 0.02, 0.05, 0.04, 0.01, 0.06]
        let withZeros = try SignedRankInterval(values + [0, 0], confidence: 0.9)
        let without = try SignedRankInterval(values, confidence: 0.9)
        #expect(withZeros.count == values.count)
        #expect(withZeros.low == without.low && withZeros.high == without.high && withZeros.estimate == without.estimate)
    }

    /// A wild value makes n of the Walsh averages wild: the end of the interval towards it can
    /// reach them, but the estimate and the other end stay where the other values put them.
    @Test func aWildValueMovesTheEstimateAndTheFarEndLittle() throws {
        let values = [0.021, 0.019, 0.024, 0.018, 0.022, 0.025, 0.02, 0.023, 0.017, 0.026, 0.0215, 0.0195]
        let clean = try SignedRankInterval(values, confidence: 0.99)
        var wild = values
        wild[3] = 5
        let robust = try SignedRankInterval(wild, confidence: 0.99)
        #expect(abs(robust.low - clean.low) < 0.002, "\(robust.low) against \(clean.low)")
        #expect(abs(robust.estimate - clean.estimate) < 0.002)
    }

    @Test func badInputIsRefused() {
        #expect(throws: StatisticsError.self) { try SignedRankInterval([], confidence: 0.95) }
        #expect(throws: StatisticsError.self) { try SignedRankInterval([0, 0], confidence: 0.95) }
        #expect(throws: StatisticsError.self) { try SignedRankInterval([1, .nan], confidence: 0.95) }
        #expect(throws: StatisticsError.self) { try SignedRankInterval([1, 2], confidence: 1) }
    }
}
