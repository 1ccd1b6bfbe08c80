/// How far a float32 attention output may be from exact attention of the same float inputs: the
/// bound the correctness tests enforce against a double-precision reference, and (doubled) the
/// bound `AttentionAgreement` applies between two kernels before they are timed.
///
/// For inputs Q, K, V the bound on every output element is
///
///     |o − o_exact| ≤ max|V| · (relativeError + logitError · Λ),
///     Λ = maxᵢ‖qᵢ‖ · maxⱼ‖kⱼ‖ / √dim,
///
/// where ‖·‖ is the Euclidean norm of a row. Why this form: every output is a convex combination
/// of rows of V, so errors scale with max|V|. Λ bounds every logit |qᵢ·kⱼ|/√dim (Cauchy–Schwarz);
/// a logit computed in float carries an absolute error proportional to its size, and moving the
/// logits by at most δ moves the softmax weights by at most 2δ in total (ℓ₁), hence the output by
/// at most 2δ·max|V|. The constant part covers the exponential (`VectorExp2`, 2·10⁻⁷ relative),
/// the sums of the softmax and the accumulation of P·V.
///
/// Measured against a double-precision reference (the tests' shapes): errors of at most
/// 1.3·10⁻⁷·max|V| (≤ 6% of the bound) for the catalogue and other inputs in [−1, 1), and at most
/// 18% of the bound with Q scaled by 10 to 10⁴. The bound is ≈ 3·10⁻⁶·max|V| on the catalogue, so a
/// real mistake — a missing key, a wrong scale, a lost rescale, a tile edge read twice — shows as
/// an error hundreds of times the bound. Large logits (Q scaled by 10³ or 10⁴) make Λ large and
/// the bound loose in absolute terms; that is honest: float32 logits of size 10⁵ are only known to
/// a few hundredths, and the softmax is nearly one-hot there anyway.
public enum AttentionTolerance {
    /// The constant part of the bound, relative to max|V|: 10⁻⁶.
    public static let relativeError: Float = 1e-6
    /// The part proportional to the logit bound Λ, relative to max|V|: 2⁻²² ≈ 2.4·10⁻⁷
    /// (four units of float32 rounding).
    public static let logitError: Float = 0x1p-22

    /// The bound on |o − o_exact| for every output element of attention on `inputs`.
    /// - Complexity: O(seqLen·dim).
    public static func maximumAbsoluteError(for inputs: AttentionInputs) -> Float {
        let d = inputs.dim
        func largestRowNorm(_ values: [Float]) -> Double {
            var largest = 0.0
            for row in 0..<inputs.seqLen {
                var sum = 0.0
                for c in 0..<d {
                    let x = Double(values[row * d + c])
                    sum += x * x
                }
                largest = max(largest, sum)
            }
            return largest.squareRoot()
        }
        let logitBound = largestRowNorm(inputs.query) * largestRowNorm(inputs.key) / Double(d).squareRoot()
        let largestValue = inputs.value.reduce(0) { max($0, Double(abs($1))) }
        return Float(largestValue * (Double(relativeError) + Double(logitError) * logitBound))
    }
}
