/// What one sample of a benchmark is (`"sampleKind"` of a benchmark in a results file).
///
/// qe-validate's own harness times single iterations. Several other tools only report the mean
/// of a batch of iterations (Google Benchmark, Go, Criterion.rs, pytest-benchmark with more
/// than one iteration per round). A batch mean varies less than a single iteration does, so
/// intervals and tests computed from batch means describe batch means: the judging commands
/// say so in their warnings (see ``ResultsInput/warnings(for:path:)``).
///
/// In a results file the member is optional: a benchmark without it holds single iterations,
/// so every file written before the member existed reads as it always did. The writer only
/// writes it for batch means.
public enum SampleKind: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// One sample is the wall time of one iteration (`"iteration"`, the default).
    case iteration = "iteration"
    /// One sample is the mean time per iteration over a batch of iterations (`"batch-mean"`).
    case batchMean = "batch-mean"

    /// The spelling used in results files: `iteration` or `batch-mean`.
    public var description: String { rawValue }
}
