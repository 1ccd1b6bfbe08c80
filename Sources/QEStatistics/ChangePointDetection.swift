import Foundation

/// The commits where a benchmark's level changed, from the raw samples of its history.
///
/// A history is a series of commits in order; each commit has runs (separate processes), each
/// run its iteration times. Runs are the independent units within a commit, commits the units of
/// a level. The method:
///
/// 1. **Levels** (``CommitLevel``): each run's median log time (robust to preempted iterations),
///    each commit's trimmed mean of its runs (robust to a slow run).
/// 2. **Noise** (``CommitNoise``): each commit level's variance σᵢ² = τ² + run share, with τ the
///    commit-to-commit noise that the runs cannot see, from differences of neighbours.
/// 3. **Outlying commits** (``OutlyingCommitFilter``): a level far from the running median of
///    its neighbours is replaced by that median, so a single outlying commit is not a change.
/// 4. **Binary segmentation** (Scott & Knott 1974; Vostrikova 1981) with the scan of
///    `LevelShiftScan`: the history's most significant split is kept if its search-adjusted
///    p-value is at most ``Options/maxP``, then each side is scanned again, and so on. A level
///    lasts at least three commits, except the latest, which may have two.
/// 5. **Pruning**, as in Otava's merge step but with the search-adjusted p-value: each change's
///    p-value is recomputed between its neighbouring changes; the weakest above ``Options/maxP``
///    is dropped and its neighbours recomputed, until every change passes; then changes smaller
///    than ``Options/minimumRelativeChange`` are dropped the same way, the smallest first.
/// 6. **Ratio and interval**: levels after ÷ before from the weighted means of the filtered
///    levels of at most ``intervalWindow`` commits on each side (within the neighbouring
///    changes), exp(difference ± t · se) with Student's t on the noise's degrees of freedom, se
///    widened by the long-run variance of the residuals (Newey & West 1987, three lags) when
///    neighbouring commits are correlated (a drifting machine) or the levels are heavier-tailed
///    than the noise estimate says.
///
/// False alarms: the first scan of a history without change alarms only if noise makes its
/// strongest split significant at ``Options/maxP``, so for independent normal commit levels a
/// change-free history of any length raises an alarm with probability about `maxP`. The README
/// gives the simulated rates under realistic noise (slow runs, bimodal machines, outlying
/// commits, drift).
///
/// Deterministic: no random numbers, so no seed.
/// - Complexity: O(N log N) for the N iterations of the history, then O(n · (c + 1)) for n
///   commits and c changes (each scan is linear in its span), plus O(n · c²) for pruning.
public struct ChangePointDetection: Sendable {
    /// At most this many commits on each side of a change enter its ratio.
    public static let intervalWindow = 20
    /// A level lasts at least this many commits...
    public static let minimumLevelLength = LevelShiftScan.minimumLevelLength
    /// ... except the latest, which may have this many.
    public static let minimumLatestLevelLength = LevelShiftScan.minimumLatestLevelLength
    /// Splits leaving at most this many commits after them share a separate half of the
    /// false-alarm budget (a change that just landed).
    public static let recentLength = LevelShiftScan.recentLength

    /// What the detection is asked for.
    public struct Options: Sendable, Equatable {
        /// The largest search-adjusted p-value a change may have (`--max-p`).
        public var maxP: Double
        /// The smallest |ratio − 1| a change may have (`--min-change`, 0.05 for 5%).
        public var minimumRelativeChange: Double
        /// The confidence of each ratio's interval.
        public var confidence: Double

        public init(maxP: Double = 0.001, minimumRelativeChange: Double = 0, confidence: Double = 0.95) {
            self.maxP = maxP
            self.minimumRelativeChange = minimumRelativeChange
            self.confidence = confidence
        }
    }

    /// One change of level.
    public struct ChangePoint: Sendable, Equatable {
        /// The 0-based index of the first commit of the new level.
        public let index: Int
        /// The search-adjusted p-value between the neighbouring changes.
        public let pValue: Double
        /// log(level after ÷ level before).
        public let logRatio: Double
        /// The interval of the log ratio.
        public let logLow: Double
        public let logHigh: Double

        /// Level after ÷ level before (> 1: slower).
        public var ratio: Double { exp(logRatio) }
        public var low: Double { exp(logLow) }
        public var high: Double { exp(logHigh) }
    }

    /// One level between neighbouring changes: commits [start, end).
    public struct Segment: Sendable, Equatable {
        /// The first commit of the level.
        public let start: Int
        /// One past its last commit.
        public let end: Int
        /// The weighted mean of the filtered commit levels (log time).
        public let logLevel: Double
        /// The interval of the level (the same t quantile and widening as the changes').
        public let logLow: Double
        public let logHigh: Double

