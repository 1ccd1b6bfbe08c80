/// The judge's verdict on one measured commit.
public struct BisectStepJudgement: Sendable, Equatable {
    /// `good`, `bad`, or `undecided` at the run limit (never `skip`: that is for commits that
    /// could not be measured).
    public var classification: BisectClassification
    /// candidate ÷ good time, with its interval at the decision's interval confidence.
    public var ratio: BisectRatio
    /// The geometric midpoint of good and bad as a ratio to good, √(bad ÷ good), estimated
    /// from the same rounds: the line the classification is about.
    public var midpoint: Double
    /// Rounds measured.
    public var runs: Int

    public init(classification: BisectClassification, ratio: BisectRatio, midpoint: Double, runs: Int) {
        self.classification = classification
        self.ratio = ratio
        self.midpoint = midpoint
        self.runs = runs
    }
}
