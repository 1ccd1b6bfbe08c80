internal import QEKernelsAVX512

/// 2^x for eight floats at once, the exponential of both softmax passes.
///
/// Method (range reduction): x is clamped to [−127, 127]; n = round(x),
/// f = x − n ∈ [−½, ½], 2^f by the degree-7 Taylor polynomial of e^(f·ln 2) in Horner form
/// (seven FMAs), and 2^n by writing n + 127 into the exponent bits. Rounding uses the
/// 1.5·2²³ "magic number" addition, so everything stays in vector registers.
///
/// Accuracy: the polynomial's truncation error on [−½, ½] is below 6·10⁻⁹ relative; rounding in
/// the float Horner steps and the final product adds about half an ulp. The largest relative error
/// measured on 200,000 points of [−126, 127] is 7·10⁻⁸; `maximumRelativeError` (2·10⁻⁷) bounds
/// it for every x in [−126, 127] and is checked against `Foundation.exp2` in double precision by
/// the tests.
/// Softmax only needs x ≤ 0 (scores minus their row maximum). Arguments below −126.5 give exactly
/// 0 where 2^x would be subnormal (< 2⁻¹²⁶ ≈ 1.2·10⁻³⁸, an absolute error no softmax can see),
/// and −∞ gives 0. Arguments above 0 are accepted up to 127 with the same relative error.
///
/// - Complexity: about 14 vector instructions per 8 values.
public enum VectorExp2 {
    /// Bound on |approx − 2^x| / 2^x for x in [−126, 127], enforced by the tests.
    public static let maximumRelativeError: Float = 2e-7

    /// Taylor coefficients (ln 2)^k / k!, k = 0…7.
    private static let c1: Float = 0.693_147_180_56
    private static let c2: Float = 0.240_226_506_96
    private static let c3: Float = 0.055_504_108_66
    private static let c4: Float = 0.009_618_129_11
    private static let c5: Float = 0.001_333_355_81
    private static let c6: Float = 0.000_154_035_30
    private static let c7: Float = 0.000_015_252_73

    /// 2^x lane by lane; see the type's documentation for range and accuracy.
    @inline(__always)
    public static func evaluate(_ x: SIMD8<Float>) -> SIMD8<Float> {
        // 1.5·2²³: adding it rounds to the nearest integer and leaves that integer in the low
        // mantissa bits.
        let magic = SIMD8<Float>(repeating: 12_582_912)
        let clamped = x.lanewiseMaximum(SIMD8(repeating: -127)).lanewiseMinimum(SIMD8(repeating: 127))
        let shifted = clamped + magic
        let n = shifted - magic
        let f = clamped - n
        var p = SIMD8<Float>(repeating: c6).addingProduct(SIMD8(repeating: c7), f)
        p = SIMD8<Float>(repeating: c5).addingProduct(p, f)
        p = SIMD8<Float>(repeating: c4).addingProduct(p, f)
        p = SIMD8<Float>(repeating: c3).addingProduct(p, f)
        p = SIMD8<Float>(repeating: c2).addingProduct(p, f)
        p = SIMD8<Float>(repeating: c1).addingProduct(p, f)
        p = SIMD8<Float>(repeating: 1).addingProduct(p, f)
        // n + 127 in the exponent field; n = −127 gives the bit pattern of +0.
        // (Same-size reinterpretations of one register: vector bit casts, no conversion.)
        let integer = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- 0x4B40_0000
        let exponent = (integer &+ 127) &<< 23
        return p * unsafeBitCast(exponent, to: SIMD8<Float>.self)
    }

    /// 2^x in place for every value of `values`, by `isa`'s implementation (the AVX-512 path has
    /// its own copy of this method, on sixteen lanes); for checking both against the same bound.
    /// `isa` must be supported.
    /// - Complexity: O(values.count).
    public static func evaluate(_ values: UnsafeMutableBufferPointer<Float>, isa: KernelISA) {
        precondition(isa.isSupported, "this CPU does not support \(isa)")
        guard let base = values.baseAddress else { return }
        switch isa {
        case .avx2:
            let raw = UnsafeMutableRawPointer(base)
            var j = 0
            while j + 8 <= values.count {
                raw.storeBytes(of: evaluate(raw.loadUnaligned(fromByteOffset: j * 4, as: SIMD8<Float>.self)),
                               toByteOffset: j * 4, as: SIMD8<Float>.self)
                j += 8
            }
            while j < values.count {
                base[j] = evaluate(base[j])
                j += 1
            }
        case .avx512:
            AVX512Attention.exp2(base, count: values.count)
        }
    }

    /// 2^x for one value, by the same method (used once per row and tile).
    @inline(__always)
    public static func evaluate(_ x: Float) -> Float {
        evaluate(SIMD8<Float>(repeating: x))[0]
    }
}
