/// The Hodges–Lehmann estimate of the shift between two samples and the Bauer/Moses interval
/// that inverts the rank-sum test, as R 4.2's `wilcox.test(x, y, conf.int = TRUE)` computes them.
///
/// - Exact branch (no ties, both samples under 50): the estimate is the median of the n·m
///   differences xᵢ − yⱼ; the bounds are the order statistics of the differences at the ranks
///   given by the exact distribution of U (R's `qwilcox`). When the requested confidence cannot
///   be reached (tiny samples), R widens to the extreme differences and reports the confidence
///   it achieved: so does this type, in `achievedConfidence`.
/// - Normal branch: the estimate and bounds are where the standardised rank-sum statistic of
///   x − d against y crosses 0 and the normal quantiles. For up to `emulationLimit`
///   observations this type runs R's own root finder (Brent, tolerance 1e-4) on R's own
///   statistic, landing where R lands. Above that, the crossing points are found exactly as
///   order statistics of the differences, selected without forming them; R's answer then
///   differs only by its root tolerance.
///
/// Never enumerates the n·m differences.
///
/// Reference: Bauer (1972), "Constructing confidence sets using rank statistics", JASA 67;
/// Hollander & Wolfe, *Nonparametric Statistical Methods*, §4.3.
public struct HodgesLehmannInterval: Sendable {
    /// The estimated shift of x relative to y (R's `estimate`).
    public let estimate: Double
    /// Lower bound (−∞ for `alternative == .less`).
    public let low: Double
    /// Upper bound (+∞ for `alternative == .greater`).
    public let high: Double
    /// The confidence asked for.
    public let confidence: Double
    /// The confidence the interval has: lower than `confidence` only when the samples are too
    /// small to reach it (R's `attr(conf.int, "conf.level")`).
    public let achievedConfidence: Double
    /// The branch used.
    public let method: RankSumMethod
    /// The alternative (sidedness) of the interval.
    public let alternative: Alternative
    /// Every difference xᵢ − yⱼ is the same number, so the interval is that single point
    /// (R stops with an error here).
    public let degenerate: Bool

    /// Above this many observations (n + m) the normal branch selects order statistics instead
    /// of running R's root finder on the rank statistic.
    public static let emulationLimit = 20_000

    /// Estimates the shift of `x` relative to `y`. See `RankSumComparison` to reuse the sorted
    /// samples.
    /// - Complexity: O((n + m) log(n + m)).
    public init(
        x: [Double], y: [Double], confidence: Double = 0.95, alternative: Alternative = .twoSided,
        exact: Bool? = nil, correct: Bool = true
    ) throws(StatisticsError) {
        self = try RankSumComparison(x: x, y: y).shift(
            confidence: confidence, alternative: alternative, exact: exact, correct: correct)
    }

    /// How the normal branch finds its crossing points.
    enum CrossingStrategy: Sendable {
        /// R's root finder up to `emulationLimit` observations, order statistics above.
        case automatic
        case rootFinding
        case orderStatistics
    }

    init(
        comparison: RankSumComparison, confidence: Double, alternative: Alternative,
        method: RankSumMethod, correct: Bool, strategy: CrossingStrategy = .automatic
    ) {
        let score = comparison.score
        let selection = PairwiseDifferenceSelection(sortedX: score.x, sortedY: score.y)
        let nm = selection.count
        let mumin = selection.minimum
        let mumax = selection.maximum
        self.confidence = confidence
        self.alternative = alternative
        self.method = method
        // The normal branch's root finding needs a range; with every difference equal there
        // is none (R stops with an error), and that single value is the whole answer.
        guard mumin < mumax || method == .exact else {
            estimate = mumin
            low = alternative == .less ? -.infinity : mumin
            high = alternative == .greater ? .infinity : mumin
            achievedConfidence = confidence
            degenerate = true
            return
        }
        degenerate = mumin == mumax
        let alpha = 1 - confidence
        switch method {
        case .exact:
            let distribution = WilcoxonDistribution(m: score.x.count, n: score.y.count)
            let tailAlpha = alternative == .twoSided ? alpha / 2 : alpha
            let qu = Swift.max(distribution.quantile(tailAlpha), 1)
            let ql = nm - qu
            var achievedAlpha = distribution.cdf(Double(qu - 1))
            if alternative == .twoSided { achievedAlpha *= 2 }
            low = alternative == .less ? -.infinity : selection.orderStatistic(qu)
            high = alternative == .greater ? .infinity : selection.orderStatistic(ql + 1)
            achievedConfidence = achievedAlpha - alpha > alpha / 2 ? 1 - achievedAlpha : confidence
            if nm % 2 == 1 {
                estimate = selection.orderStatistic((nm + 1) / 2)
            } else {
                let middle = selection.orderStatistics(from: nm / 2, count: 2)
                estimate = (middle[0] + middle[1]) / 2
            }
        case .normal:
            achievedConfidence = confidence
            let finder: any ShiftCrossingFinder
            let useRootFinding: Bool
            switch strategy {
            case .automatic: useRootFinding = score.x.count + score.y.count <= Self.emulationLimit
            case .rootFinding: useRootFinding = true
            case .orderStatistics: useRootFinding = false
            }
            if useRootFinding {
                finder = RRootFinder(score: score, mumin: mumin, mumax: mumax)
            } else {
                finder = OrderStatisticCrossing(score: score, selection: selection)
            }
            // The bounds and the estimate are independent searches: run them side by side.
            // (qnorm(p, lower.tail = FALSE) is GSL's upper-tail inverse.)
            let tail = alternative == .twoSided ? alpha / 2 : alpha
            let lowSearch = alternative == .less ? nil : GSL.normalQinv(tail)
            let highSearch = alternative == .greater ? nil : -GSL.normalQinv(tail)
            let searches: [(zq: Double, correct: Bool)?] = [
                lowSearch.map { ($0, correct) }, highSearch.map { ($0, correct) }, (0, false),
            ]
            let crossings = searches.concurrentMap { search in
                search.map { finder.crossing(zq: $0.zq, alternative: alternative, correct: $0.correct) }
            }
            low = crossings[0] ?? -.infinity
            high = crossings[1] ?? .infinity
            estimate = crossings[2] ?? .nan
        }
    }
}

