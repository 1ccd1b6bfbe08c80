/// Which series (and which of their points) a listing, a sample load or an export takes. Every
/// criterion left empty takes everything.
public struct SeriesFilter: Hashable, Sendable {
    /// Benchmark names to take (any of them); empty takes every benchmark.
    public var benchmarks: [String]
    /// The variant to take.
    public var variant: String?
    /// The branch to take.
    public var branch: String?
    /// A machine: its identifier, a prefix of it, or part of its summary
    /// (``StoredMachine/matches(_:)``).
    public var machine: String?
    /// The suite to take.
    public var suite: String?
    /// The first commit or time to take.
    public var since: HistorySince?

    /// Creates a filter; every criterion defaults to "any".
    public init(benchmarks: [String] = [], variant: String? = nil, branch: String? = nil,
                machine: String? = nil, suite: String? = nil, since: HistorySince? = nil) {
        self.benchmarks = benchmarks
        self.variant = variant
        self.branch = branch
        self.machine = machine
        self.suite = suite
        self.since = since
    }

    /// Whether the filter takes every benchmark of every file (only `since` may be set), so an
    /// export holds whole files.
    var takesWholeFiles: Bool {
        benchmarks.isEmpty && variant == nil && branch == nil && machine == nil && suite == nil
    }

    /// Whether the series passes the criteria other than ``since``.
    func takes(_ key: HistorySeriesKey, machine stored: StoredMachine) -> Bool {
        (benchmarks.isEmpty || benchmarks.contains(key.name))
            && (variant == nil || variant == key.variant)
            && (branch == nil || branch == key.branch)
            && (suite == nil || suite == key.suite)
            && (machine.map(stored.matches) ?? true)
    }
}
