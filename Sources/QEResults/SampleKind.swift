/// What one sample of a benchmark is (`"sampleKind"` of a benchmark in a results file).
///
/// qe-validate's own harness times single iterations. Several other tools only report the mean
/// of a batch of iterations (Google Benchmark, Go, Criterion.rs, pytest-benchmark with more
/// than one iteration per round). A batch mean varies less than a single iteration does, so
/// intervals and tests computed from batch means describe batch means. Some tools keep their
/// measurements only in an HDR histogram (Swift's package-benchmark): each time is then known
/// to the histogram's precision only (3 significant digits by default), so equal values
/// (ties) are common and differences smaller than a bucket cannot be seen. The judging
/// commands say both in their warnings (see ``ResultsInput/warnings(for:path:)``).
///
/// In a results file the member is optional: a benchmark without it holds single iterations,
/// so every file written before the member existed reads as it always did. The writer only
/// writes it for the other kinds.
public enum SampleKind: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// One sample is the wall time of one iteration (`"iteration"`, the default).
    case iteration = "iteration"
    /// One sample is the mean time per iteration over a batch of iterations (`"batch-mean"`).
    case batchMean = "batch-mean"
    /// One sample is the wall time of one iteration as an HDR histogram kept it: the highest
    /// value of the histogram bucket the time fell in (`"histogram-iteration"`).
    case histogramIteration = "histogram-iteration"
    /// One sample is a batch mean as an HDR histogram kept it: a batch's time rounded to its
    /// histogram bucket, divided by the batch's iteration count (`"histogram-batch-mean"`).
    case histogramBatchMean = "histogram-batch-mean"

    /// The spelling used in results files: `iteration`, `batch-mean`, ...
    public var description: String { rawValue }

    /// Whether a sample is the mean of a batch of iterations rather than one iteration.
    public var isBatchMean: Bool { self == .batchMean || self == .histogramBatchMean }

    /// Whether a sample was rounded to an HDR histogram's precision.
    public var isRoundedToHistogram: Bool { self == .histogramIteration || self == .histogramBatchMean }
}
