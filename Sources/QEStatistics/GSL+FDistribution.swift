internal import CGSL

/// The F distribution, wrapped once. Callers check that the degrees of freedom are positive.
extension GSL {
    /// P(F ≥ x) for F with `df1` and `df2` degrees of freedom (R: `pf(x, df1, df2, lower.tail = FALSE)`).
    static func fQ(_ x: Double, df1: Double, df2: Double) -> Double {
        ready()
        return gsl_cdf_fdist_Q(x, df1, df2)
    }
}
