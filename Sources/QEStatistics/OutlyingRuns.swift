/// The runs of a benchmark whose typical time stands out from the others': a robust rule on
/// the run medians, with a floor that keeps iteration noise from passing for a run effect and a
/// cut-off calibrated for the number of runs.
///
/// Method, for K runs with medians m₁ … m_K:
/// - centre c = median(m₁ … m_K); spread s = 1.4826 · median|mᵢ − c| (R: `mad(medians)`);
/// - the noise floor of run i, fᵢ = √(π/2) · σ̂_w / √nᵢ: the standard error of the median of nᵢ
///   iterations with the within-run spread σ̂_w, the median over runs of each run's MAD (so
///   a run with a wide spread of its own does not raise everybody's floor);
/// - the distance dᵢ = |mᵢ − c| / max(s, fᵢ), the modified z-score of Iglewicz & Hoaglin (1993,
///   *How to Detect and Handle Outliers*), with its scale kept above the noise floor; when that
///   scale is 0 (every run constant), dᵢ is 0 for a run at the centre and +∞ otherwise;
/// - run i stands out when K ≥ 3, dᵢ exceeds the cut-off, and its median differs from the median
///   of the other runs' medians by at least `minimumRelativeDifference` (1% by default), so that
///   a difference too small to matter is not called out however precisely it is measured.
///
/// The cut-off: Iglewicz & Hoaglin's 3.5 is meant for many observations. With a handful of runs
/// the MAD is itself unstable — among 5 normal run medians, some run is beyond 3.5 one time in
/// five — so by default the cut-off is ``criticalDistance(runCount:confidence:)``, the
/// `confidence` quantile of the largest modified z-score among K normal values (never below
/// 3.5): when runs differ only by normal run-to-run noise, a benchmark has a 1 − `confidence`
/// chance of any run being called out (less with the noise floor). About 7.9 for 5 runs, 4.6
/// for 10, 21 for 3, at 95%.
///
/// With two runs neither can be said to stand out (each is as far from the centre as the other).
/// The median and MAD resist up to half the runs standing out, so two slow runs out of five are
/// both found. Assumes positive times when `minimumRelativeDifference` is used.
/// - Complexity: O(N log N) over all N iterations (a median per run), plus the simulation of
///   ``criticalDistance(runCount:confidence:)`` when no threshold is given.
public struct OutlyingRuns: Sendable, Equatable {
    /// Iglewicz & Hoaglin's cut-off for the modified z-score: the smallest cut-off used.
    public static let minimumThreshold = 3.5
    /// Draws of the simulation behind ``criticalDistance(runCount:confidence:)``.
    public static let simulationDraws = 20_000
    /// Above this many runs the cut-off for this many is used (it falls with K, so this is
    /// conservative) to bound the simulation's cost.
    public static let simulatedRunLimit = 50
    /// Differences smaller than this (relative) are not called out.
    public static let defaultMinimumRelativeDifference = 0.01

    /// What the rule found for one run.
    public struct Run: Sendable, Equatable {
        /// The run's median.
        public let median: Double
        /// |median − centre| / max(spread, noise floor).
        public let distance: Double
        /// The run's median over the median of the other runs' medians, minus 1 (positive: the
        /// run is slower); nil with a single run.
        public let relativeDifference: Double?
        /// Whether the run stands out.
        public let standsOut: Bool
    }

    /// One entry per run, in run order.
    public let runs: [Run]
    /// The median of the run medians.
    public let centre: Double
    /// 1.4826 · MAD of the run medians.
    public let spread: Double
    /// The within-run spread σ̂_w: the median of the runs' MADs.
    public let withinRunSpread: Double
    /// The cut-off the distances were held against.
    public let threshold: Double

    /// The 0-based indexes of the runs that stand out.
    public var indexes: [Int] { runs.indices.filter { runs[$0].standsOut } }

    /// Applies the rule to `runs` (the iterations of each run).
    /// - Parameters:
    ///   - threshold: the cut-off of the distance; nil for
    ///     ``criticalDistance(runCount:confidence:)`` at `confidence`.
    /// - Throws: `StatisticsError.tooFewObservations` for no runs or an empty run, `.nonFinite`
    ///   for NaN or infinite values, `.invalidParameter` for a negative or NaN threshold, a
    ///   minimum difference that is negative or not finite, or a confidence outside (0, 1).
    public init(
        runs: [[Double]], threshold: Double? = nil, confidence: Double = 0.95,
        minimumRelativeDifference: Double = OutlyingRuns.defaultMinimumRelativeDifference
    ) throws(StatisticsError) {
        var summaries: [Summary] = []
        for (index, run) in runs.enumerated() {
            try StatisticsError.check(run, atLeast: 1, "run \(index + 1)")
            summaries.append(try Summary(run))
        }
        try self.init(
            summaries: summaries, threshold: threshold, confidence: confidence,
            minimumRelativeDifference: minimumRelativeDifference)
    }

