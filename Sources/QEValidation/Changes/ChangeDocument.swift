import Foundation
import QEResults

/// The `qe-validate/changes@1` document of `history detect`: for each series, its commits with
/// their levels, the commits where its level changed (with the ratio of levels, its interval,
/// the direction and the p-value) and the level of each stretch between changes.
public struct ChangeDocument: Sendable, Codable, Equatable {
    public static let schemaName = "qe-validate/changes@1"

    /// A ratio of levels (after ÷ before) with its interval.
    public struct Change: Sendable, Codable, Equatable {
        public var estimate: Double
        public var low: Double
        public var high: Double
        public var confidence: Double
    }

    /// A level (a time in the series' unit) with its interval.
    public struct Level: Sendable, Codable, Equatable {
        public var estimate: Double
        public var low: Double
        public var high: Double
        public var confidence: Double
    }

    /// One commit of a series.
    public struct Point: Sendable, Codable, Equatable {
        public var commit: String
        public var time: Date
        /// The commit's level: the trimmed mean of its runs' median log times, as a time.
        public var level: Double
        /// Each run's level (its median time), in run order.
        public var runs: [Double]
        /// Whether the commit stands out from its neighbours (``ChangeDocument`` ignores its
        /// level when looking for changes: one outlying commit is not a change).
        public var outlying: Bool
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

    /// A stretch of commits at one level: from `start` to `end` (0-based, inclusive), between
    /// neighbouring change points.
    public struct Segment: Sendable, Codable, Equatable {
        public var start: Int
        public var end: Int
        public var firstCommit: String
        public var lastCommit: String
        /// The weighted geometric mean of the commits' levels, with its interval (none with
        /// fewer than 5 commits: low = high = estimate).
        public var level: Level
    }

    /// One series and its change points.
    public struct Series: Sendable, Codable, Equatable {
        public var suite: String
        public var name: String
        public var variant: String
        /// The machine's identifier in the store.
        public var machine: String
        public var branch: String
        /// The unit of every level and run time.
        public var unit: TimeUnit
        /// The commits, oldest first.
        public var points: [Point]
        /// Oldest first.
        public var changePoints: [ChangePoint]
        /// The levels between change points, oldest first (one more than the change points).
        public var segments: [Segment]

        /// `suite/name (variant)`, for messages and pages.
        public var label: String { "\(suite)/\(name) (\(variant))" }
    }

    public var schema: String = ChangeDocument.schemaName
    /// The store the series were read from, its password redacted (set by the command; `null`
    /// when the series came from elsewhere).
    @ExplicitNull public var store: String?
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

    /// What `--fail-on-regression` fails on: with `date`, every regression at or after it; without,
    /// the regressions whose new level reaches the series' latest commit (the series' last
    /// change point, when it is a regression): the latest commit is slower than the level
    /// before it. A change needs two commits after it to be seen, so "at the latest commit"
    /// cannot mean the change's own commit.
    public func failingRegressions(since date: Date?) -> [(series: Series, changePoint: ChangePoint)] {
        guard date == nil else { return regressions(since: date) }
        return series.compactMap { series in
            guard let last = series.changePoints.last, last.direction == .regression else { return nil }
            return (series, last)
        }
    }
}
