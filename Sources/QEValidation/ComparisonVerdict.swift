/// What a comparison without a claim finds (`compare`): per benchmark from its speedup interval
/// [L, U], and overall.
public enum ComparisonVerdict: String, Sendable, Codable, CaseIterable {
    /// L > 1: the candidate is faster. Overall: every benchmark is.
    case faster
    /// U < 1: the candidate is slower. Overall: some benchmark is.
    case slower
    /// The interval holds 1. Overall: otherwise.
    case indistinguishable

    /// The verdict of a speedup interval [`low`, `high`].
    public init(speedupLow low: Double, high: Double) {
        if low > 1 {
            self = .faster
        } else if high < 1 {
            self = .slower
        } else {
            self = .indistinguishable
        }
    }

    /// The overall verdict of `verdicts`: faster when every one is, slower when any is.
    public init(overall verdicts: [ComparisonVerdict]) {
        if verdicts.allSatisfy({ $0 == .faster }) {
            self = .faster
        } else if verdicts.contains(.slower) {
            self = .slower
        } else {
            self = .indistinguishable
        }
    }
}
