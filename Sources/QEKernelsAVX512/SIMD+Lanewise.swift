/// Lane-wise minimum and maximum that compile to single `vminps`/`vmaxps` instructions (the
/// AVX-512 counterpart of QEKernels' `SIMD8+Lanewise.swift`, and for the same reason: the standard
/// library's `pointwiseMin`/`pointwiseMax` are generic and were not inlined; here a generic call
/// would also be a specialisation other modules could share, see `AVX512Attention`).
extension SIMD16 where Scalar == Float {
    /// The larger of each pair of lanes.
    @inline(__always)
    func lanewiseMaximum(_ other: SIMD16<Float>) -> SIMD16<Float> {
        replacing(with: other, where: self .< other)
    }

    /// The smaller of each pair of lanes.
    @inline(__always)
    func lanewiseMinimum(_ other: SIMD16<Float>) -> SIMD16<Float> {
        replacing(with: other, where: other .< self)
    }
}

extension SIMD8 where Scalar == Float {
    /// The larger of each pair of lanes (for the last halving steps of a 16-lane reduction).
    @inline(__always)
    func lanewiseMaximum8(_ other: SIMD8<Float>) -> SIMD8<Float> {
        replacing(with: other, where: self .< other)
    }
}
