import QETestSupport
import Testing
import QEStatistics

/// kruskal.json: kruskal.test(groups) from R, including R's errors and NaN.
struct KruskalReference: Decodable, Sendable {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let groups: [[Double]]
        let statistic: Double?
        let df: Int?
        let pValue: Double?
        let error: String?
        var testDescription: String { name }
    }
    let cases: [Case]

    static let fixture: KruskalReference = ReferenceFixture.load("kruskal.json")
}

@Suite("KruskalWallisTest (R: kruskal.test)")
struct KruskalWallisTestTests {
    @Test("matches R", arguments: KruskalReference.fixture.cases)
    func matchesR(_ reference: KruskalReference.Case) {
        let result = Result { () throws(StatisticsError) in try KruskalWallisTest(groups: reference.groups) }
        switch (result, reference.error) {
        case let (.success(test), nil):
            expectClose(test.statistic, reference.statistic, relative: 1e-12, "statistic")
            #expect(test.degreesOfFreedom == reference.df)
            expectClose(test.pValue, reference.pValue, relative: 1e-9, "p-value")
            #expect(test.groupCount == reference.groups.count)
            #expect(test.observationCount == reference.groups.reduce(0) { $0 + $1.count })
        case let (.failure(error), message?):
            // R: "'x' must be a list with at least 2 elements", "all groups must contain data",
            // or a NaN statistic when every value is the same.
            if message.contains("NaN") {
                #expect(error == .noSpread(what: "a Kruskal–Wallis test"))
            } else {
                guard case .tooFewObservations = error else {
                    Issue.record("R stops with \"\(message)\"; got \(error)")
                    return
                }
            }
        case let (.success(test), message?):
            Issue.record("R gives \"\(message)\"; got \(test)")
        case let (.failure(error), nil):
            Issue.record("R gives a statistic; got \(error)")
        }
    }

    @Test func meanRanksFollowTheGroups() throws {
        // Ranks: 1 2 | 3 4 5 | 6 → mean ranks 1.5, 4, 6.
        let test = try KruskalWallisTest(groups: [[10, 20], [30, 40, 50], [60]])
        #expect(test.meanRanks == [1.5, 4, 6])
    }

    @Test func rejectsNonFiniteValues() {
        #expect(throws: StatisticsError.nonFinite(what: "group 2 of a Kruskal–Wallis test")) {
            try KruskalWallisTest(groups: [[1, 2], [3, .nan]])
        }
    }
}
