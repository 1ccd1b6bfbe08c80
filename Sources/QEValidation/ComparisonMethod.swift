/// How a speedup interval is computed.
public enum ComparisonMethod: String, Sendable, CaseIterable, Codable {
    /// Paired runs when run k of both variants came from one process and there are 3 or more
    /// runs; the hierarchical bootstrap for 3 or more unpaired runs per side; Hodges–Lehmann
    /// otherwise (``resolved(paired:baselineRuns:candidateRuns:)``).
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

    /// The method `auto` resolves to, the same for `compare`, claims and reports: paired runs when
    /// the runs are paired and there are 3 or more of them (the narrowest interval with the right
    /// coverage in the simulation of DESIGN §3: the unpaired bootstrap of the same data is about
    /// twice as wide), the hierarchical bootstrap when both sides have 3 or more unpaired runs,
    /// Hodges–Lehmann otherwise. Other methods are kept.
    /// - Parameter paired: run k of both sides came from the same process (one file, the same
    ///   runs).
    public func resolved(paired: Bool, baselineRuns: Int, candidateRuns: Int) -> ComparisonMethod {
        guard self == .auto else { return self }
        if paired && baselineRuns >= Self.minimumRunsForBootstrap { return .pairedRuns }
        let enough = baselineRuns >= Self.minimumRunsForBootstrap && candidateRuns >= Self.minimumRunsForBootstrap
        return enough ? .hierarchicalBootstrap : .hodgesLehmann
    }
}
