/// The exact null distribution of the Wilcoxon signed-rank statistic V (R's `dsignrank`,
/// `psignrank`, `qsignrank`) for n observations without ties or zeros.
///
/// V is the sum of the ranks of |xᵢ| over the positive xᵢ. Under the null hypothesis each sign
/// is + or − with probability ½, independently, so the 2ⁿ sign patterns are equally likely and
/// the number of patterns with V = v follows c(v; n) = c(v; n − 1) + c(v − n; n − 1) (the
/// largest |x| is either negative or adds n). Built by additions only, so every count is exact
/// to rounding.
///
/// - Complexity: O(n³) time and O(n²) memory to build (n(n + 1)/2 + 1 counts, n passes).
struct SignedRankDistribution: Sendable {
    let n: Int
    /// `counts[v]` is the number of sign patterns with V = v, for v in 0...n(n + 1)/2.
    let counts: [Double]
    /// 2⁻ⁿ, the probability of one pattern.
    let patternProbability: Double

    /// The largest n built: beyond it 2ⁿ overflows nothing yet, but the table grows as n³.
    static let largestCount = 1000

    init(n: Int) {
        precondition(n >= 1 && n <= Self.largestCount, "the number of observations must be in 1...\(Self.largestCount)")
        self.n = n
        let maximum = n * (n + 1) / 2
        var counts = [Double](repeating: 0, count: maximum + 1)
        counts[0] = 1
        var reach = 0
        for rank in 1...n {
            reach += rank
            // Downwards, so that each pattern adds `rank` at most once.
            for v in stride(from: reach, through: rank, by: -1) { counts[v] += counts[v - rank] }
        }
        self.counts = counts
        patternProbability = 1 / (0..<n).reduce(1.0) { product, _ in product * 2 }
    }

    /// The largest value of V, n(n + 1)/2.
    var maximum: Int { counts.count - 1 }

    /// P(V ≤ q), or P(V > q) when `lowerTail` is false; summed over the shorter tail as R does,
    /// so that small probabilities keep their relative accuracy.
    func cdf(_ q: Double, lowerTail: Bool = true) -> Double {
        let q = (q + 1e-7).rounded(.down)
        if q < 0 { return lowerTail ? 0 : 1 }
        if q >= Double(maximum) { return lowerTail ? 1 : 0 }
        var p = 0.0
        var lower = lowerTail
        if q <= Double(maximum) / 2 {
            for v in 0...Int(q) { p += counts[v] * patternProbability }
        } else {
            for v in 0..<(maximum - Int(q)) { p += counts[v] * patternProbability }
            lower.toggle()
        }
        return lower ? p : 0.5 - p + 0.5
    }

    /// The smallest q with P(V ≤ q) ≥ `probability` (R's `qsignrank`, including its 10ε nudge).
    func quantile(_ probability: Double) -> Int {
        if probability <= 0 { return 0 }
        if probability >= 1 { return maximum }
        var p = 0.0
        var q = 0
        if probability <= 0.5 {
            let target = probability - 10 * Double.ulpOfOne
            while true {
                p += counts[q] * patternProbability
                if p >= target { return q }
                q += 1
            }
        } else {
            let target = 1 - probability + 10 * Double.ulpOfOne
            while true {
                p += counts[q] * patternProbability
                if p > target { return maximum - q }
                q += 1
            }
        }
    }
}
