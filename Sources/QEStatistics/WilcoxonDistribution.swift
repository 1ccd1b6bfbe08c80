/// The exact null distribution of the Mann–Whitney U statistic (R's `dwilcox`, `pwilcox`,
/// `qwilcox`), for samples of sizes `m` and `n` without ties.
///
/// U counts the pairs (xᵢ, yⱼ) with xᵢ > yⱼ. Its frequencies follow the recurrence
/// c(k; m, n) = c(k − n; m − 1, n) + c(k; m, n − 1) (the largest observation is either an x,
/// which beats all n y's, or a y). The table is built once, by additions only, so every count is
/// exact to rounding.
///
/// - Complexity: O(m·n·(m·n)) time and O(n·m·n) memory to build; R uses it only when both
///   samples have fewer than 50 observations.
struct WilcoxonDistribution: Sendable {
    let m: Int
    let n: Int
    /// `counts[k]` is the number of arrangements with U = k, for k in 0...m·n.
    let counts: [Double]
    /// choose(m + n, n), the number of arrangements.
    let total: Double

    init(m: Int, n: Int) {
        precondition(m >= 1 && n >= 1, "sample sizes must be positive")
        self.m = m
        self.n = n
        // previous[j] = distribution for (i − 1, j); current[j] for (i, j).
        var previous: [[Double]] = (0...n).map { _ in [1.0] }  // i = 0: U is always 0
        for i in 1...m {
            var current: [[Double]] = [[1.0]]  // j = 0: U is always 0
            current.reserveCapacity(n + 1)
            for j in 1...n {
                var row = [Double](repeating: 0, count: i * j + 1)
                let shifted = previous[j]   // c(k − j; i − 1, j)
                for (k, value) in shifted.enumerated() { row[k + j] += value }
                let left = current[j - 1]   // c(k; i, j − 1)
                for (k, value) in left.enumerated() { row[k] += value }
                current.append(row)
            }
            previous = current
        }
        counts = previous[n]
        total = counts.reduce(0, +)
    }

    /// P(U ≤ q), or P(U > q) when `lowerTail` is false; summed over the shorter tail as R does,
    /// so that small probabilities keep their relative accuracy.
    func cdf(_ q: Double, lowerTail: Bool = true) -> Double {
        let q = (q + 1e-7).rounded(.down)
        let mn = Double(m * n)
        if q < 0 { return lowerTail ? 0 : 1 }
        if q >= mn { return lowerTail ? 1 : 0 }
        var p = 0.0
        var lower = lowerTail
        if q <= mn / 2 {
            for k in 0...Int(q) { p += counts[k] / total }
        } else {
            let upper = Int(mn - q)
            for k in 0..<upper { p += counts[k] / total }
            lower.toggle()
        }
        return lower ? p : 0.5 - p + 0.5
    }

    /// The smallest q with P(U ≤ q) ≥ `probability` (R's `qwilcox`, including its 10ε nudge).
    func quantile(_ probability: Double) -> Int {
        if probability <= 0 { return 0 }
        if probability >= 1 { return m * n }
        var p = 0.0
        var q = 0
        if probability <= 0.5 {
            let target = probability - 10 * Double.ulpOfOne
            while true {
                p += counts[q] / total
                if p >= target { break }
                q += 1
            }
            return q
        } else {
            let target = 1 - probability + 10 * Double.ulpOfOne
            while true {
                p += counts[q] / total
                if p > target { return m * n - q }
                q += 1
            }
        }
    }
}
