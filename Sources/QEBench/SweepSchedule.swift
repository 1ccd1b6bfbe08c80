/// The order in which a sweep visits its points: `rounds` rounds (one run of every point each),
/// the points of each round in a seeded shuffled order.
///
/// Runs of one point are spread over the whole sweep and the order of sizes changes from round
/// to round, so a drift of the machine in time (warming up, other load arriving) becomes
/// run-to-run variation, which the intervals count, instead of a trend in size. Shuffling:
/// Fisher–Yates driven by SplitMix64 (Steele, Lea & Flood 2014) seeded from (seed, round), so
/// the same seed gives the same order on every machine.
public struct SweepSchedule: Sendable, Equatable {
    /// For each round, the indices of the points in the order they are measured.
    public let rounds: [[Int]]

    public init(pointCount: Int, rounds: Int, seed: UInt64) {
        self.rounds = (0..<rounds).map { round in
            var order = Array(0..<pointCount)
            var state = seed ^ (UInt64(round) &* 0xD1B5_4A32_D192_ED03)
            for index in stride(from: order.count - 1, to: 0, by: -1) {
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                z ^= z >> 31
                // Lemire's multiply-shift maps 64 random bits to 0...index with negligible bias
                // for the grid sizes of a sweep.
                let chosen = Int(z.multipliedFullWidth(by: UInt64(index + 1)).high)
                order.swapAt(index, chosen)
            }
            return order
        }
    }
}
