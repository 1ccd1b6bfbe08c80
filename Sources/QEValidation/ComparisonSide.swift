/// One side of a comparison: the timings of one variant of one benchmark, run by run.
public struct ComparisonSide: Sendable {
    /// The variant's name (for example `baseline` or `flash`).
    public var variant: String
    /// The file the timings came from.
    public var file: String
    /// Per-iteration times, one array per run, all in the comparison's unit.
    public var runs: [[Double]]

    public init(variant: String, file: String, runs: [[Double]]) {
        self.variant = variant
        self.file = file
        self.runs = runs
    }

    /// All iterations of all runs.
    public var pooled: [Double] { runs.flatMap { $0 } }
}
