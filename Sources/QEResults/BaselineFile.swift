/// A committed baseline: a results file (raw samples kept) plus its ``BaselineProvenance``.
///
/// On disk a baseline is an ordinary `qe-validate/results@1` file with one more top-level
/// member, `"baseline"`, which results readers ignore:
///
/// ```json
/// { "schema": "qe-validate/results@1",
///   "baseline": { "schema": "qe-validate/baseline@1", "recordedAt": "2026-11-26T15:00:00Z",
///                 "signedOffBy": "Ada <ada@example.org>", "gitCommit": "…", "source": "results.json" },
///   "suite": "flash-attention", "unit": "ns", "environment": { … }, "benchmarks": [ … ] }
/// ```
///
/// So every command that reads results (`compare`, `--claim --results`) reads a baseline as it
/// is, and a plain results file can serve as a baseline (without provenance).
public struct BaselineFile: Hashable, Sendable {
    /// The timings and their environment.
    public var results: ResultsFile
    /// Where the baseline came from; nil for a plain results file.
    public var provenance: BaselineProvenance?

    /// Creates a baseline from results and provenance. Nothing is validated until written.
    public init(results: ResultsFile, provenance: BaselineProvenance?) {
        self.results = results
        self.provenance = provenance
    }
}
