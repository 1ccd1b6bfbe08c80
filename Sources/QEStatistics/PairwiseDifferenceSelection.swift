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
    init(sortedX: [Double], sortedY: [Double]) {
        x = sortedX
        yDescending = sortedY.reversed()
    }

    var count: Int { x.count * yDescending.count }

    /// The difference in row i, column j.
    @inline(__always)
    private func value(_ i: Int, _ j: Int) -> Double { x[i] - yDescending[j] }

    /// The k-th smallest difference, k in 1...n·m (R's `sort(outer(x, y, "-"))[k]`).
    func orderStatistic(_ k: Int) -> Double {
        precondition(k >= 1 && k <= count, "rank out of range")
        let n = x.count
        let m = yDescending.count
        // Candidate columns of row i are lower[i] ..< upper[i]. Everything left of lower[i] is
        // known to rank below k, everything from upper[i] on is known to rank above.
        var lower = [Int](repeating: 0, count: n)
        var upper = [Int](repeating: m, count: n)
        var generator = SplitMixSequence(seed: 0x5EED_0F_D1FF)
        let sampleSize = 4096
        var sample = [Double]()
        sample.reserveCapacity(sampleSize)
        var rowStarts = [Int](repeating: 0, count: n + 1)
        var previousRemaining = Int.max
        while true {
            var remaining = 0
            for i in 0..<n {
                rowStarts[i] = remaining
                remaining += upper[i] - lower[i]
            }
            rowStarts[n] = remaining
            let knownBelow = lower.reduce(0, +)
            let wanted = k - knownBelow  // rank within the candidates, 1-based
            if remaining <= Swift.max(4 * sampleSize, 2 * (n + m)) {
                var candidates = [Double]()
                candidates.reserveCapacity(remaining)
                for i in 0..<n where lower[i] < upper[i] {
                    for j in lower[i]..<upper[i] { candidates.append(value(i, j)) }
                }
                return Self.select(&candidates, rank: wanted)
            }
            // Sample candidates uniformly; pick pivots just below and above the wanted rank.
            sample.removeAll(keepingCapacity: true)
            for _ in 0..<sampleSize {
                let r = Int(generator.next() % UInt64(remaining))
                // Row holding candidate r: the last row whose start is ≤ r.
                var lo = 0
                var hi = n - 1
                while lo < hi {
                    let mid = (lo + hi + 1) / 2
                    if rowStarts[mid] <= r { lo = mid } else { hi = mid - 1 }
                }
                sample.append(value(lo, lower[lo] + (r - rowStarts[lo])))
            }
            sample.sort()
            let position = Double(wanted) / Double(remaining) * Double(sampleSize)
            let spread = 2 * Double(sampleSize).squareRoot()
            // Two pivots normally; one (which always removes itself or answers) when the last
            // round did not halve the candidates, as happens when many differences are tied.
            let stalled = remaining > previousRemaining / 2
            previousRemaining = remaining
            let centre = Swift.min(sampleSize - 1, Swift.max(0, Int(position)))
            let lowIndex = stalled ? centre : Swift.max(0, Int(position - spread))
            let highIndex = stalled ? centre : Swift.min(sampleSize - 1, Int(position + spread))
            let lowPivot = sample[lowIndex]
            let highPivot = sample[highIndex]
            // Columns below lowPivot, and at or below highPivot, in every row.
            let belowLow = countPerRow(lessThan: lowPivot, orEqual: false)
            let atOrBelowHigh = countPerRow(lessThan: highPivot, orEqual: true)
            let totalBelowLow = belowLow.reduce(0, +)
            let totalAtOrBelowHigh = atOrBelowHigh.reduce(0, +)
            if k <= totalBelowLow {
                // The answer is below lowPivot.
                for i in 0..<n { upper[i] = Swift.min(upper[i], belowLow[i]) }
            } else if k > totalAtOrBelowHigh {
                // The answer is above highPivot.
                for i in 0..<n { lower[i] = Swift.max(lower[i], atOrBelowHigh[i]) }
            } else if lowPivot == highPivot {
                return lowPivot
            } else {
                // The answer lies in [lowPivot, highPivot].
                for i in 0..<n {
                    lower[i] = Swift.max(lower[i], belowLow[i])
                    upper[i] = Swift.min(upper[i], atOrBelowHigh[i])
                }
            }
        }
    }

    /// For each row, how many columns hold a difference below `pivot` (or at most `pivot`).
    /// Rows ascend with i, so the count can only fall as i grows: one staircase walk.
    private func countPerRow(lessThan pivot: Double, orEqual: Bool) -> [Int] {
        let n = x.count
        var counts = [Int](repeating: 0, count: n)
        var j = yDescending.count
        for i in 0..<n {
            if orEqual {
                while j > 0, value(i, j - 1) > pivot { j -= 1 }
            } else {
                while j > 0, value(i, j - 1) >= pivot { j -= 1 }
            }
            counts[i] = j
        }
        return counts
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
