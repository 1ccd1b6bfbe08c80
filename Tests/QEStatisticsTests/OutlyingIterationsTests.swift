import Foundation
import QEStatistics
import QETestSupport
import Testing

@Suite("OutlyingIterations (median + 5 MAD of log times, at least 1.1 × the median)")
struct OutlyingIterationsTests {
    @Test("matches the hand computation", arguments: RobustVarianceReference.fixture.cases)
    func matchesHandComputation(_ reference: RobustVarianceReference.Case) throws {
        let found = try OutlyingIterations(runs: reference.runs, rule: reference.rule.make())
        #expect(found.count == reference.count)
        #expect(found.iterationCount == reference.of)
        #expect(found.runs.count == reference.perRun.count)
        for (run, expected) in zip(found.runs, reference.perRun) {
            #expect(run.outlying == expected.outlying)
            expectClose(run.median, expected.median, relative: 1e-14, "median")
            expectClose(run.logSpread, expected.logSpread, relative: 1e-12, absolute: 1e-300, "log spread")
            expectClose(run.fence, expected.fence, relative: 1e-14, "fence")
            #expect(run.judged == (expected.fence != nil))
        }
        #expect(found.iterations.map { [$0.run, $0.index] } == reference.outlying.map { [$0.run, $0.index] })
        for (iteration, expected) in zip(found.iterations, reference.outlying) {
            #expect(iteration.time == expected.time)
            expectClose(iteration.ratioToMedian, expected.ratioToMedian, relative: 1e-14, "ratio to median")
        }
        #expect(found.worst.map { [$0.run, $0.index] } == reference.worst.map { [$0.run, $0.index] })
        #expect(found.mildest.map { [$0.run, $0.index] } == reference.mildest.map { [$0.run, $0.index] })
    }

    @Test func handCountedTies() throws {
        // Eight iterations of 1000 ns: median 1000, MAD 0, so the 1.1 floor is the fence (1100):
        // 1110 and 1500 are outlying, 1090 is not, and nothing below the median ever is.
        let run = [1000.0, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1050, 1090, 1110, 1500]
        let found = try OutlyingIterations(runs: [run])
        #expect(found.runs[0].outlying == [10, 11])
        #expect(found.runs[0].removingOutlying(from: run) == Array(run[0..<10]))
        #expect(isClose(found.runs[0].fence ?? 0, 1100, relative: 1e-14))
        #expect(isClose(found.worst?.ratioToMedian ?? 0, 1.5, relative: 1e-14))
        #expect(found.mildest?.time == 1110)
        let worst = try JSONSerialization.jsonObject(with: JSONEncoder().encode(found.worst)) as? [String: Double]
        #expect(worst?["run"] == 0 && worst?["index"] == 11 && worst?["time"] == 1500)
        let fast = try OutlyingIterations(runs: [run.map { $0 == 1500 ? 10 : $0 }])
        #expect(fast.runs[0].outlying == [10], "a fast iteration is never outlying")
    }

    @Test func shortRunsAreNotJudged() throws {
        let short = [100.0, 101, 99, 100, 2000, 100, 101, 99, 100]
        let found = try OutlyingIterations(runs: [short, short + [100]])
        #expect(found.unjudgedRuns == [0])
        #expect(found.runs[0].fence == nil)
        #expect(found.runs[1].outlying == [4])
        #expect(found.count == 1 && found.iterationCount == 19)
    }

    @Test func rejectsBadInputAndRules() throws {
        #expect(throws: StatisticsError.self) { try OutlyingIterations(runs: []) }
        #expect(throws: StatisticsError.tooFewObservations(needed: 1, got: 0, what: "run 2")) {
            try OutlyingIterations(runs: [[1, 2], []])
        }
        #expect(throws: StatisticsError.nonPositive(what: "run 1")) { try OutlyingIterations(runs: [[1, 0, 2]]) }
        #expect(throws: StatisticsError.nonFinite(what: "run 1")) { try OutlyingIterations(runs: [[1, .nan, 2]]) }
        #expect(throws: StatisticsError.self) { try OutlyingIterationRule(fenceMultiplier: 0, minimumRatio: 1.1, minimumIterations: 10) }
        #expect(throws: StatisticsError.self) { try OutlyingIterationRule(fenceMultiplier: .infinity, minimumRatio: 1.1, minimumIterations: 10) }
        #expect(throws: StatisticsError.self) { try OutlyingIterationRule(fenceMultiplier: 5, minimumRatio: 1, minimumIterations: 10) }
        #expect(throws: StatisticsError.self) { try OutlyingIterationRule(fenceMultiplier: 5, minimumRatio: 1.1, minimumIterations: 2) }
    }

    @Test func ruleRoundTripsThroughJSONAndIsCheckedWhenDecoded() throws {
        let data = try JSONEncoder().encode(OutlyingIterationRule.standard)
        #expect(try JSONDecoder().decode(OutlyingIterationRule.self, from: data) == .standard)
        let object = try #require(JSONSerialization.jsonObject(with: data) as? [String: Double])
        #expect(object == ["fenceMultiplier": 5, "minimumRatio": 1.1, "minimumIterations": 10])
        let bad = Data(#"{"fenceMultiplier": -1, "minimumRatio": 1.1, "minimumIterations": 10}"#.utf8)
        #expect(throws: StatisticsError.self) { try JSONDecoder().decode(OutlyingIterationRule.self, from: bad) }
    }

    /// The calibration of the rule (scripts/simulation/outlying_iterations.py), checked on
    /// GSL's generator: clean lognormal runs flag almost nothing; planted slow iterations are
    /// flagged.
    @Test func cleanRunsFlagAlmostNothingAndPlantedOnesAreFlagged() throws {
        var random = SimulatedTimings(seed: 19)
        var cleanFlagged = 0
        var cleanIterations = 0
        var plantedFlagged = [Double: Int]()
        var planted = 0
        for cv in [0.01, 0.03, 0.10] {
            let sigma = log(1 + cv * cv).squareRoot()
            for _ in 0..<400 {
                let run = (0..<30).map { _ in exp(sigma * random.normal()) }
                cleanFlagged += try OutlyingIterations(runs: [run]).count
                cleanIterations += run.count
                for factor in [3.0, 5, 20] {
                    var slow = run
                    slow[4] *= factor
                    slow[17] *= factor
                    let found = try OutlyingIterations(runs: [slow])
                    plantedFlagged[factor, default: 0] += found.runs[0].outlying.filter { $0 == 4 || $0 == 17 }.count
                }
                planted += 2
            }
        }
        // 36,000 clean iterations, 12,000 at each CV: the simulation's rates predict about 2
        // flagged (none at 1%, 5·10⁻⁵ at 3%, 1.2·10⁻⁴ at 10%); with k = 4, about 12.
        #expect(cleanFlagged <= 6, "clean iterations flagged: \(cleanFlagged) of \(cleanIterations)")
        for (factor, flagged) in plantedFlagged {
            #expect(flagged == planted, "×\(factor): \(flagged) of \(planted) planted iterations flagged")
        }
    }
}
