import QEStatistics

/// Drift within runs: whether a benchmark's iterations get slower (or faster) as each run goes
/// on, with a test that compares iterations only within their own run.
///
/// - Test: the seasonal Kendall test (Hirsch, Slack & Smith 1982) with the runs as blocks:
///   Mann–Kendall S and its tie-corrected variance summed over runs, two-sided normal p. A slow
///   run is not a trend; a trend shared by the runs is.
/// - Size: in each run with 3 or more iterations, the median of the last third over the median
///   of the first third (thirds of ⌊n/3⌋ iterations), minus 1; the change is the median of that
///   over runs.
/// - Detected when p (Holm-adjusted over the benchmarks of the document, when given) < 1 −
///   confidence and |change| ≥ the minimum effect (1% by default): a trend too small to matter
///   is not called drift however many iterations make it significant.
enum WithinRunDrift {
    /// Why there is no drift test for samples whose time order is lost.
    static let orderLostNote = "the samples are HDR-histogram values, kept in ascending order rather than the order they were measured in: drift within runs cannot be tested"

    /// The drift summary and, per run, Kendall's τ, its p-value and the early-to-late change.
    /// - Parameter timeOrdered: false when the samples are not in the order they were measured
    ///   (HDR-histogram values): there is then nothing to test.
    static func analyse(
        runs: [[Double]], options: RunVarianceOptions, timeOrdered: Bool = true
    ) -> (drift: BenchmarkVariance.Drift, perRun: [(tau: Double?, p: Double?, change: Double?)]) {
        guard timeOrdered else {
            return (.init(detected: false, direction: .none, change: nil, s: nil, z: nil, p: nil, pHolm: nil,
                          method: .seasonalKendall, note: orderLostNote), runs.map { _ in (nil, nil, nil) })
        }
        // The seasonal test holds each run's own Mann–Kendall test (nil where a run has fewer
        // than two distinct values), so every run is ranked once.
        let test = try? SeasonalKendallTest(blocks: runs)
        let perRun: [(tau: Double?, p: Double?, change: Double?)] = runs.indices.map { index in
            let block = test?.blocks[index]
            return (block?.tau, block?.pValue, earlyToLate(runs[index]))
        }
        let changes = perRun.compactMap(\.change)
        let change = changes.isEmpty ? nil : (try? Summary(changes))?.median
        guard let test else {
            let longest = runs.map(\.count).max() ?? 0
            let note = longest < 3
                ? "runs of fewer than 3 iterations: no drift within runs can be seen"
                : "every iteration of each run has the same time: there is no trend to test"
            return (.init(detected: false, direction: .none, change: change, s: nil, z: nil, p: nil, pHolm: nil,
                          method: .seasonalKendall, note: note), perRun)
        }
        var drift = BenchmarkVariance.Drift(
            detected: false, direction: .none, change: change, s: test.s, z: test.z, p: test.pValue,
            pHolm: nil, method: .seasonalKendall, note: nil)
        judge(&drift, adjustedP: nil, options: options)
        return (drift, perRun)
    }

    /// Decides `detected` and `direction` from the stored test, with `adjustedP` (the p-value
    /// adjusted over a family of benchmarks) in place of `p` when given.
    static func judge(_ drift: inout BenchmarkVariance.Drift, adjustedP: Double?, options: RunVarianceOptions) {
        guard let p = drift.p else { return }
        drift.pHolm = adjustedP
        let significant = (adjustedP ?? p) < options.alpha
        let large = abs(drift.change ?? 0) >= options.minimumEffect
        drift.detected = significant && large
        drift.direction = drift.detected ? ((drift.change ?? drift.s ?? 0) > 0 ? .slower : .faster) : .none
    }

    /// median(last third) ÷ median(first third) − 1, for runs of 3 or more iterations.
    static func earlyToLate(_ run: [Double]) -> Double? {
        let third = run.count / 3
        guard third >= 1 else { return nil }
        let early = median(Array(run.prefix(third)))
        let late = median(Array(run.suffix(third)))
        guard early > 0 else { return nil }
        return late / early - 1
    }

    /// R's `median` of a non-empty sample of finite values (radix-sorted: O(n)).
    static func median(_ values: [Double]) -> Double {
        let sorted = RadixSort.sorted(values)
        let n = sorted.count
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }
}
