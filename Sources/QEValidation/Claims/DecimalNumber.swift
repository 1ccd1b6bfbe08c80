/// A number written in decimal, as claims are: digits with an optional fraction and an optional
/// exponent — `3`, `2.49`, `.5`, `1e3`, `2.5E-1`. Nothing else: no sign, no hexadecimal (`0x10`,
/// `0x1p1`, which Swift's `Double(String)` reads), no `inf` or `nan`, no digit groups.
enum DecimalNumber {
    /// The value of `text` when it is a decimal number as above; nil otherwise. The value may be
    /// zero, subnormal or infinite (`1e400`): callers check the range they accept.
    static func parse(_ text: Substring) -> Double? {
        var index = text.startIndex
        func digits() -> Int {
            var count = 0
            while index < text.endIndex, let ascii = text[index].asciiValue, ascii >= 0x30, ascii <= 0x39 {
                count += 1
                index = text.index(after: index)
            }
            return count
        }
        var significant = digits()
        if index < text.endIndex, text[index] == "." {
            index = text.index(after: index)
            significant += digits()
        }
        guard significant > 0 else { return nil }
        if index < text.endIndex, text[index] == "e" || text[index] == "E" {
            index = text.index(after: index)
            if index < text.endIndex, text[index] == "+" || text[index] == "-" { index = text.index(after: index) }
            guard digits() > 0 else { return nil }
        }
        guard index == text.endIndex else { return nil }
        return Double(String(text))
    }
}
