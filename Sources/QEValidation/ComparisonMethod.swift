/// How a speedup interval is computed.
public enum ComparisonMethod: String, Sendable, CaseIterable, Codable {
    /// Hierarchical bootstrap when both sides have 3 or more runs, Hodges–Lehmann otherwise.
    case auto
    /// Hodges–Lehmann on log times with the Bauer/Moses interval (iterations pooled).
    case hodgesLehmann = "hodges-lehmann"
    /// Kalibera & Jones' hierarchical bootstrap of the ratio of mean times (runs, then
    /// iterations within runs).
    case hierarchicalBootstrap = "hierarchical-bootstrap"
    /// A t interval (K − 1 degrees of freedom) on the per-run log speedups of paired runs: run k
    /// of both variants came from the same process, so shifts of the machine between runs
    /// cancel (DESIGN §3). Needs runs that are paired.
    case pairedRuns = "paired-runs"

    /// Runs per side below which `auto` does not use the hierarchical bootstrap.
    public static let minimumRunsForBootstrap = 3

    /// The method `auto` resolves to when judging a claim: paired runs when the runs are paired
    /// and there are 3 or more of them (the narrowest interval with the right coverage in the
    /// simulation of DESIGN §3), otherwise as `resolved(baselineRuns:candidateRuns:)`.
    public func resolvedForClaim(paired: Bool, baselineRuns: Int, candidateRuns: Int) -> ComparisonMethod {
        guard self == .auto else { return self }
        if paired && baselineRuns >= Self.minimumRunsForBootstrap { return .pairedRuns }
        return resolved(baselineRuns: baselineRuns, candidateRuns: candidateRuns)
    }

    /// The method `auto` resolves to for the given numbers of runs.
    public func resolved(baselineRuns: Int, candidateRuns: Int) -> ComparisonMethod {
        guard self == .auto else { return self }
        let enough = baselineRuns >= Self.minimumRunsForBootstrap && candidateRuns >= Self.minimumRunsForBootstrap
        return enough ? .hierarchicalBootstrap : .hodgesLehmann
    }
}
