/// Whether two attention outputs agree: the largest absolute difference, relative to the
/// largest |V| (each output row is a convex combination of V's rows, so that is its scale).
public enum AttentionAgreement {
    /// The bound two correct float32 kernels stay within (relative to max |V|).
    public static let relativeBound: Float = 2e-4

    /// The largest |a[i] − b[i]| and whether it is within `relativeBound · max |V|`.
    public static func check(
        _ a: UnsafeBufferPointer<Float>, _ b: UnsafeBufferPointer<Float>, value: [Float]
    ) -> (maxError: Float, bound: Float, withinBound: Bool) {
        var scale: Float = 0
        for v in value { scale = max(scale, abs(v)) }
        var worst: Float = 0
        for index in 0..<min(a.count, b.count) {
            let difference = abs(a[index] - b[index])
            // NaN never agrees.
            if !(difference <= worst) { worst = difference.isNaN ? .infinity : difference }
        }
        let bound = relativeBound * max(scale, .leastNormalMagnitude)
        return (worst, bound, worst <= bound)
    }
}
