/// Kendall's rank correlation between a series and its order of observation: the Mann–Kendall
/// test of a monotonic trend (Mann 1945, Kendall 1975), computed exactly as R 4.2's
/// `cor.test(seq_along(y), y, method = "kendall", alternative, exact, continuity)`.
///
/// Method: S = Σᵢ<ⱼ sign(yⱼ − yᵢ), the concordant minus the discordant pairs of (i, yᵢ);
/// τ_b = S / √(T₀ (T₀ − T_y)) with T₀ = n(n − 1)/2 and T_y the tied pairs of y. The p-value
/// comes from
/// - the exact permutation distribution of T = the number of concordant pairs, when n < 50 and
///   no two values are equal (R's default; `exact` overrides the size rule, never the ties);
/// - otherwise the normal approximation z = S / √Var(S), with
///   Var(S) = (n(n − 1)(2n + 5) − Σ t(t − 1)(2t + 5)) / 18 over the tie groups t of y
///   (the index has no ties, so R's other tie terms vanish), and S moved 1 toward 0 when
///   `continuity` is set.
///
/// Assumes the observations are independent under the null hypothesis. Timing series are often
/// autocorrelated, which makes the test find trends too readily: read a small p-value together
/// with the size of the change.
///
/// - Complexity: O(n log n) (S from a merge sort that counts inversions), plus O(n³) for the
///   exact distribution when n < 50.
public struct KendallTrendTest: Sendable, Equatable {
    /// How the p-value was computed.
    public enum Method: String, Sendable, Codable {
        /// The exact permutation distribution (n < 50, no ties).
        case exact
        /// The normal approximation with the tie-corrected variance.
        case normal
    }

    /// The number of observations, n.
    public let count: Int
    /// S = concordant − discordant pairs of (index, value).
    public let s: Double
    /// Kendall's τ_b (R's `estimate`); positive when the values rise over the series.
    public let tau: Double
    /// Var(S) under the null hypothesis, tie-corrected (the normal branch's variance; given for
    /// both branches, since a combination over series needs it).
    public let varianceOfS: Double
    /// R's `statistic`: T, the number of concordant pairs, in the exact branch; z in the normal one.
    public let statistic: Double
    /// The p-value for `alternative`.
    public let pValue: Double
    /// The branch used.
    public let method: Method
    /// The alternative hypothesis: `greater` is a rising trend, `less` a falling one.
    public let alternative: Alternative

    /// Tests `series` (in the order it was observed) for a monotonic trend.
    /// - Throws: `StatisticsError.tooFewObservations` below 2 values (R: "not enough finite
    ///   observations"), `.nonFinite` for NaN or infinite values, `.noSpread` when every value is
    ///   the same (R: an NA estimate).
    public init(
        _ series: [Double], alternative: Alternative = .twoSided, exact: Bool? = nil, continuity: Bool = false
    ) throws(StatisticsError) {
        try StatisticsError.check(series, atLeast: 2, "a Kendall trend test")
        let n = series.count
        let counts = Self.pairCounts(series)
        let pairs = n * (n - 1) / 2
        guard counts.tiedPairs < pairs else { throw .noSpread(what: "a Kendall trend test") }
        let s = Double(pairs - counts.tiedPairs - 2 * counts.inversions)
        let total = Double(pairs)
        let nd = Double(n)
        let variance = (nd * (nd - 1) * (2 * nd + 5) - counts.tieVarianceTerm) / 18
        self.count = n
        self.s = s
        self.tau = s / (total * (total - Double(counts.tiedPairs))).squareRoot()
        self.varianceOfS = variance
        self.alternative = alternative
        let hasTies = counts.tiedPairs > 0
        if (exact ?? (n < 50)) && !hasTies {
            let concordant = pairs - counts.inversions
            let distribution = KendallDistribution(n: n)
            method = .exact
            statistic = Double(concordant)
            switch alternative {
            case .twoSided:
                // R: the tail on the side of q, doubled (q > n(n − 1)/4 is the upper side).
                let p = 4 * concordant > n * (n - 1)
                    ? distribution.upperTail(concordant)
                    : distribution.lowerTail(concordant)
                pValue = min(2 * p, 1)
            case .greater:
                pValue = distribution.upperTail(concordant)
            case .less:
                pValue = distribution.lowerTail(concordant)
            }
        } else {
            method = .normal
            let corrected = continuity ? (s > 0 ? 1 : (s < 0 ? -1 : 0)) * (abs(s) - 1) : s
            let z = corrected / variance.squareRoot()
            statistic = z
            pValue = Self.normalPValue(z, alternative)
        }
    }

    static func normalPValue(_ z: Double, _ alternative: Alternative) -> Double {
        switch alternative {
        case .less: return GSL.normalP(z)
        case .greater: return GSL.normalQ(z)
        case .twoSided: return 2 * min(GSL.normalP(z), GSL.normalQ(z))
        }
    }

    /// Inversions (i < j with yᵢ > yⱼ), tied pairs, and Σ t(t − 1)(2t + 5) over tie groups.
    /// - Complexity: O(n log n).
    static func pairCounts(_ series: [Double]) -> (inversions: Int, tiedPairs: Int, tieVarianceTerm: Double) {
        var values = series
        var buffer = series
        let inversions = values.withUnsafeMutableBufferPointer { values in
            buffer.withUnsafeMutableBufferPointer { buffer in
                countInversions(values, buffer, 0, values.count)
            }
        }
        // `values` is now sorted ascending: tie groups are runs of equal values.
        var tiedPairs = 0
        var tieTerm = 0.0
        var start = 0
        while start < values.count {
            var end = start + 1
            while end < values.count, values[end] == values[start] { end += 1 }
            let t = end - start
            if t > 1 {
                tiedPairs += t * (t - 1) / 2
                let td = Double(t)
                tieTerm += td * (td - 1) * (2 * td + 5)
            }
            start = end
        }
        return (inversions, tiedPairs, tieTerm)
    }

    /// Sorts values[low..<high] ascending (stably) and returns the number of strict inversions.
    private static func countInversions(
        _ values: UnsafeMutableBufferPointer<Double>, _ buffer: UnsafeMutableBufferPointer<Double>, _ low: Int, _ high: Int
    ) -> Int {
        guard high - low > 1 else { return 0 }
        if high - low <= 16 {
            // Insertion sort: each shift past a strictly greater value is one inversion.
            var inversions = 0
            for i in (low + 1)..<high {
                let value = values[i]
                var j = i
                while j > low, values[j - 1] > value {
                    values[j] = values[j - 1]
                    j -= 1
                    inversions += 1
                }
                values[j] = value
            }
            return inversions
        }
        let middle = (low + high) / 2
        var inversions = countInversions(values, buffer, low, middle)
        inversions += countInversions(values, buffer, middle, high)
        var left = low
        var right = middle
        var out = low
        while left < middle, right < high {
            // Equal values are taken from the left: they are ties, not inversions.
            if values[right] < values[left] {
                buffer[out] = values[right]
                inversions += middle - left
                right += 1
            } else {
                buffer[out] = values[left]
                left += 1
            }
            out += 1
        }
        while left < middle { buffer[out] = values[left]; left += 1; out += 1 }
        while right < high { buffer[out] = values[right]; right += 1; out += 1 }
        for index in low..<high { values[index] = buffer[index] }
        return inversions
    }
}
