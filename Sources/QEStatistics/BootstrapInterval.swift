/// A percentile bootstrap confidence interval for a ratio of two statistics
/// (baseline statistic / candidate statistic: the speedup), with everything needed to
/// reproduce it.
public struct BootstrapInterval: Sendable, Equatable, CustomStringConvertible {
    /// How observations were resampled.
    public enum Resampling: String, Sendable, CaseIterable, Codable {
        /// Each side's pooled observations, with replacement (runs ignored).
        case iid
        /// Runs with replacement, then iterations within each chosen run with replacement
        /// (Kalibera & Jones 2013).
        case hierarchical
    }

    /// The ratio of the statistics of the original data (baseline / candidate).
    public let estimate: Double
    /// The lower end of the percentile interval.
    public let low: Double
    /// The upper end of the percentile interval.
    public let high: Double
    /// The number of bootstrap replicates, B.
    public let replicates: Int
    /// The seed that reproduces this interval.
    public let seed: UInt64
    /// The confidence level.
    public let confidence: Double
    /// The statistic of each side.
    public let statistic: Bootstrap.Statistic
    /// How observations were resampled.
    public let resampling: Resampling

    /// The method, in words, for reports.
    public var method: String {
        switch resampling {
        case .iid:
            return "percentile bootstrap of the ratio of \(statistic.rawValue)s (iid resampling of pooled iterations)"
        case .hierarchical:
            return "hierarchical percentile bootstrap of the ratio of \(statistic.rawValue)s "
                + "(runs, then iterations within runs; Kalibera & Jones 2013)"
        }
    }

    /// The estimate, the interval and how it was computed, on one line.
    public var description: String {
        "\(estimate) [\(low), \(high)], \(confidence * 100)% \(method), B = \(replicates), seed \(seed)"
    }
}
