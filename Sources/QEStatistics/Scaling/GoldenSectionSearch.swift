/// The minimum of a function of one variable on an interval, by golden-section search (Kiefer
/// 1953; Press et al., "Numerical Recipes", §10.2).
///
/// Assumes the function is unimodal on the interval; callers bracket the minimum first (the
/// power-law fit scans a grid). Deterministic: the same function and interval give the same
/// answer on every machine.
enum GoldenSectionSearch {
    /// (3 − √5)/2: the fraction of the interval the inner points sit from its ends.
    private static let inner = 0.381_966_011_250_105_1

    /// The abscissa in [`lower`, `upper`] where `f` is least, to within `tolerance`.
    /// - Complexity: O(log((upper − lower)/tolerance)) evaluations of `f`.
    static func minimum(lower: Double, upper: Double, tolerance: Double, _ f: (Double) -> Double) -> Double {
        var a = lower
        var b = upper
        var x1 = a + inner * (b - a)
        var x2 = b - inner * (b - a)
        var f1 = f(x1)
        var f2 = f(x2)
        while b - a > tolerance {
            if f1 <= f2 {
                b = x2
                x2 = x1
                f2 = f1
                x1 = a + inner * (b - a)
                f1 = f(x1)
            } else {
                a = x1
                x1 = x2
                f1 = f2
                x2 = b - inner * (b - a)
                f2 = f(x2)
            }
        }
        return f1 <= f2 ? x1 : x2
    }
}
