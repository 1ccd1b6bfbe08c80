/// The interval a document's speedup (and time ratio) was computed with — the method actually
/// used, never `auto` (``ComparisonMethod`` and ``GateMethod`` are what the user asks for).
public enum IntervalMethod: String, Sendable, Codable, CaseIterable {
    /// Hodges–Lehmann on log times with the Bauer/Moses interval, iterations pooled.
    case hodgesLehmann = "hodges-lehmann"
    /// Kalibera & Jones' hierarchical bootstrap of the ratio of mean times.
    case hierarchicalBootstrap = "hierarchical-bootstrap"
    /// A t interval on the per-run log speedups of paired runs (one file, run k of both
    /// variants from one process).
    case pairedRuns = "paired-runs"
    /// Welch's t interval on the log of one statistic per run, runs not paired (the gate).
    case unpairedRuns = "unpaired-runs"
}
