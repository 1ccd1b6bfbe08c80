/// What a `forget` removed, in one transaction: the files (with their benchmarks, runs and raw
/// samples), and the series and machines left without any file.
public struct ForgetReport: Hashable, Sendable {
    /// The files removed, oldest first.
    public var files: [RecordedFile]
    /// How many series had no file left and were removed.
    public var series: Int
    /// How many machines had no file left and were removed.
    public var machines: Int

    /// Creates a report.
    public init(files: [RecordedFile], series: Int, machines: Int) {
        self.files = files
        self.series = series
        self.machines = machines
    }

    /// The runs and samples removed, over all files.
    public var runs: Int { files.reduce(0) { $0 + $1.runs } }
    /// The samples removed, over all files.
    public var samples: Int { files.reduce(0) { $0 + $1.samples } }
}