        /// The level as a time (the geometric mean of the commits' typical times).
        public var level: Double { exp(logLevel) }
        public var low: Double { exp(logLow) }
        public var high: Double { exp(logHigh) }
    }

    /// The changes, oldest first.
    public let changePoints: [ChangePoint]
    /// The levels between the changes, oldest first: one more than the changes (none for an
    /// empty history). With fewer than 5 commits or no noise estimate, one segment whose
    /// interval is the level itself.
    public let segments: [Segment]
    /// Each commit's level (log time), before filtering.
    public let levels: [Double]
    /// Which commits' levels the filter replaced.
    public let replaced: [Bool]
    /// The noise estimate; nil with fewer than two commits.
    public let noise: CommitNoise?
    /// The factor by which the intervals were widened for correlated or heavy-tailed levels (≥ 1).
    public let intervalInflation: Double
    public let options: Options

    /// Detects the changes of a history.
    /// - Parameter commits: each commit's runs, each run's iteration times (positive), oldest
    ///   commit first.
    /// - Throws: `StatisticsError.invalidParameter` for options out of range (maxP outside
    ///   (0, 1], a negative or non-finite minimum change, a confidence outside (0, 1));
    ///   `.tooFewObservations` for a commit without runs or an empty run; `.nonFinite` or
    ///   `.nonPositive` for a bad time. Fewer than 5 commits give no change (a history needs
    ///   three commits before a change and two after it).
    public init(commits: [[[Double]]], options: Options = Options()) throws(StatisticsError) {
        guard options.maxP > 0, options.maxP <= 1 else {
            throw .invalidParameter("the largest p-value of a change must be in (0, 1], got \(options.maxP)")
        }
        guard options.minimumRelativeChange >= 0, options.minimumRelativeChange.isFinite else {
            throw .invalidParameter("the smallest change must be a non-negative, finite fraction, got \(options.minimumRelativeChange)")
        }
        try StatisticsError.checkConfidence(options.confidence)
        var levels: [CommitLevel] = []
        levels.reserveCapacity(commits.count)
        for (index, runs) in commits.enumerated() {
            levels.append(try CommitLevel(runs: runs, what: "commit \(index + 1)"))
        }
        try self.init(levels: levels, options: options)
    }

    /// Detects the changes of a history whose commit levels are already computed.
    /// - Throws: as ``init(commits:options:)`` for the options.
    public init(levels commitLevels: [CommitLevel], options: Options = Options()) throws(StatisticsError) {
        self.options = options
        levels = commitLevels.map(\.level)
        let n = commitLevels.count
        guard n >= 2 else {
            changePoints = []
            segments = Self.unmeasuredSegment(levels)
            replaced = Array(repeating: false, count: n)
            noise = nil
            intervalInflation = 1
            return
        }
        let noise = CommitNoise(commits: commitLevels)
        self.noise = noise
        guard !noise.isDegenerate, n >= LevelShiftScan.minimumLevelLength + LevelShiftScan.minimumLatestLevelLength else {
            changePoints = []
            segments = Self.unmeasuredSegment(levels)
            replaced = Array(repeating: false, count: n)
            intervalInflation = 1
            return
        }
        // A commit whose level has no variance (possible only when every run of it and its
        // neighbours agree exactly) gets the smallest positive variance of the others.
        let smallest = noise.variances.filter { $0 > 0 }.min() ?? 1
        let variances = noise.variances.map { $0 > 0 ? $0 : smallest }
        let filtered = OutlyingCommitFilter.filter(levels, standardDeviations: variances.map { $0.squareRoot() })
        replaced = filtered.replaced
        let scan = LevelShiftScan(values: filtered.levels, variances: variances, degreesOfFreedom: noise.degreesOfFreedom)

        var splits = Self.segment(scan, maxP: options.maxP)
        splits = Self.prune(splits, scan: scan, options: options)
        let inflation = Self.longRunInflation(scan, splits: splits)
        intervalInflation = inflation
        let quantile = GSL.tQinv((1 - options.confidence) / 2, df: noise.degreesOfFreedom)
        changePoints = splits.indices.map { position in
            let (start, split, end) = Self.neighbours(splits, position, count: n)
            let estimate = Self.logRatio(scan, start, split, end)
            let margin = quantile * estimate.standardError * inflation
            return ChangePoint(
                index: split, pValue: scan.pValue(start, split, end), logRatio: estimate.value,
                logLow: estimate.value - margin, logHigh: estimate.value + margin)
        }
        let bounds = [0] + splits + [n]
        segments = (0..<(bounds.count - 1)).map { position in
            let level = scan.mean(bounds[position], bounds[position + 1])
            let margin = quantile * inflation / level.weight.squareRoot()
            return Segment(
                start: bounds[position], end: bounds[position + 1], logLevel: level.mean,
                logLow: level.mean - margin, logHigh: level.mean + margin)
        }
    }

