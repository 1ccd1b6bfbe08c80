import Foundation

/// Whether one growth class, with its lower-order terms (``ComplexityClass/terms(at:)``),
/// describes measured costs: its model must fit as well as the free power law a + b·nᵏ, and
/// its leading coefficient must be confidently positive (so n³ does not pass on n² data by
/// setting its n³ term to zero).
///
/// Method: the class's model is linear in its coefficients and is fitted by the same relative
/// least squares as ``PowerLawFit`` (every run's value weighted by 1/mᵢ², runs as the units),
/// through modified Gram–Schmidt on the weighted terms with the leading term last, so the
/// leading coefficient and its variance σ²/‖r‖² (r: the leading term's part not explained by the
/// others) come out directly (Björck, "Numerical Methods for Least Squares Problems", §2.4).
/// - Fit: F = ((RSS_class − RSS_free)/q) / (RSS_free/(N − 3)), q = max(1, 3 − p) for a class
///   with p coefficients; the class fails when P(F(q, N − 3) ≥ F) < 1 − confidence. The two
///   models are not nested for p ≥ 3, so this is a lack-of-fit comparison in the F form rather
///   than an exact F test; a class that fits better than the free curve passes.
/// - Leading coefficient: b − t(N − p)·se(b) > 0 at the two-sided `confidence`, with
///   σ² = RSS_class/(N − p). ``ComplexityClass/constant`` has no growing term and needs only the fit.
/// Residual sums below 10⁻¹⁸ of the total weighted sum of squares count as that floor, so
/// costs a class describes exactly (memory figures) do not divide rounding by rounding.
/// Needs N − 3 ≥ 2 and s ≥ p + 1 sizes (with s = p the class's curve passes through every
/// size's mean and "fits as well" says nothing); otherwise the class is not tested (not
/// compatible).
/// - Complexity: O(s·p²) for s sizes.
struct ComplexityClassTest {
    let compatible: Bool

    init(_ candidate: ComplexityClass, design: ScalingDesign, free: PowerLawFit, confidence: Double) {
        let n = design.observations
        let p = candidate.termCount
        guard n - 3 >= 2, design.means.count >= p + 1 else {
            compatible = false
            return
        }
        // Weighted least squares on the means with weights (runs)/mᵢ²: the within-size part of
        // the residual sum is the same for every model and is added back.
        let roots = design.weights.map { $0.squareRoot() }
        var columns = (0..<p).map { term in
            design.logRelativeSizes.indices.map { index in
                roots[index] * candidate.terms(at: Foundation.exp(design.logRelativeSizes[index]))[term]
            }
        }
        var residual = design.means.indices.map { roots[$0] * design.means[$0] }
        let total = residual.reduce(0) { $0 + $1 * $1 } + design.withinSumOfSquares
        let floor = 1e-18 * total
        var leading = 0.0
        var leadingNorm = 0.0
        for term in 0..<p {
            for earlier in 0..<term {
                let projection = Self.dot(columns[earlier], columns[term])
                for index in columns[term].indices { columns[term][index] -= projection * columns[earlier][index] }
            }
            let norm = Self.dot(columns[term], columns[term]).squareRoot()
            guard norm > 0 else {
                compatible = false
                return
            }
            for index in columns[term].indices { columns[term][index] /= norm }
            let coordinate = Self.dot(columns[term], residual)
            for index in residual.indices { residual[index] -= coordinate * columns[term][index] }
            if term == p - 1 {
                // The leading coefficient: its orthogonal part's coordinate over that part's norm.
                leading = coordinate / norm
                leadingNorm = norm
            }
        }
        let classSum = max(floor, design.withinSumOfSquares + residual.reduce(0) { $0 + $1 * $1 })
        let freeSum = max(floor, free.weightedResidualSumOfSquares)
        let alpha = 1 - confidence
        let excess = classSum - freeSum
        if excess > floor {
            let q = Double(max(1, 3 - p))
            let statistic = (excess / q) / (freeSum / Double(n - 3))
            if GSL.fQ(statistic, df1: q, df2: Double(n - 3)) < alpha {
                compatible = false
                return
            }
        }
        guard candidate != .constant else {
            compatible = true
            return
        }
        let standardError = (classSum / Double(n - p)).squareRoot() / leadingNorm
        let quantile = Probability.studentTQuantile(1 - alpha / 2, degreesOfFreedom: Double(n - p))
        compatible = leading - quantile * standardError > 0
    }

    private static func dot(_ x: [Double], _ y: [Double]) -> Double {
        var sum = 0.0
        for index in x.indices { sum += x[index] * y[index] }
        return sum
    }
}
