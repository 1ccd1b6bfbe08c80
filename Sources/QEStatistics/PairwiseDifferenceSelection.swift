/// Order statistics of the n·m pairwise differences xᵢ − yⱼ without forming them.
///
/// With x ascending and y descending, the differences form an implicit n × m matrix whose rows
/// and columns are sorted. Selection keeps, per row, the range of columns that may still hold
/// the wanted rank; each round draws a seeded sample of the remaining candidates, picks two
/// pivots that bracket the wanted rank (Floyd–Rivest), and counts the differences below each
/// pivot with one staircase walk over the matrix. Every round removes all but roughly a
/// 1/√(sample) share of the candidates, so a few rounds of O(n + m) work suffice.
///
/// Reference: J. F. Monahan (1984), "Algorithm 616: Fast computation of the Hodges–Lehmann
/// location estimator", ACM TOMS 10(3); R. W. Floyd and R. L. Rivest (1975), "Algorithm 489".
///
/// The result does not depend on the sampling: the k-th order statistic is unique.
///
/// - Complexity: O((n + m) log(n + m)) expected time, O(n + m) memory.
struct PairwiseDifferenceSelection: Sendable {
    /// The first sample, ascending.
    let x: [Double]
    /// The second sample, descending, so that row i, column j holds x[i] − yDescending[j]
    /// and both rows and columns ascend.
    let yDescending: [Double]

    /// - Parameters:
    ///   - sortedX: the first sample, ascending.
    ///   - sortedY: the second sample, ascending.
    ///   - sampleSize: candidates sampled per round (tests make it small to force many rounds).
    init(sortedX: [Double], sortedY: [Double], sampleSize: Int = PairwiseDifferenceSelection.defaultSampleSize) {
        x = sortedX
        yDescending = sortedY.reversed()
        self.sampleSize = sampleSize
    }

    /// Candidates sampled per round.
    let sampleSize: Int

    var count: Int { x.count * yDescending.count }

    /// The smallest difference, x₍₁₎ − y₍ₘ₎.
    var minimum: Double { x[0] - yDescending[0] }

    /// The largest difference, x₍ₙ₎ − y₍₁₎.
    var maximum: Double { x[x.count - 1] - yDescending[yDescending.count - 1] }

    /// The k-th smallest difference, k in 1...n·m (R's `sort(outer(x, y, "-"))[k]`).
    func orderStatistic(_ k: Int) -> Double {
        orderStatistics(from: k, count: 1)[0]
    }

    /// The differences of ranks k ..< k + `count` (1-based), ascending.
    func orderStatistics(from k: Int, count wanted: Int) -> [Double] {
        precondition(k >= 1 && wanted >= 1 && k + wanted - 1 <= count, "rank out of range")
        return x.withUnsafeBufferPointer { x in
            yDescending.withUnsafeBufferPointer { y in
                Self.select(x: x, y: y, ranks: k...(k + wanted - 1), sampleSize: sampleSize)
            }
        }
    }

    /// Candidates per round: a larger sample brackets the wanted ranks more tightly, so fewer
    /// passes over the matrix are needed; 16,384 keeps about 1/32 of the candidates a round.
    static let defaultSampleSize = 65_536

