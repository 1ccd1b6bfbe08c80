/// How one tested commit was classified (`steps[].classification` of `qe-validate/bisect@1`).
public enum BisectClassification: String, Sendable, Codable, CaseIterable {
    /// Confidently nearer the good end than the bad end: its time ratio against good is below
    /// the geometric midpoint of good and bad.
    case good
    /// Confidently nearer the bad end: its time ratio against good is above the midpoint.
    case bad
    /// The per-commit run limit (or the time budget) was reached before either could be said.
    /// Like `git bisect skip`, a neighbour is tried instead.
    case undecided
    /// The commit could not be measured: its build or its benchmark failed (the error is kept).
    case skip
}
