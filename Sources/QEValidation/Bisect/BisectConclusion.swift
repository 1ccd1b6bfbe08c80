/// How a bisection ended (`conclusion` in the `qe-validate/bisect@1` document). Only `named`
/// names one commit; every other conclusion gives the smallest range it narrowed.
public enum BisectConclusion: String, Sendable, Codable, CaseIterable {
    /// One commit is the first bad one.
    case named
    /// Bad is not confidently slower than good by more than the threshold: nothing was bisected.
    case premiseNotConfirmed = "premise-not-confirmed"
    /// Every commit left inside the range was skipped or undecided.
    case untestableCommits = "untestable-commits"
    /// The time budget ran out.
    case budgetSpent = "budget-spent"
    /// The decisions the error bound allows were spent (too many undecided commits).
    case decisionsSpent = "decisions-spent"
}

/// A limit that stopped a bisection before its search was over.
public enum BisectLimit: Sendable, Equatable {
    case budget
    case decisions
}
