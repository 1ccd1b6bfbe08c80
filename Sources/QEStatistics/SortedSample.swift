/// A non-empty sample in ascending order, with R's order-statistic summaries.
///
/// Internal: `Summary`, `MedianInterval` and `Bootstrap` share it so that every quantile in the
/// package follows the same convention (R's `quantile(type = 7)` and `median`).
struct SortedSample: Sendable, Equatable {
    /// The values in ascending order; never empty.
    let values: [Double]

    /// Sorts `values`, which must be non-empty and free of NaN (callers validate first).
    /// - Complexity: O(n log n).
    init(sorting values: [Double]) {
        precondition(!values.isEmpty, "a sorted sample needs at least one value")
        self.values = values.sorted()
    }

    var count: Int { values.count }
    var minimum: Double { values[0] }
    var maximum: Double { values[values.count - 1] }

    /// R's `median`: the middle value, or the mean of the two middle values.
    /// - Complexity: O(1).
    var median: Double {
        let n = values.count
        let half = (n + 1) / 2  // 1-based, as in R
        if n % 2 == 1 { return values[half - 1] }
        return (values[half - 1] + values[half]) / 2
    }

    /// R's `quantile(x, p, type = 7)`: with h = 1 + (n − 1)p, the linear interpolation
    /// (1 − (h − ⌊h⌋))·x₍⌊h⌋₎ + (h − ⌊h⌋)·x₍⌈h⌉₎, skipped (as R does) when both order
    /// statistics are equal. `p` must be in [0, 1].
    /// - Complexity: O(1).
    func quantile(_ p: Double) -> Double {
        precondition(p >= 0 && p <= 1, "a probability must be in [0, 1]")
        let index = 1 + Double(values.count - 1) * p
        let lo = index.rounded(.down)
        let hi = index.rounded(.up)
        let lower = values[Int(lo) - 1]
        let upper = values[Int(hi) - 1]
        guard index > lo, upper != lower else { return lower }
        let h = index - lo
        return (1 - h) * lower + h * upper
    }

    /// R's `mad(x, constant = 1)`: the median of |xᵢ − median|.
    ///
    /// The deviations below and above the median are each already sorted (walking outwards
    /// from the median), so their median is found by merging the two runs: no second sort.
    /// - Complexity: O(n).
    var medianAbsoluteDeviationUnscaled: Double {
        let centre = median
        let n = values.count
        // Values at or below the centre, walked downwards; values above it, walked upwards.
        var below = upperBound(of: centre) - 1
        var above = below + 1
        func nextDeviation() -> Double {
            let left = below >= 0 ? centre - values[below] : .infinity
            let right = above < n ? values[above] - centre : .infinity
            if left <= right {
                below -= 1
                return left
            }
            above += 1
            return right
        }
        // The deviations in ascending order; R's median of them.
        let half = (n + 1) / 2
        var deviation = 0.0
        for _ in 0..<half { deviation = nextDeviation() }
        if n % 2 == 1 { return deviation }
        return (deviation + nextDeviation()) / 2
    }

    /// The index of the first value greater than `x`.
    private func upperBound(of x: Double) -> Int {
        var low = 0
        var high = values.count
        while low < high {
            let mid = (low + high) / 2
            if values[mid] <= x { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
