import QEStatistics

/// The numbers a box plot draws: quartiles (R's `quantile(type = 7)`), Tukey's whiskers (the
/// most extreme observations within 1.5 × IQR of the box) and how many observations lie beyond
/// them.
public struct BoxSummary: Sendable, Codable, Equatable {
    public var n: Int
    public var min: Double
    public var q1: Double
    public var median: Double
    public var q3: Double
    public var max: Double
    public var lowerWhisker: Double
    public var upperWhisker: Double
    /// Observations beyond the whiskers.
    public var outliers: Int

    /// Summarises `values` (at least one, all finite).
    /// - Complexity: O(n log n), for one sort.
    public init(_ values: [Double]) throws(StatisticsError) {
        let summary = try Summary(values)
        let sorted = summary.sortedValues
        n = sorted.count
        min = summary.minimum
        max = summary.maximum
        median = summary.median
        q1 = try summary.quantile(0.25)
        q3 = try summary.quantile(0.75)
        let reach = 1.5 * (q3 - q1)
        let lowFence = q1 - reach
        let highFence = q3 + reach
        lowerWhisker = sorted.first { $0 >= lowFence } ?? min
        upperWhisker = sorted.last { $0 <= highFence } ?? max
        outliers = sorted.count { $0 < lowFence || $0 > highFence }
    }
}
