import QETestSupport
import Testing
import QEStatistics

/// variance-components.json: mean squares from R's anova(lm(y ~ factor(run))), Kalibera & Jones'
/// estimators from per-run variances and run means, and kruskal.test(runs).
struct VarianceReference: Decodable, Sendable {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let runs: [[Double]]
        let error: String?
        let N: Int?
        let K: Int?
        let grandMean: Double?
        let runMeans: [Double]?
        let betweenMeanSquare: Double?
        let withinMeanSquare: Double?
        let n0: Double?
        let betweenVariance: Double?
        let icc: Double?
        let t1Squared: Double?
        let varianceOfRunMeans: Double?
        let t2Squared: Double?
        let costRatios: [Double]?
        let optimalIterations: [Int?]?
        let kruskalStatistic: Double?
        let kruskalPValue: Double?
        var testDescription: String { name }
    }
    let cases: [Case]

    static let fixture: VarianceReference = ReferenceFixture.load("variance-components.json")
}

@Suite("VarianceComponents (R: anova(lm(y ~ factor(run))); Kalibera & Jones 2013)")
struct VarianceComponentsTests {
    @Test("matches R", arguments: VarianceReference.fixture.cases)
    func matchesR(_ reference: VarianceReference.Case) throws {
        if let message = reference.error {
            #expect(throws: StatisticsError.self, "R reference: \(message)") {
                try VarianceComponents(runs: reference.runs)
            }
            return
        }
        let components = try VarianceComponents(runs: reference.runs)
        #expect(components.observationCount == reference.N)
        #expect(components.runCount == reference.K)
        #expect(components.runSizes == reference.runs.map(\.count))
        expectClose(components.grandMean, reference.grandMean, relative: 1e-12, "grand mean")
        for (actual, expected) in zip(components.runMeans, reference.runMeans ?? []) {
            expectClose(actual, expected, relative: 1e-12, "run mean")
        }
        // lm's QR decomposition leaves rounding noise of order ε·y² where a sum of squares is 0
        // (for example MSB when every run has the same mean), hence the absolute floor.
        let largest = reference.runs.joined().map(abs).max() ?? 0
        let noise = 1e-12 * largest * largest
        expectClose(components.betweenRunMeanSquare, reference.betweenMeanSquare, relative: 1e-9,
                    absolute: noise, "MSB")
        expectClose(components.withinRunMeanSquare, reference.withinMeanSquare, relative: 1e-9,
                    absolute: noise, "MSW")
        expectClose(components.effectiveRunSize, reference.n0, relative: 1e-12, "n0")
        expectClose(components.betweenRunVariance, reference.betweenVariance, relative: 1e-9,
                    absolute: noise, "between-run variance")
        expectClose(components.intraclassCorrelation, reference.icc, relative: 1e-9, absolute: 1e-12, "ICC")
        expectClose(components.t1Squared, reference.t1Squared, relative: 1e-12, absolute: noise, "T1²")
        expectClose(components.varianceOfRunMeans, reference.varianceOfRunMeans, relative: 1e-12,
                    absolute: noise, "S2²")
        expectClose(components.t2Squared, reference.t2Squared, relative: 1e-9, absolute: noise, "T2²")

        for (ratio, expected) in zip(reference.costRatios ?? [], reference.optimalIterations ?? []) {
            let plan = try components.optimalIterationsPerRun(costRatio: ratio)
            if let expected {
                #expect(plan == .iterationsPerRun(expected), "cost ratio \(ratio)")
            } else {
                #expect(plan == .noBetweenRunVariance, "cost ratio \(ratio)")
            }
        }

        if let statistic = reference.kruskalStatistic {
            let test = try components.runsAlikeTest()
            expectClose(test.statistic, statistic, relative: 1e-12, "Kruskal–Wallis statistic")
            expectClose(test.pValue, reference.kruskalPValue, relative: 1e-9, "Kruskal–Wallis p-value")
        } else {
            #expect(throws: StatisticsError.noSpread(what: "a Kruskal–Wallis test")) {
                try components.runsAlikeTest()
            }
        }
    }

    @Test func balancedDataGiveTheTextbookDecomposition() throws {
        // Runs (1, 3), (5, 7): run means 2, 6, grand mean 4. SSW = 4 → MSW = 4/2 = 2;
        // SSB = 2·4 + 2·4 = 16 → MSB = 16; n0 = 2; σ²_b = (16 − 2)/2 = 7; ICC = 7/9.
        // K&J: S2² = var(2, 6) = 8, T2² = 8 − 2/2 = 7; r = ⌈√(c · 2/7)⌉ → 6 at c = 100.
        let components = try VarianceComponents(runs: [[1, 3], [5, 7]])
        #expect(components.withinRunMeanSquare == 2)
        #expect(components.betweenRunMeanSquare == 16)
        #expect(components.effectiveRunSize == 2)
        #expect(components.betweenRunVariance == 7)
        #expect(components.intraclassCorrelation == 7.0 / 9)
        #expect(components.t2Squared == 7)
        #expect(try components.optimalIterationsPerRun(costRatio: 100) == .iterationsPerRun(6))
    }

    @Test func rejectsBadInputAndCostRatios() throws {
        #expect(throws: StatisticsError.self) { try VarianceComponents(runs: [[1, 2, 3]]) }
        #expect(throws: StatisticsError.self) { try VarianceComponents(runs: [[1, 2], []]) }
        #expect(throws: StatisticsError.self) { try VarianceComponents(runs: [[1, 2], [3, .infinity]]) }
        let components = try VarianceComponents(runs: [[1, 3], [5, 7]])
        for ratio in [0, -1, .infinity, .nan] {
            #expect(throws: StatisticsError.self) { try components.optimalIterationsPerRun(costRatio: ratio) }
        }
    }
}
