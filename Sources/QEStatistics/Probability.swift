/// Distribution functions for callers outside this module, through the same checked GSL layer.
public enum Probability {
    /// The p-quantile of Student's t with `degreesOfFreedom` (R: `qt(p, df)`).
    /// `p` must be in (0, 1) and `degreesOfFreedom` positive; otherwise NaN.
    public static func studentTQuantile(_ p: Double, degreesOfFreedom: Double) -> Double {
        guard p > 0, p < 1, degreesOfFreedom > 0, degreesOfFreedom.isFinite else { return .nan }
        return GSL.tPinv(p, df: degreesOfFreedom)
    }
}
