import Testing

@testable import QEStatistics

@Suite("Order statistics of pairwise differences without forming them")
struct PairwiseDifferenceSelectionTests {
    /// Deterministic data with many ties (rounded), so that pivots hit tied values.
    static func sample(_ count: Int, seed: UInt64, scale: Double, rounding: Double) -> [Double] {
        var generator = SplitMixSequence(seed: seed)
        return (0..<count).map { _ in
            let u = Double(generator.next() >> 11) / Double(1 << 53)
            return (u * scale / rounding).rounded() * rounding
        }
    }

    @Test(arguments: [(7, 5, 1.0), (40, 33, 0.25), (1, 9, 0.5), (9, 1, 0.0), (120, 90, 0.01)])
    func everyRankMatchesBruteForce(n: Int, m: Int, rounding: Double) {
        let x = Self.sample(n, seed: 1, scale: 10, rounding: rounding == 0 ? 1e-9 : rounding).sorted()
        let y = Self.sample(m, seed: 2, scale: 10, rounding: rounding == 0 ? 1e-9 : rounding).sorted()
        let all = x.flatMap { xi in y.map { xi - $0 } }.sorted()
        let selection = PairwiseDifferenceSelection(sortedX: x, sortedY: y, sampleSize: 64)
        for k in stride(from: 1, through: all.count, by: all.count > 2000 ? 13 : 1) {
            #expect(selection.orderStatistic(k) == all[k - 1], "rank \(k)")
        }
    }

    @Test func largeSamplesUseTheSamplingRoundsAndStayExact() {
        // 600 × 500 = 300,000 differences: several sampling rounds before the final selection.
        let x = Self.sample(600, seed: 3, scale: 100, rounding: 0.5).sorted()
        let y = Self.sample(500, seed: 4, scale: 80, rounding: 0.5).sorted()
        let all = x.flatMap { xi in y.map { xi - $0 } }.sorted()
        let selection = PairwiseDifferenceSelection(sortedX: x, sortedY: y, sampleSize: 64)
        for k in [1, 2, 777, 150_000, 150_001, 299_999, 300_000] {
            #expect(selection.orderStatistic(k) == all[k - 1], "rank \(k)")
        }
    }

    @Test func consecutiveRanksTogether() {
        // Heavily tied data so that pivots land inside the wanted pair of ranks.
        let x = Self.sample(700, seed: 5, scale: 6, rounding: 1).sorted()
        let y = Self.sample(400, seed: 6, scale: 6, rounding: 1).sorted()
        let all = x.flatMap { xi in y.map { xi - $0 } }.sorted()
        let selection = PairwiseDifferenceSelection(sortedX: x, sortedY: y, sampleSize: 64)
        for k in [1, 5_000, 139_999, 140_000, 200_001, 279_999] {
            #expect(selection.orderStatistics(from: k, count: 2) == [all[k - 1], all[k]], "ranks \(k), \(k + 1)")
        }
        #expect(selection.minimum == all[0])
        #expect(selection.maximum == all[all.count - 1])
    }

    @Test func allDifferencesTied() {
        let selection = PairwiseDifferenceSelection(
            sortedX: [Double](repeating: 3, count: 300), sortedY: [Double](repeating: 1, count: 200))
        #expect(selection.orderStatistic(1) == 2)
        #expect(selection.orderStatistic(30_000) == 2)
        #expect(selection.orderStatistic(60_000) == 2)
    }
}
