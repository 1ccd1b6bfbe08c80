/// A results file as the store holds it: its digest, where it belongs in history, and how much
/// it holds.
public struct RecordedFile: Hashable, Sendable {
    /// SHA-256 of the file's canonical content.
    public var digest: String
    /// The commit it measured.
    public var commit: String
    /// The commit's time.
    public var time: HistoryTimestamp
    /// The branch.
    public var branch: String
    /// The suite of its benchmarks.
    public var suite: String
    /// The machine it was measured on.
    public var machine: String
    /// The path it was added from, when known.
    public var source: String?
    /// How many benchmarks, runs and samples it holds.
    public var benchmarks: Int, runs: Int, samples: Int

    /// Creates a description of a recorded file.
    public init(digest: String, commit: String, time: HistoryTimestamp, branch: String, suite: String,
                machine: String, source: String?, benchmarks: Int, runs: Int, samples: Int) {
        self.digest = digest
        self.commit = commit
        self.time = time
        self.branch = branch
        self.suite = suite
        self.machine = machine
        self.source = source
        self.benchmarks = benchmarks
        self.runs = runs
        self.samples = samples
    }
}
