import Testing

@testable import QEStatistics

@Suite("Radix sort of doubles")
struct RadixSortTests {
    static func values(_ count: Int, seed: UInt64, transform: (Double) -> Double) -> [Double] {
        var generator = SplitMixSequence(seed: seed)
        return (0..<count).map { _ in transform(Double(generator.next() >> 11) / Double(1 << 53)) }
    }

    @Test(arguments: [10, 5_000, 100_000])
    func agreesWithTheComparisonSort(count: Int) {
        let cases: [[Double]] = [
            Self.values(count, seed: 1) { 13_000_000 + ($0 * 1000).rounded() },  // timings with ties
            Self.values(count, seed: 2) { ($0 - 0.5) * 1e12 },                     // mixed signs
            Self.values(count, seed: 3) { $0 < 0.5 ? -$0 * 1e-300 : $0 * 1e300 },  // extreme magnitudes
            Self.values(count, seed: 4) { $0 < 0.1 ? 0 : 7 },                      // almost all equal
        ]
        for values in cases {
            #expect(RadixSort.sorted(values) == values.sorted())
        }
    }

    @Test func sortedInputComesBackAsItIs() {
        let values = (0..<10_000).map(Double.init)
        #expect(RadixSort.sorted(values) == values)
        #expect(RadixSort.sorted(values.reversed()) == values)
    }
}
