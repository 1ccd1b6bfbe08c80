import Foundation
import QEResults
import QEStatistics

/// One series of a benchmark's history as the change-point judge reads it (DESIGN §8): one
/// benchmark (suite, name, variant) on one machine and one branch, commit by commit, with every
/// run's raw iteration times, or only each run's lower and upper median (all the judge needs of a
/// run). Commands map the history store's series onto it.
public struct ChangeSeries: Sendable, Equatable {
    /// The samples of one commit.
    public struct Point: Sendable, Equatable {
        /// The commit.
        public var commit: String
        /// The commit's time.
        public var time: Date
        /// Each run's iteration times (any one unit for the whole series; positive); empty for a
        /// point made from its runs' medians.
        public var runs: [[Double]]
        /// Each run's lower and upper median (the same unit), when the point was made from them
        /// (``init(commit:time:runMedians:)``): the judge then takes each run's level from these,
        /// with the same result as from the samples.
        public var runMedians: [CommitLevel.RunMedians]?

        public init(commit: String, time: Date, runs: [[Double]]) {
            self.commit = commit
            self.time = time
            self.runs = runs
        }

        /// A point known by each run's lower and upper median only, every sample of the runs
        /// having been checked finite and positive.
        public init(commit: String, time: Date, runMedians: [CommitLevel.RunMedians]) {
            self.commit = commit
            self.time = time
            self.runs = []
            self.runMedians = runMedians
        }
    }

    public var suite: String
    public var name: String
    public var variant: String
    public var machine: String
    public var branch: String
    /// The unit of every run's times.
    public var unit: TimeUnit
    /// The commits, oldest first.
    public var points: [Point]

    public init(suite: String, name: String, variant: String, machine: String, branch: String, unit: TimeUnit = .nanoseconds, points: [Point]) {
        self.suite = suite
        self.name = name
        self.variant = variant
        self.machine = machine
        self.branch = branch
        self.unit = unit
        self.points = points
    }

    /// `suite/name (variant) on machine, branch`, for messages.
    public var label: String { "\(suite)/\(name) (\(variant)) on \(machine), branch \(branch)" }
}
