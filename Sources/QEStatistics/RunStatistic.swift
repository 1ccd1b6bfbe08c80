import Foundation

/// What one run contributes to a run-level interval: one number summarising its iterations.
///
/// Runs are the independent units (Kalibera & Jones 2013); this says which summary of a run's
/// iterations stands for the run.
public enum RunStatistic: String, Sendable, CaseIterable, Codable {
    /// The fastest iteration. Interference from the rest of the machine (other processes,
    /// preemption, cache and frequency effects) only ever adds time, so the minimum is the
    /// location least moved by it (Chen & Revels 2016, "Robust benchmarking in noisy
    /// environments"; the estimator of Julia's BenchmarkTools `judge`). It depends on the
    /// number of iterations (the least of more draws is lower): compare runs of equal length.
    case minimum
    /// The median iteration: robust to occasional slow iterations, not to interference that
    /// lasts most of a run.
    case median
    /// exp(mean log time): efficient when the noise is lognormal and nothing interferes.
    case geometricMean = "geometric-mean"

    /// log(statistic) of `times`.
    /// - Throws: `StatisticsError` for an empty run or a non-finite or non-positive time.
    /// - Complexity: O(n) for the minimum and the geometric mean, O(n log n) for the median.
    public func logValue(_ times: [Double], _ what: String) throws(StatisticsError) -> Double {
        try Self.check(times, what)
        switch self {
        case .minimum, .median: return log(unchecked(times))
        case .geometricMean: return Self.meanLog(times)
        }
    }

    /// The statistic of `times`, in their unit.
    /// - Throws: `StatisticsError` for an empty run or a non-finite or non-positive time.
    public func value(_ times: [Double], _ what: String) throws(StatisticsError) -> Double {
        try Self.check(times, what)
        return unchecked(times)
    }

    private func unchecked(_ times: [Double]) -> Double {
        switch self {
        case .minimum:
            return times.min() ?? .nan
        case .median:
            let sorted = times.sorted()
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        case .geometricMean:
            return exp(Self.meanLog(times))
        }
    }

    private static func meanLog(_ times: [Double]) -> Double {
        var sum = 0.0
        for time in times { sum += log(time) }
        return sum / Double(times.count)
    }

    private static func check(_ times: [Double], _ what: String) throws(StatisticsError) {
        try StatisticsError.check(times, atLeast: 1, what)
        for time in times where time <= 0 { throw .nonPositive(what: what) }
    }
}
