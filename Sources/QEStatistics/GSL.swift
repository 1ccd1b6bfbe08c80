internal import CGSL

/// The one place where QEStatistics talks to GSL.
///
/// GSL's default error handler calls `abort()`, even from the `_e` functions that return
/// a status, so it is switched off exactly once, before the first call. With the handler off
/// GSL answers bad input with silent garbage (the mean of an empty array is 0, a distribution
/// function with a bad parameter is NaN): every caller checks its input in Swift first.
enum GSL {
    /// Switching the handler off is done by the initialiser of a global, which Swift runs
    /// lazily and exactly once, on whichever thread gets there first.
    private static let handlerOff: Bool = {
        _ = gsl_set_error_handler_off()
        return true
    }()

    /// Call before any GSL function.
    @inline(__always)
    static func ready() {
        _ = handlerOff
    }

    // MARK: Normal distribution

    static func normalP(_ z: Double) -> Double { ready(); return gsl_cdf_ugaussian_P(z) }
    static func normalQ(_ z: Double) -> Double { ready(); return gsl_cdf_ugaussian_Q(z) }
    static func normalPinv(_ p: Double) -> Double { ready(); return gsl_cdf_ugaussian_Pinv(p) }
    static func normalQinv(_ p: Double) -> Double { ready(); return gsl_cdf_ugaussian_Qinv(p) }

    // MARK: Student t

    static func tP(_ t: Double, df: Double) -> Double { ready(); return gsl_cdf_tdist_P(t, df) }
    static func tQ(_ t: Double, df: Double) -> Double { ready(); return gsl_cdf_tdist_Q(t, df) }
    static func tPinv(_ p: Double, df: Double) -> Double { ready(); return gsl_cdf_tdist_Pinv(p, df) }
    static func tQinv(_ p: Double, df: Double) -> Double { ready(); return gsl_cdf_tdist_Qinv(p, df) }

    // MARK: Chi-squared

    static func chiSquaredQ(_ x: Double, df: Double) -> Double { ready(); return gsl_cdf_chisq_Q(x, df) }

    // MARK: Binomial

    static func binomialP(_ k: UInt32, p: Double, n: UInt32) -> Double {
        ready(); return gsl_cdf_binomial_P(k, p, n)
    }
}
