/// The verdict of the gate for one benchmark, from its time-ratio interval [L, U] (candidate ÷
/// baseline time) and its threshold t (DESIGN §4).
public enum GateVerdict: String, Sendable, Codable, CaseIterable {
    /// L > 1 + t: confidently slower than the baseline by more than the threshold.
    case regression
    /// U ≤ 1 + t: confidently not slower by more than the threshold.
    case pass
    /// L ≤ 1 + t < U: the data cannot tell; `--on-inconclusive` decides.
    case inconclusive
    /// U < 1 − t: confidently faster by more than the threshold (passes, and is reported).
    case improvement

    /// The verdict for the interval [`low`, `high`] of the time ratio against `threshold`
    /// (0.05 for 5%).
    public init(timeRatioLow low: Double, high: Double, threshold: Double) {
        if low > 1 + threshold {
            self = .regression
        } else if high <= 1 + threshold {
            self = high < 1 - threshold ? .improvement : .pass
        } else {
            self = .inconclusive
        }
    }
}