/// Finds the shift d at which the standardised rank-sum statistic of x − d against y
/// crosses `zq`.
protocol ShiftCrossingFinder: Sendable {
    func crossing(zq: Double, alternative: Alternative, correct: Bool) -> Double
}

/// R's own procedure: `uniroot(W(d) − zq, c(mumin, mumax), tol = 1e-4)`, with R's early exits
/// when the statistic at an end of the range is already past `zq`.
struct RRootFinder: ShiftCrossingFinder {
    let score: RankSumScore
    let mumin: Double
    let mumax: Double
    /// R's `tol.root`.
    static let tolerance = 1e-4

    func crossing(zq: Double, alternative: Alternative, correct: Bool) -> Double {
        let f = { (d: Double) in score.standardised(shift: d, alternative: alternative, correct: correct) - zq }
        let fLower = f(mumin)
        let fUpper = f(mumax)
        if zq != 0 || correct {
            // R's root(): for the interval bounds, return an end whose value is already past zq.
            if fLower <= 0 { return mumin }
            if fUpper >= 0 { return mumax }
        }
        return BrentRoot.find(in: (mumin, mumax), fa: fLower, fb: fUpper, tolerance: Self.tolerance, f).root
    }
}

/// The crossing found exactly: between two consecutive distinct differences the statistic is
/// constant, so the crossing is an order statistic of the differences, whose rank follows from
/// the count of differences above d. Used for large samples, where R's root finder would need
/// dozens of passes over the data and still land within its tolerance of this point.
struct OrderStatisticCrossing: ShiftCrossingFinder {
    let selection: PairwiseDifferenceSelection
    /// Between differences, ties can only be within a sample: σ is the same everywhere.
    let sigma: Double

    init(score: RankSumScore, selection: PairwiseDifferenceSelection) {
        self.selection = selection
        sigma = score.sigma(tieSum: Self.tieSum(score.x) + Self.tieSum(score.y))
    }

    func crossing(zq: Double, alternative: Alternative, correct: Bool) -> Double {
        let nm = selection.count
        let half = Double(nm) / 2
        // g(k): the statistic just above the k-th smallest difference, where nm − k differences
        // exceed d. It falls as k grows; find the first k where it is ≤ 0.
        func g(_ k: Int) -> Double {
            let dz = half - Double(k)
            return (dz - RankSumScore.correction(dz, alternative: alternative, correct: correct)) / sigma - zq
        }
        var lo = 0
        var hi = nm
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if g(mid) <= 0 { hi = mid } else { lo = mid + 1 }
        }
        let k = Swift.min(Swift.max(lo, 1), nm)
        if g(k) == 0, k < nm {
            // The statistic is exactly zq on the whole gap after the k-th difference.
            let pair = selection.orderStatistics(from: k, count: 2)
            return (pair[0] + pair[1]) / 2
        }
        return selection.orderStatistic(k)
    }

    static func tieSum(_ sorted: [Double]) -> Double {
        var sum = 0.0
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count, sorted[end] == sorted[start] { end += 1 }
            let t = Double(end - start)
            sum += t * t * t - t
            start = end
        }
        return sum
    }
}
