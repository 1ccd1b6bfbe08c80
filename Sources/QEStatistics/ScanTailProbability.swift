import Foundation

/// The tail probability of the largest standardised two-sample statistic of a scan for one
/// change in mean: P(max over the allowed splits of |Zₖ| ≥ b) for independent normal values.
///
/// Zₖ compares the (weighted) mean of the values after split k with that of the values before,
/// standardised by its known standard error; the splits are described by their information
/// times tₖ (the share of the span's weight before split k) and the information step Δtₖ between
/// neighbouring splits (1/m for m equally weighted values).
///
/// Method: the approximation of Siegmund (1988, "Confidence sets in change-point problems",
/// *International Statistical Review* 56, 31–48; James, James & Siegmund 1987, *Biometrika* 74,
/// 71–83) for a discrete scan,
///
///     P ≈ b φ(b) Σₖ ν(b √(Δtₖ / (tₖ(1 − tₖ)))) · Δtₖ / (tₖ(1 − tₖ)),
///
/// where ν is Siegmund's overshoot correction, for which the closed form
/// ν(x) ≈ (2/x)(Φ(x/2) − ½) / ((x/2)Φ(x/2) + φ(x/2)) (Siegmund & Yakir 2007) is used. It is the
/// continuous formula b φ(b) ∫ dt / (t(1 − t)) of a standardised Brownian bridge with a
/// correction for the discrete steps, which matters most at the ends of a span, where few values
/// stand on one side. Checked against a simulation of 200,000 scans per case
/// (`scripts/reference/scan_tail.py`): within 10% of the simulated probability between 10⁻⁴ and
/// 0.05 for spans of 6 to 2,000 values. It is a tail approximation: above about 0.2 it
/// overstates the probability (and is capped at 1), which no decision here depends on, and it is
/// never below 2(1 − Φ(b)), the chance that one given split exceeds b (so small thresholds give
/// probabilities near 1, not near 0).
public enum ScanTailProbability {
    /// Siegmund's overshoot correction ν(x) for a Gaussian random walk (ν(0) = 1).
    /// - Complexity: O(1).
    public static func overshootCorrection(_ x: Double) -> Double {
        guard x > 1e-8 else { return 1 }
        let half = x / 2
        let cdf = GSL.normalP(half)
        let density = exp(-half * half / 2) / (2 * Double.pi).squareRoot()
        return (2 / x) * (cdf - 0.5) / (half * cdf + density)
    }

    /// P(max |Zₖ| ≥ `threshold`) over the splits with information times `times` and steps
    /// `steps` (the same count; every time strictly between 0 and 1), capped at 1.
    /// - Complexity: O(k) for k splits.
    public static func probability(exceeding threshold: Double, times: [Double], steps: [Double]) -> Double {
        precondition(times.count == steps.count, "one step per information time")
        guard threshold.isFinite else { return threshold > 0 ? 0 : 1 }
        guard threshold > 0, !times.isEmpty else { return 1 }
        var sum = 0.0
        for index in times.indices {
            let t = times[index]
            let spread = t * (1 - t)
            guard spread > 0 else { continue }
            let rate = steps[index] / spread
            sum += overshootCorrection(threshold * rate.squareRoot()) * rate
        }
        let density = exp(-threshold * threshold / 2) / (2 * Double.pi).squareRoot()
        // The maximum is at least as likely as any one |Zₖ| to exceed the threshold; this bound
        // takes over where the tail approximation (which vanishes as b → 0) no longer holds.
        let single = 2 * GSL.normalQ(threshold)
        return min(1, max(threshold * density * sum, single))
    }

    /// The same for equally weighted values: a span of `count` values whose splits leave at
    /// least `minimumBefore` values before and `minimumAfter` after.
    /// - Complexity: O(count).
    public static func probability(exceeding threshold: Double, count: Int, minimumBefore: Int, minimumAfter: Int) -> Double {
        guard count >= minimumBefore + minimumAfter, minimumBefore >= 1, minimumAfter >= 1 else { return 1 }
        let m = Double(count)
        let splits = Array(minimumBefore...(count - minimumAfter))
        return probability(
            exceeding: threshold, times: splits.map { Double($0) / m },
            steps: Array(repeating: 1 / m, count: splits.count))
    }
}
