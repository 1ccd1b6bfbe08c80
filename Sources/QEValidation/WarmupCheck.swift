import QEFormats
import QEStatistics

/// Whether a benchmark's warm-up looks long enough.
///
/// - Start of the timed iterations: in each run of 4 or more iterations, the first
///   m = ⌈n/10⌉ timed iterations against the rest of the run, by a one-sided stratified
///   rank-sum test with the runs as strata (each run ranked on its own, so slow runs do not
///   count), and the median over runs of median(first m) ÷ median(rest) − 1.
/// - The warm-up itself, where recorded: the number of warm-up iterations before the warm-up
///   times stay within the upper fence Q3 + 1.5·IQR of the run's timed iterations, and which runs
///   ended their warm-up still above it.
/// - Insufficient when the first timed iterations are slower (p, Holm-adjusted over the
///   benchmarks of the document when given, < 1 − confidence, and by at least the minimum effect), or when times fall within runs (drift toward faster: the runs were
///   still warming up while being timed). Sufficient when the data show neither; unknown when
///   there is nothing to test.
enum WarmupCheck {
    static func analyse(
        runs: [[Double]], summaries: [Summary], warmups: [[Double]], drift: BenchmarkVariance.Drift,
        options: RunVarianceOptions, timeOrdered: Bool = true
    ) -> BenchmarkVariance.Warmup {
        var settledAfter: Int?
        var stillSettling: [Int] = []
        for (index, (summary, warmup)) in zip(summaries, warmups).enumerated() where !warmup.isEmpty {
            guard let q1 = try? summary.quantile(0.25), let q3 = try? summary.quantile(0.75) else { continue }
            let fence = q3 + 1.5 * (q3 - q1)
            let lastAbove = warmup.lastIndex { $0 > fence }
            let needed = lastAbove.map { $0 + 1 } ?? 0
            settledAfter = max(settledAfter ?? 0, needed)
            if lastAbove == warmup.count - 1 { stillSettling.append(index) }
        }

        // Samples out of their measured order (HDR-histogram values) have no first iterations.
        let strata = runs.filter { timeOrdered && $0.count >= 4 }.map { run -> (x: [Double], y: [Double]) in
            let first = Self.startIterations(run.count)
            return (Array(run.prefix(first)), Array(run.dropFirst(first)))
        }
        let startIterations = runs.map(\.count).max().map(Self.startIterations)
        let test = strata.isEmpty ? nil : try? StratifiedRankSumTest(strata: strata, alternative: .greater)
        let changes = strata.compactMap { stratum -> Double? in
            let rest = WithinRunDrift.median(stratum.y)
            return rest > 0 ? WithinRunDrift.median(stratum.x) / rest - 1 : nil
        }
        let startChange = changes.isEmpty ? nil : (try? Summary(changes))?.median

        var warmupText: String {
            let counts = Set(warmups.map(\.count))
            if counts == [0] { return "no warm-up iterations are recorded" }
            let count = counts.count == 1 ? "\(counts.first ?? 0)" : "\(counts.min() ?? 0)–\(counts.max() ?? 0)"
            var text = "\(count) warm-up iteration\(count == "1" ? "" : "s") per run"
            if let settledAfter {
                text += settledAfter == 0 ? ", all within the timed range" : ", settled after \(settledAfter)"
            }
            if !stillSettling.isEmpty {
                text += "; the last warm-up iteration was still slow in \(stillSettling.count) of \(runs.count) runs"
            }
            return text
        }

        var warmup = BenchmarkVariance.Warmup(
            sufficient: nil, iterationsPerRun: warmups.map(\.count), settledAfter: settledAfter,
            runsStillSettling: stillSettling, startIterations: test == nil ? nil : startIterations,
            startChange: startChange, startZ: test?.z, startP: test?.pValue, startPHolm: nil,
            detail: warmupText, reason: "")
        judge(&warmup, drift: drift, adjustedP: nil, options: options)
        return warmup
    }

    /// Decides `sufficient` and `reason` from the stored tests and the (already judged) drift,
    /// with `adjustedP` (adjusted over a family of benchmarks) in place of `startP` when given.
    static func judge(
        _ warmup: inout BenchmarkVariance.Warmup, drift: BenchmarkVariance.Drift, adjustedP: Double?, options: RunVarianceOptions
    ) {
        if warmup.startP != nil { warmup.startPHolm = adjustedP }
        let first = warmup.startIterations ?? 1
        if let p = adjustedP ?? warmup.startP, p < options.alpha, let change = warmup.startChange, change >= options.minimumEffect {
            warmup.sufficient = false
            let which = first == 1 ? "timed iteration of a run is" : "\(first) timed iterations of a run are"
            let adjusted = adjustedP == nil ? "" : ", Holm-adjusted"
            warmup.reason = "the first \(which) \(PercentText.magnitude(change)) slower than the rest (stratified rank-sum p \(PValueText.relation(p))\(adjusted)); \(warmup.detail)"
        } else if drift.detected, drift.direction == .faster {
            warmup.sufficient = false
            warmup.reason = "times still fall during the runs (drift \(PercentText.signed(drift.change ?? 0))); \(warmup.detail)"
        } else if warmup.startP != nil || drift.p != nil {
            warmup.sufficient = true
            warmup.reason = "the first timed iterations are in line with the rest and times do not fall during the runs; \(warmup.detail)"
        } else if drift.note == WithinRunDrift.orderLostNote {
            warmup.sufficient = nil
            warmup.reason = "the samples are HDR-histogram values in ascending order, so the first timed iterations are not known; \(warmup.detail)"
        } else {
            warmup.sufficient = nil
            warmup.reason = "runs are too short to tell; \(warmup.detail)"
        }
    }

    /// ⌈n/10⌉, at least 1.
    static func startIterations(_ count: Int) -> Int { max(1, (count + 9) / 10) }
}
