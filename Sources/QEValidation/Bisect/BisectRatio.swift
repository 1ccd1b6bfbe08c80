/// A time ratio (above 1: slower) with its interval: `{estimate, low, high}` in the
/// `qe-validate/bisect@1` document.
public struct BisectRatio: Sendable, Codable, Equatable {
    public var estimate: Double
    public var low: Double
    public var high: Double

    public init(estimate: Double, low: Double, high: Double) {
        self.estimate = estimate
        self.low = low
        self.high = high
    }
}
