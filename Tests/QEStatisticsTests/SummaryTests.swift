import QETestSupport
import Testing
@testable import QEStatistics

/// descriptive.json: R's mean, var, sd, median, mad, min, max, sd/mean, quantile(type = 7)
/// and t.test(x)$conf.int for the same samples.
struct DescriptiveReference: Decodable, Sendable {
    struct Generator: Decodable, Sendable {
        let n: Int, a: Int, m: Int, scale: Double
        /// x[i] = scale / (1 + ((a·i) mod m)), i = 1...n: exact in IEEE arithmetic, as in R.
        var values: [Double] { (1...n).map { scale / Double(1 + (a * $0) % m) } }
    }
    struct MeanIntervalCase: Decodable, Sendable {
        let confidence: Double
        let low: Double?
        let high: Double?
        let error: String?
    }
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let values: [Double]?
        let generator: Generator?
        let n: Int
        let mean: Double
        let variance: Double?
        let sd: Double?
        let median: Double
        let mad: Double
        let min: Double
        let max: Double
        let cv: Double?
        let quantiles: [Double]
        let meanIntervals: [MeanIntervalCase]
        var sample: [Double] { values ?? generator?.values ?? [] }
        var testDescription: String { name }
    }
    let quantileProbs: [Double]
    let cases: [Case]

    static let fixture: DescriptiveReference = ReferenceFixture.load("descriptive.json")
}

@Suite("Summary (R: mean, sd, median, mad, quantile type 7)")
struct SummaryTests {
    @Test("matches R", arguments: DescriptiveReference.fixture.cases)
    func matchesR(_ reference: DescriptiveReference.Case) throws {
        let summary = try Summary(reference.sample)
        #expect(summary.count == reference.n)
        expectClose(summary.mean, reference.mean, relative: 1e-12, "mean")
        expectClose(summary.variance, reference.variance, relative: 1e-12, "variance")
        expectClose(summary.standardDeviation, reference.sd, relative: 1e-12, "sd")
        expectClose(summary.median, reference.median, relative: 1e-12, "median")
        expectClose(summary.medianAbsoluteDeviation, reference.mad, relative: 1e-12, "mad")
        #expect(summary.minimum == reference.min)
        #expect(summary.maximum == reference.max)
        expectClose(summary.coefficientOfVariation, reference.cv, relative: 1e-12, "cv")
        for (p, expected) in zip(DescriptiveReference.fixture.quantileProbs, reference.quantiles) {
            expectClose(try summary.quantile(p), expected, relative: 1e-12, "quantile \(p)")
        }
    }

    @Test func sortedValuesAreTheSampleInOrder() throws {
        let summary = try Summary([3, 1, 2, 1])
        #expect(summary.sortedValues == [1, 1, 2, 3])
    }

    @Test func madIsTheScaledMedianOfAbsoluteDeviations() throws {
        let summary = try Summary([1, 2, 4, 5, 9, 16])
        #expect(summary.median == 4.5)
        // From 4.5: 3.5, 2.5, 0.5, 0.5, 4.5, 11.5 → sorted 0.5 0.5 2.5 3.5 4.5 11.5 → 3.
        #expect(summary.medianAbsoluteDeviation == 1.4826 * 3)
    }

    @Test func rejectsEmptyAndNonFiniteSamples() {
        #expect(throws: StatisticsError.tooFewObservations(needed: 1, got: 0, what: "a summary")) {
            try Summary([])
        }
        #expect(throws: StatisticsError.nonFinite(what: "a summary")) { try Summary([1, .nan]) }
        #expect(throws: StatisticsError.nonFinite(what: "a summary")) { try Summary([.infinity, 1]) }
    }

    @Test func rejectsProbabilitiesOutsideTheUnitInterval() throws {
        let summary = try Summary([1, 2, 3])
        for p in [-0.01, 1.01, .nan] {
            #expect(throws: StatisticsError.self) { try summary.quantile(p) }
        }
    }
}

@Suite("MeanInterval (R: t.test(x)$conf.int)")
struct MeanIntervalTests {
    @Test("matches R", arguments: DescriptiveReference.fixture.cases)
    func matchesR(_ reference: DescriptiveReference.Case) {
        for expected in reference.meanIntervals {
            let result = Result { () throws(StatisticsError) in
                try MeanInterval(reference.sample, confidence: expected.confidence)
            }
            switch (result, expected.error) {
            case let (.success(interval), nil):
                expectClose(interval.low, expected.low, relative: 1e-9, "low at \(expected.confidence)")
                expectClose(interval.high, expected.high, relative: 1e-9, "high at \(expected.confidence)")
                #expect(interval.degreesOfFreedom == reference.n - 1)
                #expect(interval.confidence == expected.confidence)
            case let (.failure(error), message?):
                // R: "not enough 'x' observations" below 2; "data are essentially constant" or
                // NaN when the standard error vanishes.
                if message.contains("not enough") {
                    #expect(error == .tooFewObservations(needed: 2, got: reference.n, what: "a mean interval"))
                } else {
                    #expect(error == .noSpread(what: "a mean interval"))
                }
            case let (.success(interval), message?):
                Issue.record("expected an error like R's \"\(message)\", got \(interval)")
            case let (.failure(error), nil):
                Issue.record("R gives an interval, got \(error)")
            }
        }
    }

    @Test func rejectsBadConfidence() {
        for level in [0, 1, -0.5, 1.5, .nan] {
            #expect(throws: StatisticsError.self) { try MeanInterval([1, 2, 3], confidence: level) }
        }
    }
}
