import QEStatistics
import QETestSupport
import Testing

@Suite("RobustVarianceComponents and TrimmedRuns (variance components without outlying iterations)")
struct RobustVarianceComponentsTests {
    @Test("trimmed runs match the hand computation", arguments: RobustVarianceReference.fixture.cases)
    func trimmedRunsMatch(_ reference: RobustVarianceReference.Case) throws {
        let trimmed = try TrimmedRuns(runs: reference.runs, rule: reference.rule.make())
        #expect(trimmed.runs == reference.keptRuns)
        #expect(trimmed.outlyingIterations.count == reference.count)
        for (actual, expected) in zip(trimmed.runMeans, reference.keptRunMeans) {
            expectClose(actual, expected, relative: 1e-13, "run mean")
        }
        expectClose(trimmed.typicalTime, reference.typicalTime, relative: 1e-13, "typical time")
    }

    @Test("components and planning match the hand computation",
          arguments: RobustVarianceReference.fixture.cases.filter { $0.robust != nil })
    func componentsMatch(_ reference: RobustVarianceReference.Case) throws {
        let robust = try RobustVarianceComponents(runs: reference.runs, rule: reference.rule.make())
        let expected = try #require(reference.robust)
        let components = robust.components
        #expect(robust.outlyingIterations.count == reference.count)
        #expect(components.observationCount == expected.N)
        #expect(components.runCount == expected.K)
        let scale = expected.grandMean * expected.grandMean
        expectClose(components.grandMean, expected.grandMean, relative: 1e-13, "grand mean")
        expectClose(components.meanOfRunMeans, expected.meanOfRunMeans, relative: 1e-13, "mean of run means")
        expectClose(components.withinRunMeanSquare, expected.withinMeanSquare, relative: 1e-9, "MSW")
        expectClose(components.betweenRunMeanSquare, expected.betweenMeanSquare, relative: 1e-9, absolute: 1e-13 * scale, "MSB")
        expectClose(components.effectiveRunSize, expected.n0, relative: 1e-13, "n0")
        expectClose(components.betweenRunVariance, expected.betweenVariance, relative: 1e-9, absolute: 1e-13 * scale, "σ²_b")
        expectClose(components.intraclassCorrelation, expected.icc, relative: 1e-9, absolute: 1e-12, "ICC")
        expectClose(components.t1Squared, expected.t1Squared, relative: 1e-9, "T1²")
        expectClose(components.varianceOfRunMeans, expected.varianceOfRunMeans, relative: 1e-9, absolute: 1e-13 * scale, "S2²")
        expectClose(components.t2Squared, expected.t2Squared, relative: 1e-9, absolute: 1e-13 * scale, "T2²")

        let planning = try #require(reference.robustPlanning)
        try Self.expectPlanning(components, planning, "robust")
        // The same planning on every iteration: the classical figures the robust ones stand beside.
        try Self.expectPlanning(VarianceComponents(runs: reference.runs), try #require(reference.classicalPlanning), "classical")
    }

    @Test func preemptedIterationsCannotBlowUpTheFigures() throws {
        // The busy file in miniature: 4 of 150 iterations ×20. Classical runs needed
        // for ±1% jump from 19 (without them) to 5,248; the robust figure stays at 19.
        let reference = try #require(RobustVarianceReference.fixture.cases.first { $0.name.contains("busy") })
        let busy = try RobustVarianceComponents(runs: reference.runs)
        let quiet = try RobustVarianceComponents(runs: reference.keptRuns)
        #expect(quiet.outlyingIterations.count == 0)
        #expect(busy.components == quiet.components)
        let classical = try VarianceComponents(runs: reference.runs)
        let classicalRuns = try classical.runsNeeded(relativeWidth: 0.02, iterationsPerRun: 30, confidence: 0.95)
        let robustRuns = try busy.components.runsNeeded(relativeWidth: 0.02, iterationsPerRun: 30, confidence: 0.95)
        #expect((classicalRuns ?? .max) > 100 * (robustRuns ?? .max))
        // Every kept time is below its run's fence however slow the outlying ones were.
        var slower = reference.runs
        slower[2][3] *= 1000
        let robustSlower = try RobustVarianceComponents(runs: slower)
        #expect(robustSlower.components == busy.components)
        #expect(try TrimmedRuns(runs: slower).typicalTime == TrimmedRuns(runs: reference.runs).typicalTime)
    }

    @Test func rejectsWhatVarianceComponentsRejects() throws {
        #expect(throws: StatisticsError.self) { try RobustVarianceComponents(runs: [[1, 2, 3]]) }
        #expect(throws: StatisticsError.self) { try RobustVarianceComponents(runs: [[1], [2]]) }
        #expect(throws: StatisticsError.self) { try RobustVarianceComponents(runs: [[1, 2], [0, 3]]) }
        #expect(throws: StatisticsError.self) { try TrimmedRuns(runs: [[1, .infinity]]) }
    }

    private static func expectPlanning(
        _ components: VarianceComponents, _ planning: RobustVarianceReference.Planning, _ what: String
    ) throws {
        for (ratio, expected) in zip(planning.costRatios, planning.optimalIterations) {
            let plan = try components.optimalIterationsPerRun(costRatio: ratio)
            #expect(plan == (expected.map { .iterationsPerRun($0) } ?? .noBetweenRunVariance), "\(what): cost ratio \(ratio)")
        }
        for target in planning.runsNeeded {
            let runs = try components.runsNeeded(relativeWidth: target.width, iterationsPerRun: target.iterationsPerRun, confidence: 0.95)
            #expect(runs == target.runs, "\(what): runs needed for \(target.width) with \(target.iterationsPerRun) per run")
            if let width = target.expectedWidth {
                let actual = try components.expectedRelativeWidth(runs: target.runs, iterationsPerRun: target.iterationsPerRun, confidence: 0.95)
                expectClose(actual, width, relative: 1e-9, "\(what): expected width")
            }
        }
        expectClose(try components.currentRelativeWidth(confidence: 0.95), planning.currentWidth, relative: 1e-9, "\(what): current width")
    }
}
