/// Exact conversion of a decimal `significand × 10^exponent` to the nearest double (ties to
/// even), for the common shapes of timing data, without `strtod`.
///
/// - Clinger's fast path (W. D. Clinger, "How to read floating point numbers accurately",
///   PLDI 1990): when the significand is at most 2⁵³ and |exponent| ≤ 22, both operands of
///   `significand × 10^e` or `significand / 10^-e` are exact doubles, so the one IEEE rounding
///   is the correct one.
/// - Otherwise, when |exponent| ≤ 27 (so 5^|exponent| fits in 64 bits): 10^e = 5^e · 2^e, and
///   the product `significand · 5^e` (128 bits) or the quotient `significand · 2^s / 5^e`
///   (64 bits plus a remainder) is computed exactly in integers and rounded once. This covers
///   the 17-digit shortest round-trip forms that Python and Swift print, e.g.
///   `1.2345678901234567e-05` = 12345678901234567 × 10⁻²¹.
///
/// Returns nil for anything else; the caller then uses `strtod`.
enum DecimalConversion {
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// 5⁰ … 5²⁷, the powers of five that fit in 64 bits.
    private static let powersOfFive: [UInt64] = {
        var powers: [UInt64] = [1]
        for _ in 1...27 { powers.append(powers[powers.count - 1] * 5) }
        return powers
    }()

    /// The double nearest to `significand × 10^exponent` (positive), or nil when this method
    /// does not handle the case.
    static func double(significand: UInt64, exponent: Int) -> Double? {
        if significand == 0 { return 0 }
        if significand <= 1 << 53 && exponent >= -22 && exponent <= 22 {
            let value = Double(significand)
            if exponent < 0 { return value / powersOfTen[-exponent] }
            return exponent == 0 ? value : value * powersOfTen[exponent]
        }
        if exponent >= 0 && exponent <= 27 {
            let product = significand.multipliedFullWidth(by: powersOfFive[exponent])
            return rounded(high: product.high, low: product.low, inexact: false, scale: exponent)
        }
        if exponent < 0 && exponent >= -27 {
            let divisor = powersOfFive[-exponent]
            // Shift so that the quotient has 62 to 64 bits (and the division cannot overflow):
            // with bit lengths bm and bd, N = m·2^s < 2^(63+bd) ≤ d·2^64, and N/d ≥ 2^62 - 1.
            let significandBits = 64 - significand.leadingZeroBitCount
            let divisorBits = 64 - divisor.leadingZeroBitCount
            let shift = 63 + divisorBits - significandBits
            let high: UInt64
            let low: UInt64
            if shift >= 64 {
                high = significand << (shift - 64)
                low = 0
            } else {
                high = significand >> (64 - shift)
                low = significand << shift
            }
            let (quotient, remainder) = divisor.dividingFullWidth((high: high, low: low))
            return rounded(high: 0, low: quotient, inexact: remainder != 0, scale: exponent - shift)
        }
        return nil
    }

    /// The double nearest to `(high·2⁶⁴ + low + ε) · 2^scale`, ties to even, where 0 ≤ ε < 1
    /// and `inexact` says whether ε > 0. The result must be a normal double (true here: every
    /// caller's value lies between 10⁻²⁷ and 2⁶⁴·5²⁷·2²⁷).
    private static func rounded(high: UInt64, low: UInt64, inexact: Bool, scale: Int) -> Double {
        // Normalise to a 64-bit word whose top bit is set, plus a sticky bit for what is below.
        var top: UInt64
        var sticky = inexact
        var exponent: Int
        if high == 0 {
            if low == 0 { return 0 }
            let zeros = low.leadingZeroBitCount
            top = low << zeros
            exponent = scale - zeros  // value ≈ top · 2^exponent
        } else {
            let zeros = high.leadingZeroBitCount
            top = zeros == 0 ? high : (high << zeros) | (low >> (64 - zeros))
            sticky = sticky || (zeros == 0 ? low : low << zeros) != 0
            exponent = scale + 64 - zeros  // value ≈ top · 2^exponent
        }
        // Keep the top 53 bits, rounding on the 11 below them and the sticky bit.
        var mantissa = top >> 11
        let rest = top & 0x7FF
        let half: UInt64 = 0x400
        if rest > half || (rest == half && (sticky || mantissa & 1 == 1)) {
            mantissa += 1
        }
        exponent += 11  // value ≈ mantissa · 2^exponent
        if mantissa == 1 << 53 {
            mantissa >>= 1
            exponent += 1
        }
        return Double(sign: .plus, exponent: exponent, significand: Double(mantissa))
    }
}
