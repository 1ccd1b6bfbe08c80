/// Numbers written as text by a tool (CSV cells, Go's `ns/op` values): plain decimals only.
enum DecimalText {
    /// The value of `text` when it is a plain decimal number (`12`, `-0.5`, `1.5e-3`, `3.`):
    /// an optional sign, digits with an optional fraction, an optional exponent. Hexadecimal,
    /// `nan`, `inf` and surrounding spaces are not numbers here. The conversion is correctly
    /// rounded; a value beyond the range of a double is infinite.
    static func number(_ text: String) -> Double? {
        var digits = 0
        var state = 0  // 0 sign, 1 integer, 2 fraction, 3 exponent sign, 4 exponent digits
        var exponentDigits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard state == 0 || state == 3 else { return nil }
                state += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if state == 0 { state = 1 }
                if state == 3 { state = 4 }
                if state == 4 { exponentDigits += 1 } else { digits += 1 }
            case UInt8(ascii: "."):
                guard state <= 1 else { return nil }
                state = 2
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard (state == 1 || state == 2) && digits > 0 else { return nil }
                state = 3
            default:
                return nil
            }
        }
        guard digits > 0, state != 3, !(state == 4 && exponentDigits == 0) else { return nil }
        return Double(text) ?? .infinity
    }

    /// `text` as a time: a plain decimal, finite and greater than zero.
    /// - Parameter what: the column or field, for the message.
    static func time(_ text: String, what: String,
                     fail: (ResultsError.Problem, String) -> ResultsError) throws(ResultsError) -> Double {
        guard let value = number(text) else {
            throw fail(.wrongType, "\(what) \(JSONStringEscaper.quoted(text)) is not a number")
        }
        guard value.isFinite else {
            throw fail(.nonFinite, "\(what) \(text) is beyond the range of a double")
        }
        guard value > 0 else {
            throw fail(.nonPositive, "\(what) \(text) is not positive (times must be greater than zero)")
        }
        return value
    }
}
