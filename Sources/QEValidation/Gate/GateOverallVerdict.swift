/// The gate's verdict over every gated benchmark, and the exit status it asks for.
public enum GateOverallVerdict: String, Sendable, Codable {
    /// No regression; inconclusive benchmarks, if any, pass under `--on-inconclusive pass`.
    case passed
    /// At least one benchmark regressed. Exit 1.
    case regression
    /// No regression, but some benchmark is inconclusive and `--on-inconclusive fail`. Exit 3.
    case inconclusive

    /// Combines the benchmarks' verdicts under the inconclusive policy.
    public init(_ verdicts: [GateVerdict], onInconclusive policy: GateInconclusivePolicy) {
        if verdicts.contains(.regression) {
            self = .regression
        } else if verdicts.contains(.inconclusive) && policy == .fail {
            self = .inconclusive
        } else {
            self = .passed
        }
    }
}
