/// 2^x for sixteen floats at once: QEKernels' `VectorExp2` (same range reduction, same degree-7
/// polynomial, same constants, hence the same accuracy, 2·10⁻⁷ relative on [−126, 127]) on one
/// 512-bit register.
///
/// - Complexity: about 14 vector instructions per 16 values.
enum VectorExp2 {
    /// Taylor coefficients (ln 2)^k / k!, k = 1…7 (as in QEKernels' `VectorExp2`).
    private static let c1: Float = 0.693_147_180_56
    private static let c2: Float = 0.240_226_506_96
    private static let c3: Float = 0.055_504_108_66
    private static let c4: Float = 0.009_618_129_11
    private static let c5: Float = 0.001_333_355_81
    private static let c6: Float = 0.000_154_035_30
    private static let c7: Float = 0.000_015_252_73

    /// 2^x lane by lane.
    @inline(always)
    static func evaluate(_ x: SIMD16<Float>) -> SIMD16<Float> {
        // 1.5·2²³: adding it rounds to the nearest integer and leaves that integer in the low
        // mantissa bits.
        let magic = SIMD16<Float>(repeating: 12_582_912)
        let clamped = x.lanewiseMaximum(SIMD16(repeating: -127)).lanewiseMinimum(SIMD16(repeating: 127))
        let shifted = clamped + magic
        let n = shifted - magic
        let f = clamped - n
        var p = SIMD16<Float>(repeating: c6).addingProduct(SIMD16(repeating: c7), f)
        p = SIMD16<Float>(repeating: c5).addingProduct(p, f)
        p = SIMD16<Float>(repeating: c4).addingProduct(p, f)
        p = SIMD16<Float>(repeating: c3).addingProduct(p, f)
        p = SIMD16<Float>(repeating: c2).addingProduct(p, f)
        p = SIMD16<Float>(repeating: c1).addingProduct(p, f)
        p = SIMD16<Float>(repeating: 1).addingProduct(p, f)
        // n + 127 in the exponent field; n = −127 gives the bit pattern of +0.
        let integer = unsafeBitCast(shifted, to: SIMD16<Int32>.self) &- 0x4B40_0000
        let exponent = (integer &+ 127) &<< 23
        return p * unsafeBitCast(exponent, to: SIMD16<Float>.self)
    }

    /// 2^x for one value, by the same method (used once per row and tile).
    @inline(always)
    static func evaluate(_ x: Float) -> Float {
        evaluate(SIMD16<Float>(repeating: x))[0]
    }
}