    /// One segment over every level, its mean, without an interval (too few commits to know the
    /// noise); none for no levels.
    private static func unmeasuredSegment(_ levels: [Double]) -> [Segment] {
        guard !levels.isEmpty else { return [] }
        let mean = levels.reduce(0, +) / Double(levels.count)
        return [Segment(start: 0, end: levels.count, logLevel: mean, logLow: mean, logHigh: mean)]
    }

    /// Binary segmentation: the significant splits, in order.
    private static func segment(_ scan: LevelShiftScan, maxP: Double) -> [Int] {
        var found: [Int] = []
        var spans = [(0, scan.count)]
        while let (start, end) = spans.popLast() {
            guard let best = scan.bestSplit(start, end), best.p <= maxP else { continue }
            found.append(best.split)
            spans.append((start, best.split))
            spans.append((best.split, end))
        }
        return found.sorted()
    }

    /// Drops, one at a time, the change with the largest p-value above `maxP` between its
    /// neighbours, then the smallest change below the minimum.
    private static func prune(_ splits: [Int], scan: LevelShiftScan, options: Options) -> [Int] {
        var splits = splits
        while !splits.isEmpty {
            let pValues = splits.indices.map { position in
                let (start, split, end) = neighbours(splits, position, count: scan.count)
                return scan.pValue(start, split, end)
            }
            if let weakest = pValues.indices.max(by: { pValues[$0] < pValues[$1] }), pValues[weakest] > options.maxP {
                splits.remove(at: weakest)
                continue
            }
            guard options.minimumRelativeChange > 0 else { break }
            let sizes = splits.indices.map { position in
                let (start, split, end) = neighbours(splits, position, count: scan.count)
                return abs(expm1(logRatio(scan, start, split, end).value))
            }
            if let smallest = sizes.indices.min(by: { sizes[$0] < sizes[$1] }), sizes[smallest] < options.minimumRelativeChange {
                splits.remove(at: smallest)
                continue
            }
            break
        }
        return splits
    }

    private static func neighbours(_ splits: [Int], _ position: Int, count: Int) -> (Int, Int, Int) {
        let start = position > 0 ? splits[position - 1] : 0
        let end = position + 1 < splits.count ? splits[position + 1] : count
        return (start, splits[position], end)
    }

    /// The log ratio at `split` from at most ``intervalWindow`` commits on each side within
    /// [start, end), and its standard error under the noise model.
    private static func logRatio(_ scan: LevelShiftScan, _ start: Int, _ split: Int, _ end: Int) -> (value: Double, standardError: Double) {
        let before = scan.mean(max(start, split - intervalWindow), split)
        let after = scan.mean(split, min(end, split + intervalWindow))
        return (after.mean - before.mean, (1 / before.weight + 1 / after.weight).squareRoot())
    }

    /// √max(1, s²), s² the Newey–West long-run variance (Bartlett weights, 3 lags) of the
    /// standardised residuals of the filtered levels about their segments' means.
    private static func longRunInflation(_ scan: LevelShiftScan, splits: [Int]) -> Double {
        let n = scan.count
        let bounds = [0] + splits + [n]
        var residuals = [Double](repeating: 0, count: n)
        var segment = [Int](repeating: 0, count: n)
        for position in 0..<(bounds.count - 1) {
            let start = bounds[position]
            let end = bounds[position + 1]
            let level = scan.mean(start, end).mean
            for index in start..<end {
                residuals[index] = (scan.values[index] - level) * scan.weights[index].squareRoot()
                segment[index] = position
            }
        }
        let freedom = Double(n - (bounds.count - 1))
        guard freedom > 0 else { return 1 }
        let lags = 3
        var variance = 0.0
        for lag in 0...min(lags, n - 1) {
            var sum = 0.0
            for index in lag..<n where segment[index] == segment[index - lag] {
                sum += residuals[index] * residuals[index - lag]
            }
            let weight = lag == 0 ? 1 : 2 * (1 - Double(lag) / Double(lags + 1))
            variance += weight * sum / freedom
        }
        return max(1, variance).squareRoot()
    }
}
