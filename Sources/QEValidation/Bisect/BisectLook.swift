/// What the judge says after looking at a decision's rounds: measure more rounds, or the
/// verdict.
public enum BisectLook<Verdict: Sendable & Equatable>: Sendable, Equatable {
    /// Not decided yet: measure until there are this many rounds, then ask again.
    case measure(untilRuns: Int)
    /// Decided (for a commit, possibly `undecided` at the run limit).
    case decided(Verdict)
}
