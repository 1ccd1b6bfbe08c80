/// The weighted least-squares line y ≈ a + b·x with a ≥ 0 and b ≥ 0: the inner problem of the
/// power-law fit once the exponent is fixed (x = nᵏ).
///
/// Method: the unconstrained weighted fit (centred sums), and when it breaks a constraint, the
/// best of the fits on the faces a = 0 and b = 0 (the problem is a convex quadratic in two
/// variables, so its constrained minimum is the interior one or lies on a face).
struct NonNegativeLineFit: Sendable, Equatable {
    var intercept: Double
    var slope: Double
    /// Σ wᵢ (yᵢ − a − b·xᵢ)².
    var residualSumOfSquares: Double

    /// - Precondition: the three arrays have one element per point, weights positive.
    /// - Complexity: O(points).
    init(x: [Double], y: [Double], weights: [Double]) {
        var sw = 0.0, swx = 0.0, swy = 0.0
        for index in x.indices {
            sw += weights[index]
            swx += weights[index] * x[index]
            swy += weights[index] * y[index]
        }
        let meanX = swx / sw
        let meanY = swy / sw
        var sxx = 0.0, sxy = 0.0, swxx = 0.0, swxy = 0.0
        for index in x.indices {
            let dx = x[index] - meanX
            sxx += weights[index] * dx * dx
            sxy += weights[index] * dx * (y[index] - meanY)
            swxx += weights[index] * x[index] * x[index]
            swxy += weights[index] * x[index] * y[index]
        }
        var candidates: [(Double, Double)] = [(meanY, 0)]
        if swxx > 0 { candidates.append((0, max(0, swxy / swxx))) }
        // x nearly constant (exponent near 0): a and b are not separately identified, and the
        // flat fit (b = 0) is the answer.
        if sxx > 1e-12 * swxx {
            let slope = sxy / sxx
            let intercept = meanY - slope * meanX
            if slope >= 0, intercept >= 0 { candidates.append((intercept, slope)) }
        }
        var best = (intercept: meanY, slope: 0.0, rss: Double.infinity)
        for (a, b) in candidates {
            var rss = 0.0
            for index in x.indices {
                let residual = y[index] - a - b * x[index]
                rss += weights[index] * residual * residual
            }
            if rss < best.rss { best = (a, b, rss) }
        }
        intercept = best.intercept
        slope = best.slope
        residualSumOfSquares = best.rss
    }
}
