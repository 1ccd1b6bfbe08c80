/// Two samples sorted once, and the rank-sum statistic of `x − d` against `y` for any shift `d`.
///
/// This is R's inner function `W(d)` of `wilcox.test` (two-sample case): rank `c(x − d, y)`,
/// sum the ranks of the first sample, centre and scale with the tie-corrected standard
/// deviation. Because both samples are kept sorted, ranking is a merge: O(n + m) per shift
/// instead of O((n + m) log(n + m)), with exactly the value R computes (mid-ranks are
/// half-integers, so the sums are exact in floating point).
struct RankSumScore: Sendable {
    /// The first sample, ascending.
    let x: [Double]
    /// The second sample, ascending.
    let y: [Double]

    /// Sorts both samples.
    /// - Complexity: O(n + m) (radix sort, both samples at once).
    init(x: [Double], y: [Double]) {
        let sorted = [x, y].concurrentMap(RadixSort.sorted)
        self.x = sorted[0]
        self.y = sorted[1]
    }

    init(sortedX: [Double], sortedY: [Double]) {
        self.x = sortedX
        self.y = sortedY
    }

    var nx: Double { Double(x.count) }
    var ny: Double { Double(y.count) }

    /// The Mann–Whitney statistic of `x − d` against `y` and Σ(t³ − t) over the tie groups
    /// of the combined sample.
    /// - Complexity: O(n + m).
    func statistic(shift d: Double) -> (u: Double, tieSum: Double) {
        var u = 0.0
        var tieSum = 0.0
        var i = 0
        var j = 0
        let n = x.count
        let m = y.count
        while i < n || j < m {
            // The smallest remaining value and how many of each sample share it.
            let value: Double
            if i < n, j < m {
                value = Swift.min(x[i] - d, y[j])
            } else if i < n {
                value = x[i] - d
            } else {
                value = y[j]
            }
            var xs = 0
            while i + xs < n, x[i + xs] - d == value { xs += 1 }
            var ys = 0
            while j + ys < m, y[j + ys] == value { ys += 1 }
            // Each x in this group beats the j smaller y's and ties with ys of them.
            u += Double(xs) * (Double(j) + Double(ys) / 2)
            let t = Double(xs + ys)
            if t > 1 { tieSum += t * t * t - t }
            i += xs
            j += ys
        }
        return (u, tieSum)
    }

    /// The tie-corrected standard deviation of U under the null (R's `SIGMA`).
    func sigma(tieSum: Double) -> Double {
        let nx = self.nx
        let ny = self.ny
        return ((nx * ny / 12) * ((nx + ny + 1) - tieSum / ((nx + ny) * (nx + ny - 1)))).squareRoot()
    }

    /// R's continuity correction for a centred statistic `z`.
    static func correction(_ z: Double, alternative: Alternative, correct: Bool) -> Double {
        guard correct else { return 0 }
        switch alternative {
        case .twoSided: return z > 0 ? 0.5 : (z < 0 ? -0.5 : 0)
        case .greater: return 0.5
        case .less: return -0.5
        }
    }

    /// R's `W(d)`: the standardised, continuity-corrected rank-sum statistic of `x − d` vs `y`.
    func standardised(shift d: Double, alternative: Alternative, correct: Bool) -> Double {
        let (u, tieSum) = statistic(shift: d)
        let dz = u - nx * ny / 2
        let correction = Self.correction(dz, alternative: alternative, correct: correct)
        return (dz - correction) / sigma(tieSum: tieSum)
    }
}