    private static func select(
        x: UnsafeBufferPointer<Double>, y: UnsafeBufferPointer<Double>, ranks: ClosedRange<Int>, sampleSize: Int
    ) -> [Double] {
        let n = x.count
        let m = y.count
        // Candidate columns of row i are lower[i] ..< upper[i]. Everything left of lower[i] is
        // known to rank below the wanted ranks, everything from upper[i] on above them.
        var lower = [Int](repeating: 0, count: n)
        var upper = [Int](repeating: m, count: n)
        var belowLow = [Int](repeating: 0, count: n)
        var atOrBelowHigh = [Int](repeating: 0, count: n)
        var rowStarts = [Int](repeating: 0, count: n + 1)
        var generator = SplitMixSequence(seed: 0x5EED_0F_D1FF)
        var sample = [Double]()
        sample.reserveCapacity(sampleSize)
        var previousRemaining = Int.max
        while true {
            var remaining = 0
            var knownBelow = 0
            for i in 0..<n {
                rowStarts[i] = remaining
                remaining += upper[i] - lower[i]
                knownBelow += lower[i]
            }
            rowStarts[n] = remaining
            if remaining == previousRemaining, ranks.count > 1 {
                // A pivot fell strictly inside the wanted ranks, which then cannot shrink as a
                // block; a single rank always can.
                return ranks.map { select(x: x, y: y, ranks: $0...$0, sampleSize: sampleSize)[0] }
            }
            if remaining <= Swift.max(4 * sampleSize, n + m) {
                var candidates = [Double]()
                candidates.reserveCapacity(remaining)
                for i in 0..<n where lower[i] < upper[i] {
                    let xi = x[i]
                    for j in lower[i]..<upper[i] { candidates.append(xi - y[j]) }
                }
                let first = ranks.lowerBound - knownBelow  // 1-based within the candidates
                // Each selection leaves the array partitioned around its rank, so the next one
                // only reorders what lies above.
                return (0..<ranks.count).map { offset in Self.select(&candidates, rank: first + offset) }
            }
            // A systematic sample of the candidates (every (remaining/s)-th one, from a random
            // start), found in one sweep over the rows; pick pivots just below and above the
            // wanted ranks.
            sample.removeAll(keepingCapacity: true)
            let step = Double(remaining) / Double(sampleSize)
            var position = Double(generator.next() >> 11) / Double(1 << 53) * step
            var row = 0
            for _ in 0..<sampleSize {
                let r = Swift.min(Int(position), remaining - 1)
                while rowStarts[row + 1] <= r { row += 1 }
                sample.append(x[row] - y[lower[row] + (r - rowStarts[row])])
                position += step
            }
            sample.sort()
            let scale = Double(sampleSize) / Double(remaining)
            // The systematic sample places the wanted rank within a few positions; a margin of
            // √s/4 positions each side keeps about 1/500 of the candidates a round, and a miss
            // only costs a one-sided step.
            let spread = Double(sampleSize).squareRoot() / 4
            // Two pivots normally; one (which always removes itself or answers) when the last
            // round did not halve the candidates, as happens when many differences are tied.
            let stalled = remaining > previousRemaining / 2
            previousRemaining = remaining
            let lowPosition = Double(ranks.lowerBound - knownBelow) * scale - (stalled ? 0 : spread)
            let highPosition = Double(ranks.upperBound - knownBelow) * scale + (stalled ? 0 : spread)
            let lowIndex = Swift.min(sampleSize - 1, Swift.max(0, Int(lowPosition)))
            let highIndex = Swift.min(sampleSize - 1, Swift.max(lowIndex, Int(highPosition)))
            let lowPivot = sample[lowIndex]
            let highPivot = sample[highIndex]
            let (totalBelowLow, totalAtOrBelowHigh) = countPerRow(
                x: x, y: y, below: lowPivot, atOrBelow: highPivot, lower: lower, upper: upper,
                into: &belowLow, &atOrBelowHigh)
            if ranks.upperBound <= totalBelowLow {
                // Every wanted rank is below lowPivot.
                for i in 0..<n { upper[i] = Swift.min(upper[i], belowLow[i]) }
            } else if ranks.lowerBound > totalAtOrBelowHigh {
                // Every wanted rank is above highPivot.
                for i in 0..<n { lower[i] = Swift.max(lower[i], atOrBelowHigh[i]) }
            } else if lowPivot == highPivot, ranks.lowerBound > totalBelowLow, ranks.upperBound <= totalAtOrBelowHigh {
                return [Double](repeating: lowPivot, count: ranks.count)
            } else {
                // The wanted ranks overlap [lowPivot, highPivot]; keep what may hold them.
                if ranks.lowerBound > totalBelowLow {
                    for i in 0..<n { lower[i] = Swift.max(lower[i], belowLow[i]) }
                }
                if ranks.upperBound <= totalAtOrBelowHigh {
                    for i in 0..<n { upper[i] = Swift.min(upper[i], atOrBelowHigh[i]) }
                }
            }
        }
    }

    /// For each row, how many columns hold a difference below `low`, and how many at most
    /// `high`; returns the two sums. Rows ascend with i, so each count can only fall as i grows:
    /// two staircase walks, done in the same pass, O(n + m). The walks only look inside each
    /// row's candidate columns (`lower[i] ..< upper[i]`): the counts are known to lie in
    /// [lower[i], upper[i]], and both bounds fall with i as the counts do.
    private static func countPerRow(
        x: UnsafeBufferPointer<Double>, y: UnsafeBufferPointer<Double>, below low: Double, atOrBelow high: Double,
        lower: [Int], upper: [Int], into belowCounts: inout [Int], _ atOrBelowCounts: inout [Int]
    ) -> (Int, Int) {
        var j = y.count
        var k = y.count
        var totalBelow = 0
        var totalAtOrBelow = 0
        lower.withUnsafeBufferPointer { lower in
            upper.withUnsafeBufferPointer { upper in
                belowCounts.withUnsafeMutableBufferPointer { belowCounts in
                    atOrBelowCounts.withUnsafeMutableBufferPointer { atOrBelowCounts in
                        for i in 0..<x.count {
                            let xi = x[i]
                            let floor = lower[i]
                            let ceiling = upper[i]
                            j = Swift.min(j, ceiling)
                            while j > floor, xi - y[j - 1] >= low { j -= 1 }
                            belowCounts[i] = j
                            totalBelow += j
                            k = Swift.min(k, ceiling)
                            while k > floor, xi - y[k - 1] > high { k -= 1 }
                            atOrBelowCounts[i] = k
                            totalAtOrBelow += k
                        }
                    }
                }
            }
        }
        return (totalBelow, totalAtOrBelow)
    }

    /// The `rank`-th smallest (1-based) of `values`, which it reorders (quickselect with
    /// median-of-three pivots, then a final sort of small ranges).
    static func select(_ values: inout [Double], rank: Int) -> Double {
        var lo = 0
        var hi = values.count - 1
        let target = rank - 1
        while hi - lo > 16 {
            let mid = lo + (hi - lo) / 2
            // Median of three as pivot.
            if values[mid] < values[lo] { values.swapAt(mid, lo) }
            if values[hi] < values[lo] { values.swapAt(hi, lo) }
            if values[hi] < values[mid] { values.swapAt(hi, mid) }
            let pivot = values[mid]
            var i = lo
            var j = hi
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if target <= j {
                hi = j
            } else if target >= i {
                lo = i
            } else {
                return values[target]
            }
        }
        values[lo...hi].sort()
        return values[target]
    }
}

/// The SplitMix64 stream as a generator, for choosing pivots; its output never reaches a
/// statistic's value.
struct SplitMixSequence: Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= SplitMix64.increment
        return SplitMix64.mix(state)
    }
}
