/// How the cost of a new run was found for the planning of a variance analysis (Kalibera &
/// Jones' optimal iterations per run). The raw values are the sentences the JSON states.
public enum RunCostBasis: String, Sendable, Codable, CaseIterable {
    case warmupAndOverhead = "recorded warm-up plus --run-overhead"
    case warmup = "recorded warm-up (process start-up not included: see --run-overhead)"
    case overhead = "--run-overhead (no warm-up recorded)"
    case assumed = "assumed: no warm-up recorded and no --run-overhead, so a new run is taken to cost one iteration"
}
