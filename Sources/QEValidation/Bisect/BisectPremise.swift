/// Whether bad is slower than good by more than the threshold: `premise` in the
/// `qe-validate/bisect@1` document.
public struct BisectPremise: Sendable, Codable, Equatable {
    /// bad ÷ good time, with its interval at the decision's interval confidence.
    public var ratio: BisectRatio
    /// The interval lies above 1 + threshold. False when it lies below (bad is not that much
    /// slower), or when neither could be said within the run limit.
    public var confirmed: Bool
    /// Rounds measured (each: good and bad once).
    public var runs: Int

    public init(ratio: BisectRatio, confirmed: Bool, runs: Int) {
        self.ratio = ratio
        self.confirmed = confirmed
        self.runs = runs
    }
}
