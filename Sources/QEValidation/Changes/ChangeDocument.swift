import Foundation

/// The `qe-validate/changes@1` document of `history detect`: for each series, the commits where
/// its level changed, with the ratio of levels, its interval, the direction and the p-value.
public struct ChangeDocument: Sendable, Codable, Equatable {
    public static let schemaName = "qe-validate/changes@1"

    /// A ratio of levels (after ÷ before) with its interval.
    public struct Change: Sendable, Codable, Equatable {
        public var estimate: Double
        public var low: Double
        public var high: Double
        public var confidence: Double
    }

    /// One change point: the first commit of a new level.
    public struct ChangePoint: Sendable, Codable, Equatable {
        /// The first commit of the new level.
        public var commit: String
        /// The commit before it (the last of the old level).
        public var previousCommit: String
        /// The 0-based position of `commit` in the series.
        public var index: Int
        /// `commit`'s time.
        public var time: Date
        public var direction: ChangeDirection
        /// Level after ÷ level before (> 1: slower).
        public var change: Change
        /// The search-adjusted p-value (see ``ChangeOptions/maxP``).
        public var p: Double
    }

    /// One series and its change points.
    public struct Series: Sendable, Codable, Equatable {
        public var suite: String
        public var name: String
        public var variant: String
        public var machine: String
        public var branch: String
        /// The number of commits in the series.
        public var points: Int
        /// Oldest first.
        public var changePoints: [ChangePoint]
    }

    public var schema: String = ChangeDocument.schemaName
    /// The store the series were read from, its password redacted (set by the command).
    public var store: String?
    public var maxP: Double
    public var minChange: Double
    public var series: [Series]

    /// Every regression at or after `date` (every regression when nil), with its series.
    public func regressions(since date: Date? = nil) -> [(series: Series, changePoint: ChangePoint)] {
        series.flatMap { series in
            series.changePoints
                .filter { point in point.direction == .regression && (date.map { point.time >= $0 } ?? true) }
                .map { (series, $0) }
        }
    }
}
