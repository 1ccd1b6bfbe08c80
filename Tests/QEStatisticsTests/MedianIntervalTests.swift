import QETestSupport
import Testing
import QEStatistics

/// median-interval.json: k = qbinom(α/2, n, 0.5), [x₍k₎, x₍n−k+1₎],
/// 1 − 2·pbinom(k − 1, n, 0.5), and the smallest n with k ≥ 1, from R.
struct MedianIntervalReference: Decodable, Sendable {
    struct Interval: Decodable, Sendable {
        let confidence: Double
        let k: Int
        let minimumCount: Int
        let low: Double?
        let high: Double?
        let lowerRank: Int?
        let upperRank: Int?
        let achievedConfidence: Double?
    }
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        let n: Int
        let values: [Double]
        let median: Double
        let intervals: [Interval]
        var testDescription: String { "n = \(n)" }
    }
    let cases: [Case]

    static let fixture: MedianIntervalReference = ReferenceFixture.load("median-interval.json")
}

@Suite("MedianInterval (order statistics, R: qbinom / pbinom)")
struct MedianIntervalTests {
    @Test("matches R", arguments: MedianIntervalReference.fixture.cases)
    func matchesR(_ reference: MedianIntervalReference.Case) throws {
        for expected in reference.intervals {
            let interval = try MedianInterval(reference.values, confidence: expected.confidence)
            let context = "n = \(reference.n), confidence \(expected.confidence)"
            #expect(interval.count == reference.n)
            #expect(interval.median == reference.median, "\(context)")
            #expect(interval.minimumCount == expected.minimumCount, "\(context)")
            switch interval.outcome {
            case .tooFewSamples:
                #expect(expected.k == 0, "\(context): R finds k = \(expected.k)")
            case let .interval(low, high, lowerRank, upperRank, achieved):
                #expect(lowerRank == expected.lowerRank, "\(context)")
                #expect(upperRank == expected.upperRank, "\(context)")
                #expect(low == expected.low, "\(context)")
                #expect(high == expected.high, "\(context)")
                expectClose(achieved, expected.achievedConfidence, relative: 1e-12, "\(context): achieved")
                #expect(achieved >= expected.confidence, "\(context): achieved below requested")
            }
        }
    }

    @Test func ninetyFivePercentNeedsSixSamples() throws {
        let five = try MedianInterval([5, 3, 1, 4, 2])
        #expect(five.outcome == .tooFewSamples)
        #expect(five.minimumCount == 6)
        #expect(five.description
            == "too few samples for 95% confidence: 5 observations, at least 6 needed "
            + "(the widest interval, [min, max], reaches only 93.75%)")

        let six = try MedianInterval([6, 5, 3, 1, 4, 2])
        guard case let .interval(low, high, lowerRank, upperRank, achieved) = six.outcome else {
            Issue.record("6 samples reach 95%: got \(six)")
            return
        }
        #expect((low, high, lowerRank, upperRank) == (1, 6, 1, 6))
        #expect(abs(achieved - (1 - 2.0 / 64)) < 1e-15)
    }

    @Test func minimumCountGrowsWithConfidence() throws {
        let values = [Double](repeating: 1, count: 3)
        #expect(try MedianInterval(values, confidence: 0.99).minimumCount == 8)
        #expect(try MedianInterval(values, confidence: 0.999).minimumCount == 11)
        #expect(try MedianInterval(values, confidence: 0.5).minimumCount == 3)
    }

    @Test func rejectsEmptyNonFiniteAndBadConfidence() {
        #expect(throws: StatisticsError.tooFewObservations(needed: 1, got: 0, what: "a median interval")) {
            try MedianInterval([])
        }
        #expect(throws: StatisticsError.nonFinite(what: "a median interval")) { try MedianInterval([1, .nan]) }
        #expect(throws: StatisticsError.self) { try MedianInterval([1, 2, 3], confidence: 1) }
    }
}
