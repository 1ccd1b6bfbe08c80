import Foundation

/// The asymptotic t intervals of a weighted least-squares power-law fit, for data with one value
/// per size (nothing to resample): k ± t(N − 3)·se(k), with se(k)² the k element of
/// σ²·(JᵀWJ)⁻¹, J the derivatives of a + b·nᵏ in (a, b, k) at the estimate and σ² the
/// weighted residual sum over N − 3 (R: `summary(nls(...))$coefficients`, then `qt`); and the
/// log-log slope ± t(N − 2)·se from the ordinary regression of ln y on ln n.
///
/// Bounds are ignored in the covariance (as R's `port` algorithm does). nil when there are
/// fewer than four values, or JᵀWJ is singular (b = 0: k does not change the curve).
struct ResidualTInterval {
    let exponentLow: Double
    let exponentHigh: Double
    let slopeLow: Double
    let slopeHigh: Double

    init?(design: ScalingDesign, curve: PowerLawFit, confidence: Double) {
        let n = design.observations
        guard n >= 4 else { return nil }
        // On the design's scaled axes: f = a + b·xᵏ with x = n/n₀; k's standard error does not
        // depend on the scaling.
        let scaledSlope = curve.coefficient / design.valueScale * Foundation.pow(design.referenceSize, curve.exponent)
        var information = [[Double]](repeating: [0, 0, 0], count: 3)
        var sumOfSquares = 0.0
        for (index, values) in design.values.enumerated() {
            let weight = design.weights[index] / Double(values.count)
            let power = Foundation.exp(curve.exponent * design.logRelativeSizes[index])
            let gradient = [1, power, scaledSlope * power * design.logRelativeSizes[index]]
            let fitted = curve.intercept / design.valueScale + scaledSlope * power
            for value in values {
                sumOfSquares += weight * (value - fitted) * (value - fitted)
                for row in 0..<3 {
                    for column in 0..<3 { information[row][column] += weight * gradient[row] * gradient[column] }
                }
            }
        }
        guard let exponentVariance = Self.inverseDiagonal(information, at: 2) else { return nil }
        let sigmaSquared = sumOfSquares / Double(n - 3)
        let exponentError = (sigmaSquared * exponentVariance).squareRoot()
        let exponentQuantile = Probability.studentTQuantile(1 - (1 - confidence) / 2, degreesOfFreedom: Double(n - 3))
        exponentLow = curve.exponent - exponentQuantile * exponentError
        exponentHigh = curve.exponent + exponentQuantile * exponentError

        var xs: [Double] = []
        var ys: [Double] = []
        for (index, values) in design.values.enumerated() {
            for value in values {
                xs.append(design.logRelativeSizes[index])
                ys.append(Foundation.log(value))
            }
        }
        let meanX = xs.reduce(0, +) / Double(n)
        let meanY = ys.reduce(0, +) / Double(n)
        var sxx = 0.0, sxy = 0.0
        for index in xs.indices {
            sxx += (xs[index] - meanX) * (xs[index] - meanX)
            sxy += (xs[index] - meanX) * (ys[index] - meanY)
        }
        let slope = sxy / sxx
        var residuals = 0.0
        for index in xs.indices {
            let residual = ys[index] - meanY - slope * (xs[index] - meanX)
            residuals += residual * residual
        }
        let slopeError = (residuals / Double(n - 2) / sxx).squareRoot()
        let slopeQuantile = Probability.studentTQuantile(1 - (1 - confidence) / 2, degreesOfFreedom: Double(n - 2))
        slopeLow = slope - slopeQuantile * slopeError
        slopeHigh = slope + slopeQuantile * slopeError
    }

    /// Element (i, i) of the inverse of the symmetric 3 × 3 matrix `m` (cofactor over
    /// determinant); nil when `m` is singular to working precision.
    static func inverseDiagonal(_ m: [[Double]], at i: Int) -> Double? {
        let determinant = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
            - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
            + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
        let others = (0..<3).filter { $0 != i }
        let cofactor = m[others[0]][others[0]] * m[others[1]][others[1]] - m[others[0]][others[1]] * m[others[1]][others[0]]
        let scale = m[0][0] * m[1][1] * m[2][2]
        guard determinant.isFinite, scale > 0, abs(determinant) > 1e-12 * scale else { return nil }
        let value = cofactor / determinant
        return value >= 0 ? value : nil
    }
}
