/// The settings of `history detect`.
public struct ChangeOptions: Sendable, Equatable, Codable {
    /// The default `--max-p`.
    public static let defaultMaxP = 0.001

    /// The largest search-adjusted p-value a change point may have (`--max-p`): the chance that
    /// noise alone would make some split of the span between the neighbouring change points look
    /// at least as strong.
    public var maxP: Double
    /// The smallest |ratio − 1| a change point may have (`--min-change`; 0.05 for 5%).
    public var minChange: Double
    /// The confidence of each change's interval.
    public var confidence: Double

    public init(maxP: Double = ChangeOptions.defaultMaxP, minChange: Double = 0, confidence: Double = 0.95) {
        self.maxP = maxP
        self.minChange = minChange
        self.confidence = confidence
    }
}
