import QEFormats
import QEResults
import QEValidation

/// What the text and Markdown listings share: each series' heading and the cells of its points
/// (commit, time, runs, iterations, median with its interval), the unit of a series chosen from
/// its first point's median.
enum HistoryListingRows {
    /// The column titles.
    static let header = ["commit", "time", "runs", "n", "median [\(PercentText.percent(HistoryListing.confidence)) CI]"]
    /// The columns aligned right (counts and times).
    static let numericColumns: Set<Int> = [2, 3, 4]

    /// `suite/name (variant) on machine M, branch B: K commits`, unescaped.
    static func heading(_ series: HistoryListing.Series) -> String {
        let commits = series.points.count == 1 ? "1 commit" : "\(series.points.count) commits"
        return "\(series.suite)/\(series.name) (\(series.variant)) on machine \(series.machine), branch \(series.branch): \(commits)"
    }

    /// One row of cells per point, unescaped.
    static func cells(_ series: HistoryListing.Series) -> [[String]] {
        let text = DurationText(reference: series.points.first?.median ?? 1, sourceUnit: .nanoseconds)
        return series.points.map { point in
            let median: String
            if let low = point.low, let high = point.high {
                median = "\(text.format(point.median)) [\(text.number(low)), \(text.number(high))]"
            } else {
                median = "\(text.format(point.median)) [too few]"
            }
            return [String(point.commit.prefix(12)), point.time, "\(point.runs)", "\(point.iterations)", median]
        }
    }

    /// The note under a listing whose points lack an interval; nil when every point has one.
    static func tooFewNote(_ listing: HistoryListing) -> String? {
        let short = listing.series.contains { $0.points.contains { $0.low == nil } }
        return short ? "[too few]: fewer than 6 iterations, so no order-statistic interval reaches \(PercentText.percent(HistoryListing.confidence))." : nil
    }

    /// What a listing with no series says.
    static let empty = "No series: the store holds no point that the filter takes."
}
