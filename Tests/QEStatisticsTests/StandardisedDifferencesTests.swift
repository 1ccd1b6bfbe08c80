import Foundation
import Testing
@testable import QEStatistics

@Suite("StandardisedDifferences (the commit-to-commit variance of CommitNoise)")
struct StandardisedDifferencesTests {
    /// The bisection as written first: the median selected at every step.
    static func selectingRoot(_ differences: StandardisedDifferences, start: Double) -> Double {
        var low = 0.0
        var high = max(start, 1e-300)
        while differences.scale(high) > 1 { high *= 4 }
        for _ in 0..<60 {
            let middle = (low + high) / 2
            if differences.scale(middle) > 1 { low = middle } else { high = middle }
        }
        return high
    }

    @Test("settling values at the bracket's ends gives the variance selecting the median gives, bit for bit",
          arguments: [2, 3, 4, 5, 8, 11, 40, 41, 199, 200])
    func rootMatchesSelectingTheMedian(count: Int) {
        var random = RandomSource(seed: UInt64(count))
        for trial in 0..<40 {
            var differences = (0..<count).map { _ in 0.02 * random.nextGaussian() }
            // Ties, exact zeros and outlying commits.
            if trial % 4 == 1 { for index in stride(from: 0, to: count, by: 3) { differences[index] = 0 } }
            if trial % 4 == 2 { for index in stride(from: 0, to: count, by: 5) { differences[index] = 0.5 } }
            if trial % 4 == 3 { for index in stride(from: 0, to: count, by: 2) { differences[index] = 0.01 } }
            let shares = (0...count).map { index in index % 7 == 3 ? 0 : 1e-4 * random.nextUniform() }
            let standardised = StandardisedDifferences(differences: differences, shares: shares)
            let absolute = differences.map(abs).sorted()
            let spread = 1.4826 * absolute[(count - 1) / 2] / 2.0.squareRoot()
            for start in [spread * spread, 1e-6, 0] {
                let expected = Self.selectingRoot(standardised, start: start)
                let found = standardised.root(start: start)
                #expect(found.bitPattern == expected.bitPattern, "count \(count), trial \(trial), start \(start): \(found) against \(expected)")
            }
        }
    }

    @Test("at the root the scaled median of the standardised differences is 1")
    func rootSolvesTheEquation() {
        var random = RandomSource(seed: 99)
        let differences = (0..<99).map { _ in 0.03 * random.nextGaussian() }
        let shares = (0..<100).map { index in index % 2 == 0 ? 1e-4 : 4e-4 }
        let standardised = StandardisedDifferences(differences: differences, shares: shares)
        let root = standardised.root(start: 1e-4)
        #expect(abs(standardised.scale(root) - 1) < 1e-9)
    }
}
