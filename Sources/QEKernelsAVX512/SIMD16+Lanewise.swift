/// Lane-wise minimum and maximum that compile to single `vminps`/`vmaxps` instructions (the
/// AVX-512 counterpart of QEKernels' `SIMD8+Lanewise.swift`, and for the same reason: the standard
/// library's `pointwiseMin`/`pointwiseMax` are generic and were not inlined).
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
