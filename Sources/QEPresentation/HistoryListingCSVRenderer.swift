import QEValidation

/// Renders `history list` as CSV: one row per point of every series, times in nanoseconds,
/// empty `low` and `high` where there are too few iterations for an interval.
struct HistoryListingCSVRenderer {
    static let header = ["suite", "name", "variant", "machine", "branch", "commit", "time", "runs", "iterations",
                         "median_ns", "low_ns", "high_ns"]

    func render(_ listing: HistoryListing) -> String {
        let rows = listing.series.flatMap { series in
            series.points.map { point in
                [series.suite, series.name, series.variant, series.machine, series.branch, point.commit, point.time,
                 "\(point.runs)", "\(point.iterations)", "\(point.median)", CSVText.optional(point.low), CSVText.optional(point.high)]
            }
        }
        return CSVText.document(header: Self.header, rows: rows)
    }
}
