import QEStatistics
import QETestSupport
import Testing

@Suite("VarianceComponents planning: runs needed for a target interval width (R: qt, t.test)")
struct VarianceComponentsPlanningTests {
    @Test("matches R", arguments: RunVarianceReference.fixture.runsNeeded)
    func matchesR(_ reference: RunVarianceReference.Planning) throws {
        let components = try VarianceComponents(runs: reference.runs)
        expectClose(components.betweenRunVariance, reference.betweenVariance, relative: 1e-9, "between-run variance")
        expectClose(components.withinRunVariance, reference.withinVariance, relative: 1e-9, "within-run variance")
        expectClose(components.meanOfRunMeans, reference.meanOfRunMeans, relative: 1e-14, "mean of run means")
        for plan in reference.plans {
            let runs = try components.runsNeeded(
                relativeWidth: plan.targetWidth, iterationsPerRun: plan.iterationsPerRun, confidence: plan.confidence)
            #expect(runs == plan.runsNeeded, "r = \(plan.iterationsPerRun), width \(plan.targetWidth), confidence \(plan.confidence)")
            let width = try components.expectedRelativeWidth(
                runs: plan.runsNeeded, iterationsPerRun: plan.iterationsPerRun, confidence: plan.confidence)
            expectClose(width, plan.widthAtRunsNeeded, relative: 1e-9, "width at the runs needed")
            expectClose(try components.currentRelativeWidth(confidence: plan.confidence), plan.currentWidth,
                        relative: 1e-9, "current width")
        }
    }

    @Test func capAndBadParameters() throws {
        let components = try VarianceComponents(runs: [[10, 12, 11], [20, 22, 21], [15, 14, 16]])
        #expect(try components.runsNeeded(relativeWidth: 1e-9, iterationsPerRun: 3, confidence: 0.95, maximumRuns: 1000) == nil)
        #expect(throws: StatisticsError.self) { try components.runsNeeded(relativeWidth: 0, iterationsPerRun: 3, confidence: 0.95) }
        #expect(throws: StatisticsError.self) { try components.runsNeeded(relativeWidth: 0.02, iterationsPerRun: 0, confidence: 0.95) }
        #expect(throws: StatisticsError.self) { try components.runsNeeded(relativeWidth: 0.02, iterationsPerRun: 3, confidence: 1) }
        #expect(throws: StatisticsError.self) { try components.expectedRelativeWidth(runs: 1, iterationsPerRun: 3, confidence: 0.95) }
        let constant = try VarianceComponents(runs: [[5, 5], [5, 5]])
        #expect(try constant.runsNeeded(relativeWidth: 0.02, iterationsPerRun: 2, confidence: 0.95) == 2)
    }
}
