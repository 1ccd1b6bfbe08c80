/// The exact null distribution of Kendall's statistic T (the number of concordant pairs, or
/// equivalently of inversions) for n untied observations: every permutation equally likely.
///
/// R computes the same distribution in `ckendall`/`pkendall` (src/library/stats/src/kendall.c)
/// by counting permutations; here the probabilities themselves are built up with the
/// recurrence P_n(k) = (1/n) Σⱼ₌₀^{min(k, n−1)} P_{n−1}(k − j), which stays in [0, 1] for any n,
/// and both tails are summed from their own end, so a small upper tail keeps its precision
/// (R's `1 - pkendall(q - 1, n)` loses it below about 1e-16).
///
/// - Complexity: O(n³) time (O(n) per probability with running sums: O(n · n²/2)),
///   O(n²) memory. Used below n = 50, as R does.
struct KendallDistribution: Sendable {
    /// The number of observations.
    let n: Int
    /// probabilities[k] = P(T = k), k = 0 ... n(n − 1)/2.
    let probabilities: [Double]

    init(n: Int) {
        precondition(n >= 1, "Kendall's distribution needs at least one observation")
        self.n = n
        var current: [Double] = [1]
        if n >= 2 {
            for size in 2...n {
                let maximum = size * (size - 1) / 2
                var next = [Double](repeating: 0, count: maximum + 1)
                // next[k] = (1/size) Σ_{j=0}^{size−1} current[k − j], a sliding window sum.
                var window = 0.0
                for k in 0...maximum {
                    if k < current.count { window += current[k] }
                    let leaving = k - size
                    if leaving >= 0, leaving < current.count { window -= current[leaving] }
                    next[k] = max(0, window) / Double(size)
                }
                current = next
            }
        }
        probabilities = current
    }

    /// The largest value T can take, n(n − 1)/2.
    var maximum: Int { probabilities.count - 1 }

    /// P(T ≤ q) (R: `pkendall(q, n)`); 0 below 0 and 1 from the maximum on.
    func lowerTail(_ q: Int) -> Double {
        if q < 0 { return 0 }
        if q >= maximum { return 1 }
        return min(1, probabilities[0...q].reduce(0, +))
    }

    /// P(T ≥ q) (R: `1 - pkendall(q - 1, n)`), summed from the top.
    func upperTail(_ q: Int) -> Double {
        if q <= 0 { return 1 }
        if q > maximum { return 0 }
        return min(1, probabilities[q...maximum].reversed().reduce(0, +))
    }
}
