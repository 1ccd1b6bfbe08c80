/// How a speedup interval is computed.
public enum ComparisonMethod: String, Sendable, CaseIterable, Codable {
    /// Hierarchical bootstrap when both sides have 3 or more runs, Hodges–Lehmann otherwise.
    case auto
    /// Hodges–Lehmann on log times with the Bauer/Moses interval (iterations pooled).
    case hodgesLehmann = "hodges-lehmann"
    /// Kalibera & Jones' hierarchical bootstrap of the ratio of mean times (runs, then
    /// iterations within runs).
    case hierarchicalBootstrap = "hierarchical-bootstrap"

    /// Runs per side below which `auto` does not use the hierarchical bootstrap.
    public static let minimumRunsForBootstrap = 3

    /// The method `auto` resolves to for the given numbers of runs.
    public func resolved(baselineRuns: Int, candidateRuns: Int) -> ComparisonMethod {
        guard self == .auto else { return self }
        let enough = baselineRuns >= Self.minimumRunsForBootstrap && candidateRuns >= Self.minimumRunsForBootstrap
        return enough ? .hierarchicalBootstrap : .hodgesLehmann
    }
}