    /// Applies the rule to runs already summarised (one ``Summary`` per run, in run order), so
    /// that a caller who has them does not sort the runs again.
    /// - Throws: as ``init(runs:threshold:confidence:minimumRelativeDifference:)``.
    public init(
        summaries: [Summary], threshold: Double? = nil, confidence: Double = 0.95,
        minimumRelativeDifference: Double = OutlyingRuns.defaultMinimumRelativeDifference
    ) throws(StatisticsError) {
        guard !summaries.isEmpty else { throw .tooFewObservations(needed: 1, got: 0, what: "outlying runs (runs)") }
        guard threshold.map({ $0 >= 0 }) ?? true, minimumRelativeDifference >= 0, minimumRelativeDifference.isFinite else {
            throw .invalidParameter("the outlying-run threshold must be non-negative and the minimum difference non-negative and finite")
        }
        let cutoff: Double
        if let threshold {
            cutoff = threshold
        } else {
            cutoff = try Self.criticalDistance(runCount: summaries.count, confidence: confidence)
        }
        let medians = summaries.map(\.median)
        let ofMedians = try Summary(medians)
        let centre = ofMedians.median
        let spread = ofMedians.medianAbsoluteDeviation
        let within = try Summary(summaries.map(\.medianAbsoluteDeviation)).median
        let k = summaries.count
        var results: [Run] = []
        for (index, summary) in summaries.enumerated() {
            let deviation = abs(summary.median - centre)
            let floor = (Double.pi / 2).squareRoot() * within / Double(summary.count).squareRoot()
            let scale = max(spread, floor)
            let distance = scale > 0 ? deviation / scale : (deviation == 0 ? 0 : .infinity)
            var relative: Double?
            if k >= 2 {
                var others = medians
                others.remove(at: index)
                let reference = try Summary(others).median
                relative = summary.median / reference - 1
            }
            let standsOut = k >= 3 && distance > cutoff && abs(relative ?? 0) >= minimumRelativeDifference
            results.append(Run(median: summary.median, distance: distance, relativeDifference: relative, standsOut: standsOut))
        }
        self.runs = results
        self.centre = centre
        self.spread = spread
        self.withinRunSpread = within
        self.threshold = cutoff
    }

    /// The `confidence` quantile of max |zᵢ − median(z)| / (1.4826 · MAD(z)) over K independent
    /// standard normal values z₁ … z_K, never below ``minimumThreshold``: the cut-off that calls
    /// out a run among K runs differing only by normal noise with probability 1 − `confidence`.
    ///
    /// Simulated: ``simulationDraws`` draws from GSL's mt19937 with a fixed seed, normal values by
    /// inversion (as R's default), so the answer is the same on every machine; its simulation
    /// error is a few percent. For K above ``simulatedRunLimit`` the value for that many is used;
    /// below 3 runs nothing can stand out and the cut-off is +∞.
    /// - Throws: `StatisticsError.invalidParameter` for a confidence outside (0, 1).
    /// - Complexity: O(D · K log K) for D draws.
    public static func criticalDistance(runCount: Int, confidence: Double) throws(StatisticsError) -> Double {
        try StatisticsError.checkConfidence(confidence)
        guard runCount >= 3 else { return .infinity }
        let k = min(runCount, simulatedRunLimit)
        var random = RandomSource(seed: 19_930_101 &+ UInt64(k))
        var maxima = [Double](repeating: 0, count: simulationDraws)
        var values = [Double](repeating: 0, count: k)
        var deviations = [Double](repeating: 0, count: k)
        for draw in 0..<simulationDraws {
            for index in 0..<k {
                var u = random.nextUniform()
                while u == 0 { u = random.nextUniform() }
                values[index] = GSL.normalPinv(u)
            }
            values.sort()
            let centre = Self.sortedMedian(values)
            for index in 0..<k { deviations[index] = abs(values[index] - centre) }
            deviations.sort()
            let scale = Summary.madConstant * Self.sortedMedian(deviations)
            maxima[draw] = scale > 0 ? (deviations[k - 1] / scale) : .infinity
        }
        let quantile = SortedSample(sorting: maxima).quantile(confidence)
        return max(minimumThreshold, quantile)
    }

    private static func sortedMedian(_ sorted: [Double]) -> Double {
        let n = sorted.count
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }
}
