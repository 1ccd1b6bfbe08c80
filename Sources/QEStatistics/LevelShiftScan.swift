/// The scan for one change in the level of a span of commits, on weighted prefix sums, so that
/// every split of a span is tried in O(1) and a span in O(m).
///
/// For a span [a, b) and a split c (commit c is the first of the new level), with weights
/// wᵢ = 1/σᵢ², the statistic is Z_c = (ȳ_after − ȳ_before) / √(1/W_after + 1/W_before):
/// the difference of the weighted mean levels in units of its standard error.
///
/// Its p-value is that of the largest |Z| over the span (``ScanTailProbability``), so it is
/// adjusted for having searched every split: the chance that noise alone would make some split
/// of the span look at least this strong. σᵢ are estimates, so |Z| is first mapped to the normal
/// deviate with the same tail as Student's t with the noise's degrees of freedom.
///
/// Splits leave at least ``minimumLevelLength`` commits on each side, except that the latest
/// level (a span that ends at the last commit) may have ``minimumLatestLevelLength``: a change
/// with only two commits after it is looked for, one outlying commit is not. When the span ends
/// at the last commit, half the false-alarm budget is set aside for the splits that leave at most
/// ``recentLength`` commits after them: p = 2 · min(p over every split, p over those), which
/// keeps the chance of a false alarm at most the same while finding a change that just landed
/// at a lower threshold (the test a team most needs).
struct LevelShiftScan {
    static let minimumLevelLength = 3
    static let minimumLatestLevelLength = 2
    static let recentLength = 5

    let values: [Double]
    let weights: [Double]
    let degreesOfFreedom: Double
    private let weightSums: [Double]
    private let valueSums: [Double]

    init(values: [Double], variances: [Double], degreesOfFreedom: Double) {
        precondition(values.count == variances.count, "one variance per value")
        self.values = values
        self.weights = variances.map { 1 / $0 }
        self.degreesOfFreedom = degreesOfFreedom
        var weightSums = [0.0]
        var valueSums = [0.0]
        weightSums.reserveCapacity(values.count + 1)
        valueSums.reserveCapacity(values.count + 1)
        for index in values.indices {
            weightSums.append(weightSums[index] + weights[index])
            valueSums.append(valueSums[index] + weights[index] * values[index])
        }
        self.weightSums = weightSums
        self.valueSums = valueSums
    }

    var count: Int { values.count }

    /// The splits c of [start, end) that leave enough commits on both sides.
    func splits(_ start: Int, _ end: Int) -> ClosedRange<Int>? {
        let after = end == count ? Self.minimumLatestLevelLength : Self.minimumLevelLength
        let first = start + Self.minimumLevelLength
        let last = end - after
        return first <= last ? first...last : nil
    }

    /// Weighted mean of [start, end) and its weight.
    func mean(_ start: Int, _ end: Int) -> (mean: Double, weight: Double) {
        let weight = weightSums[end] - weightSums[start]
        return ((valueSums[end] - valueSums[start]) / weight, weight)
    }

    /// Z at split c of [start, end).
    func statistic(_ start: Int, _ split: Int, _ end: Int) -> Double {
        let before = mean(start, split)
        let after = mean(split, end)
        return (after.mean - before.mean) / (1 / after.weight + 1 / before.weight).squareRoot()
    }

    /// The search-adjusted p-value of |Z| = `statistic` over the splits `splits` of [start, end).
    func pValue(_ statistic: Double, _ start: Int, _ end: Int, splits: ClosedRange<Int>) -> Double {
        let tail = GSL.tQ(abs(statistic), df: degreesOfFreedom)
        guard tail > 0 else { return 0 }
        let threshold = GSL.normalQinv(tail)
        let total = weightSums[end] - weightSums[start]
        var times: [Double] = []
        var steps: [Double] = []
        times.reserveCapacity(splits.count)
        steps.reserveCapacity(splits.count)
        for split in splits {
            times.append((weightSums[split] - weightSums[start]) / total)
            steps.append((weights[split - 1] + weights[split]) / (2 * total))
        }
        return ScanTailProbability.probability(exceeding: threshold, times: times, steps: steps)
    }

    /// The recent splits of [start, end): those leaving at most ``recentLength`` commits after
    /// them, when the span ends at the last commit and they are not all of its splits.
    func recentSplits(_ start: Int, _ end: Int) -> ClosedRange<Int>? {
        guard end == count, let all = splits(start, end) else { return nil }
        let first = max(all.lowerBound, end - Self.recentLength)
        guard first > all.lowerBound else { return nil }
        return first...all.upperBound
    }

    /// The p-value of split c of [start, end) as the scan sees it (see the type's description).
    func pValue(_ start: Int, _ split: Int, _ end: Int) -> Double {
        guard let all = splits(start, end) else { return 1 }
        let z = statistic(start, split, end)
        guard let recent = recentSplits(start, end) else { return pValue(z, start, end, splits: all) }
        let overall = pValue(z, start, end, splits: all)
        let latest = recent.contains(split) ? pValue(z, start, end, splits: recent) : 1
        return min(1, 2 * min(overall, latest))
    }

    /// The most significant split of [start, end) and its p-value; nil if the span is too short.
    func bestSplit(_ start: Int, _ end: Int) -> (split: Int, p: Double)? {
        guard let all = splits(start, end) else { return nil }
        var best = all.lowerBound
        var bestSize = -1.0
        var bestRecent = -1
        var bestRecentSize = -1.0
        let recent = recentSplits(start, end)
        for split in all {
            let size = abs(statistic(start, split, end))
            if size > bestSize { best = split; bestSize = size }
            if let recent, recent.contains(split), size > bestRecentSize { bestRecent = split; bestRecentSize = size }
        }
        guard let recent else { return (best, pValue(bestSize, start, end, splits: all)) }
        let overall = min(1, 2 * pValue(bestSize, start, end, splits: all))
        let latest = min(1, 2 * pValue(bestRecentSize, start, end, splits: recent))
        return latest < overall ? (bestRecent, latest) : (best, overall)
    }
}
