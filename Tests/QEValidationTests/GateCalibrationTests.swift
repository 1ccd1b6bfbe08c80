import Testing

@testable import QEValidation

/// The calibration is a simulation shipped as a command; these tests only check that it runs
/// and is reproducible (the rates themselves are in the README, from the command).
@Suite("The gate's calibration simulation")
struct GateCalibrationTests {
    func small() -> GateCalibration {
        var calibration = GateCalibration(noise: BenchmarkNoise(withinRunSigma: 0.05, betweenRunSigma: 0.03))
        calibration.simulations = 40
        return calibration
    }

    @Test func itIsReproducible() throws {
        let first = try small().run()
        let second = try small().run()
        #expect(first == second)
        #expect(first.rows.map(\.rule) == [.gate, .gateStrict, .meanRatio, .p95Ratio])
        #expect(first.rows.allSatisfy { $0.falseFailures.total == 40 && $0.detections.total == 40 })
    }

    @Test func aHugeSlowdownIsAlwaysCaughtAndNoChangeRarelyFails() throws {
        var calibration = small()
        calibration.slowdown = 2
        let report = try calibration.run()
        let gate = try #require(report.rows.first { $0.rule == .gate })
        #expect(gate.detections.fraction == 1)
        #expect(gate.falseFailures.count <= 2)
    }

    @Test func wilsonIntervals() {
        let rate = GateCalibration.Rate(count: 5, total: 100)
        // R: prop.test(5, 100, correct = FALSE)$conf.int = 0.02154368 0.11175047
        #expect(abs(rate.low - 0.02154368) < 1e-7)
        #expect(abs(rate.high - 0.11175047) < 1e-7)
    }

    @Test func noiseIsEstimatedFromRuns() throws {
        let runs: [[Double]] = [[1, 1.1, 0.9], [2, 2.2, 1.8], [1.5, 1.6, 1.4]]
        let noise = try #require(BenchmarkNoise.estimate(runs: runs))
        #expect(noise.withinRunSigma > 0.05 && noise.withinRunSigma < 0.15)
        #expect(noise.betweenRunSigma > 0.2)
        #expect(BenchmarkNoise.estimate(runs: [[1, 2]]) == nil)
    }
}
