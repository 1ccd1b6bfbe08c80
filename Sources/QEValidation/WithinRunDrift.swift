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
    /// The drift summary and, per run, Kendall's τ, its p-value and the early-to-late change.
    static func analyse(
        runs: [[Double]], adjustedP: Double?, options: RunVarianceOptions
    ) -> (drift: BenchmarkVariance.Drift, perRun: [(tau: Double?, p: Double?, change: Double?)]) {
        let perRun: [(tau: Double?, p: Double?, change: Double?)] = runs.map { run in
            let test = try? KendallTrendTest(run)
            return (test?.tau, test?.pValue, earlyToLate(run))
        }
        let changes = perRun.compactMap(\.change)
        let change = changes.isEmpty ? nil : (try? Summary(changes))?.median
        guard let test = try? SeasonalKendallTest(blocks: runs) else {
            let longest = runs.map(\.count).max() ?? 0
            let note = longest < 3
                ? "runs of fewer than 3 iterations: no drift within runs can be seen"
                : "every iteration of each run has the same time: there is no trend to test"
            return (.init(detected: false, direction: "none", change: change, s: nil, z: nil, p: nil, pHolm: nil,
                          method: "seasonal-kendall", note: note), perRun)
        }
        let significant = (adjustedP ?? test.pValue) < options.alpha
        let large = abs(change ?? 0) >= options.minimumEffect
        let detected = significant && large
        let direction = detected ? ((change ?? test.s) > 0 ? "slower" : "faster") : "none"
        return (.init(detected: detected, direction: direction, change: change, s: test.s, z: test.z, p: test.pValue,
                      pHolm: adjustedP, method: "seasonal-kendall", note: nil), perRun)
    }

    /// median(last third) ÷ median(first third) − 1, for runs of 3 or more iterations.
    static func earlyToLate(_ run: [Double]) -> Double? {
        let third = run.count / 3
        guard third >= 1,
            let early = try? Summary(Array(run.prefix(third))),
            let late = try? Summary(Array(run.suffix(third))),
            early.median > 0
        else { return nil }
        return late.median / early.median - 1
    }
}
