/// How messages show a number that is not a finite double.
enum NonFiniteDescription {
    /// `NaN`, `Infinity` or `-Infinity`: the token for a value that has no literal in the text.
    static func token(for value: Double) -> String {
        if value.isNaN { return "NaN" }
        return value < 0 ? "-Infinity" : "Infinity"
    }

    /// The literal as written, with a note when it is a number too large for a double:
    /// `NaN`, `1e400 (beyond the range of a double)`.
    static func describe(literal: String) -> String {
        // A token (NaN, -Infinity, inf) has no digits; an overflowing number always has some.
        let isToken = !literal.unicodeScalars.contains { ("0"..."9").contains($0) }
        return isToken ? literal : "\(literal) (beyond the range of a double)"
    }
}
