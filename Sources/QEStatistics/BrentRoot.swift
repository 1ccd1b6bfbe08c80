/// Brent's root finder exactly as R's `uniroot` runs it (`R_zeroin2` in R's `zeroin.c`):
/// the same steps, the same tolerance test, so that a step function such as the rank-sum
/// statistic lands on the same point R lands on.
///
/// Reference: R. P. Brent (1973), *Algorithms for Minimization without Derivatives*, ch. 4;
/// R's `src/library/stats/src/zeroin.c`.
enum BrentRoot {
    /// A root of `f` in [a, b], given f(a) = `fa` and f(b) = `fb` of opposite signs (or zero).
    /// - Parameters:
    ///   - tolerance: R's `tol` (absolute, on the argument).
    ///   - maxIterations: R's `maxiter` (1000 by default in `uniroot`).
    /// - Returns: the root, and whether it converged.
    static func find(
        in range: (a: Double, b: Double),
        fa: Double,
        fb: Double,
        tolerance: Double,
        maxIterations: Int = 1000,
        _ f: (Double) -> Double
    ) -> (root: Double, converged: Bool) {
        var a = range.a
        var b = range.b
        var fa = fa
        var fb = fb
        var c = a
        var fc = fa
        if fa == 0 { return (a, true) }
        if fb == 0 { return (b, true) }
        var remaining = maxIterations + 1
        while remaining > 0 {
            remaining -= 1
            let previousStep = b - a
            if abs(fc) < abs(fb) {
                a = b; b = c; c = a
                fa = fb; fb = fc; fc = fa
            }
            let tolerance = 2 * Double.ulpOfOne * abs(b) + tolerance / 2
            var newStep = (c - b) / 2
            if abs(newStep) <= tolerance || fb == 0 {
                return (b, true)
            }
            if abs(previousStep) >= tolerance && abs(fa) > abs(fb) {
                var p: Double
                var q: Double
                let cb = c - b
                if a == c {
                    let t1 = fb / fa
                    p = cb * t1
                    q = 1.0 - t1
                } else {
                    q = fa / fc
                    let t1 = fb / fc
                    let t2 = fb / fa
                    p = t2 * (cb * q * (q - t1) - (b - a) * (t1 - 1.0))
                    q = (q - 1.0) * (t1 - 1.0) * (t2 - 1.0)
                }
                if p > 0 { q = -q } else { p = -p }
                if p < (0.75 * cb * q - abs(tolerance * q) / 2) && p < abs(previousStep * q / 2) {
                    newStep = p / q
                }
            }
            if abs(newStep) < tolerance {
                newStep = newStep > 0 ? tolerance : -tolerance
            }
            a = b
            fa = fb
            b += newStep
            fb = f(b)
            if (fb > 0 && fc > 0) || (fb < 0 && fc < 0) {
                c = a
                fc = fa
            }
        }
        return (b, false)
    }
}
