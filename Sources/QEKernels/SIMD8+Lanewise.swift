/// Lane-wise minimum and maximum that compile to single `vminps`/`vmaxps` instructions.
///
/// Why not the standard library's `pointwiseMin`/`pointwiseMax` or `clamped`: in Swift 6.3 they
/// are generic and are not inlined here, so each call became a function call and a scalar loop
/// (measured: the softmax pass ran at about 6 cycles per score instead of under one).
/// `replacing(with:where:)` with a lane comparison is recognised as a vector min/max.
extension SIMD8 where Scalar == Float {
    /// The larger of each pair of lanes.
    @inline(__always)
    func lanewiseMaximum(_ other: SIMD8<Float>) -> SIMD8<Float> {
        replacing(with: other, where: self .< other)
    }

    /// The smaller of each pair of lanes.
    @inline(__always)
    func lanewiseMinimum(_ other: SIMD8<Float>) -> SIMD8<Float> {
        replacing(with: other, where: other .< self)
    }
}
