/// The runs of a benchmark whose typical time stands out from the others': a robust rule on
/// the run medians, with a floor that keeps iteration noise from passing for a run effect.
///
/// Method, for K runs with medians m₁ … m_K:
/// - centre c = median(m₁ … m_K); spread s = 1.4826 · median|mᵢ − c| (R: `mad(medians)`);
/// - the noise floor of run i, fᵢ = √(π/2) · σ̂_w / √nᵢ: the standard error of the median of nᵢ
///   iterations with the within-run spread σ̂_w, the median over runs of each run's MAD (so
///   a run with a wide spread of its own does not raise everybody's floor);
/// - the distance dᵢ = |mᵢ − c| / max(s, fᵢ), the modified z-score of Iglewicz & Hoaglin (1993,
///   *How to Detect and Handle Outliers*), with its scale kept above the noise floor; when that
///   scale is 0 (every run constant), dᵢ is 0 for a run at the centre and +∞ otherwise;
/// - run i stands out when K ≥ 3, dᵢ > `threshold` (3.5, Iglewicz & Hoaglin's cut-off) and its
///   median differs from the median of the other runs' medians by at least
///   `minimumRelativeDifference` (1% by default), so that a difference too small to matter is
///   not called out however precisely it is measured.
///
/// With two runs neither can be said to stand out (each is as far from the centre as the other).
/// The median and MAD resist up to half the runs standing out, so two slow runs out of five are
/// both found. Assumes positive times when `minimumRelativeDifference` is used.
/// - Complexity: O(N log N) over all N iterations (a median per run).
public struct OutlyingRuns: Sendable, Equatable {
    /// Iglewicz & Hoaglin's cut-off for the modified z-score.
    public static let defaultThreshold = 3.5
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
    /// - Throws: `StatisticsError.tooFewObservations` for no runs or an empty run, `.nonFinite`
    ///   for NaN or infinite values, `.invalidParameter` for a threshold or minimum difference
    ///   that is negative or not finite.
    public init(
        runs: [[Double]], threshold: Double = OutlyingRuns.defaultThreshold,
        minimumRelativeDifference: Double = OutlyingRuns.defaultMinimumRelativeDifference
    ) throws(StatisticsError) {
        guard !runs.isEmpty else { throw .tooFewObservations(needed: 1, got: 0, what: "outlying runs (runs)") }
        guard threshold >= 0, threshold.isFinite, minimumRelativeDifference >= 0, minimumRelativeDifference.isFinite else {
            throw .invalidParameter("the outlying-run threshold and minimum difference must be non-negative and finite")
        }
        var summaries: [Summary] = []
        for (index, run) in runs.enumerated() {
            try StatisticsError.check(run, atLeast: 1, "run \(index + 1)")
            summaries.append(try Summary(run))
        }
        let medians = summaries.map(\.median)
        let ofMedians = try Summary(medians)
        let centre = ofMedians.median
        let spread = ofMedians.medianAbsoluteDeviation
        let within = try Summary(summaries.map(\.medianAbsoluteDeviation)).median
        let k = runs.count
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
            let standsOut = k >= 3 && distance > threshold && abs(relative ?? 0) >= minimumRelativeDifference
            results.append(Run(median: summary.median, distance: distance, relativeDifference: relative, standsOut: standsOut))
        }
        self.runs = results
        self.centre = centre
        self.spread = spread
        self.withinRunSpread = within
        self.threshold = threshold
    }
}
