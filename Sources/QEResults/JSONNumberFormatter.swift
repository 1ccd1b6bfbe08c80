/// Writes doubles as JSON numbers that read back as the same double.
///
/// Whole numbers of magnitude below 2⁵³ are written as integers (`13367000`, not
/// `13367000.0`); everything else uses Swift's `description`, which is the shortest decimal
/// that round-trips (`1.2345678901234567e-05`, `1e+300`), and is valid JSON for finite values.
enum JSONNumberFormatter {
    /// The JSON text of finite `value`. Non-finite values have no JSON form; callers validate
    /// first (the text would be `nan`/`inf`, which no strict reader accepts).
    static func string(for value: Double) -> String {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the JSON text of finite `value` to `bytes`.
    static func append(_ value: Double, to bytes: inout [UInt8]) {
        if value.magnitude < 9_007_199_254_740_992, value == value.rounded(.towardZero),
            !(value == 0 && value.sign == .minus)
        {
            appendInteger(Int64(value), to: &bytes)
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
    }

    private static func appendInteger(_ value: Int64, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        // Digits least significant first, then reversed in place: no temporary string.
        let start = bytes.count
        var magnitude = value.magnitude
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }
}
