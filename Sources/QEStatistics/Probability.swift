/// Distribution functions for callers outside this module, through the same checked GSL layer.
public enum Probability {
    /// The p-quantile of Student's t with `degreesOfFreedom` (R: `qt(p, df)`).
    /// `p` must be in (0, 1) and `degreesOfFreedom` positive; otherwise NaN.
    public static func studentTQuantile(_ p: Double, degreesOfFreedom: Double) -> Double {
        guard p > 0, p < 1, degreesOfFreedom > 0, degreesOfFreedom.isFinite else { return .nan }
        return GSL.tPinv(p, df: degreesOfFreedom)
    }

    /// The p-quantile of the standard normal distribution (R: `qnorm(p)`); NaN outside (0, 1).
    public static func normalQuantile(_ p: Double) -> Double {
        guard p > 0, p < 1 else { return .nan }
        return GSL.normalPinv(p)
    }
}
