/// How the gate computes a time-ratio interval between a baseline file and a results file.
///
/// The two files come from different sessions, so their runs are not paired (DESIGN §3).
public enum GateMethod: String, Sendable, Codable, CaseIterable {
    /// Unpaired runs when both sides have 3 or more runs, Hodges–Lehmann otherwise.
    case auto
    /// Welch's t interval on the log of one statistic per run (by default each run's fastest
    /// iteration; runs are the units; see `UnpairedRunsSpeedup`).
    case unpairedRuns = "unpaired-runs"
    /// Kalibera & Jones' hierarchical bootstrap of the ratio of mean times.
    case hierarchicalBootstrap = "hierarchical-bootstrap"
    /// Hodges–Lehmann on pooled log times with the Bauer interval (cannot see run-to-run
    /// variation).
    case hodgesLehmann = "hodges-lehmann"

    /// Runs per side from which `auto` uses the run-based interval.
    public static let minimumRuns = 3

    /// The method `auto` resolves to for the given numbers of runs; other methods are kept.
    public func resolved(baselineRuns: Int, candidateRuns: Int) -> GateMethod {
        guard self == .auto else { return self }
        return min(baselineRuns, candidateRuns) >= Self.minimumRuns ? .unpairedRuns : .hodgesLehmann
    }
}
