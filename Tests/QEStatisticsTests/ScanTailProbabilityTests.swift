import QEStatistics
import QETestSupport
import Testing

@Suite("ScanTailProbability (Siegmund's approximation against a NumPy simulation)")
struct ScanTailProbabilityTests {
    /// The approximation is for the tail: checked where decisions are made (p ≤ 0.05).
    @Test("agrees with the simulated tail", arguments: ChangePointReference.fixture.scanTail.filter { $0.probability <= 0.05 })
    func agreesWithSimulation(_ reference: ChangePointReference.ScanTail) {
        let approximation = ScanTailProbability.probability(
            exceeding: reference.threshold, count: reference.count,
            minimumBefore: reference.before, minimumAfter: reference.after)
        // Simulation error (4 binomial standard errors) plus 10% for the approximation.
        let simulationError = 4 * (reference.probability * (1 - reference.probability) / Double(reference.draws)).squareRoot()
        let allowed = simulationError + 0.1 * reference.probability
        #expect(abs(approximation - reference.probability) <= allowed, "\(reference): \(approximation) against \(reference.probability)")
    }

    @Test("overshoot correction matches SciPy's evaluation", arguments: ChangePointReference.fixture.overshoot)
    func overshoot(_ reference: ChangePointReference.Overshoot) {
        #expect(isClose(ScanTailProbability.overshootCorrection(reference.x), reference.nu, relative: 1e-12))
    }

    @Test("edge cases: no splits, an infinite or non-positive threshold, the cap at 1")
    func edges() {
        #expect(ScanTailProbability.probability(exceeding: 3, count: 4, minimumBefore: 3, minimumAfter: 2) == 1)
        #expect(ScanTailProbability.probability(exceeding: .infinity, times: [0.5], steps: [0.1]) == 0)
        #expect(ScanTailProbability.probability(exceeding: 0, times: [0.5], steps: [0.1]) == 1)
        #expect(ScanTailProbability.probability(exceeding: 0.5, count: 1000, minimumBefore: 2, minimumAfter: 2) == 1)
        #expect(ScanTailProbability.overshootCorrection(0) == 1)
        // Never below the chance of one split exceeding the threshold: near 1 for tiny thresholds.
        #expect(ScanTailProbability.probability(exceeding: 1e-13, count: 20, minimumBefore: 3, minimumAfter: 3) > 0.99)
    }
}
