/// Footnote marks for text tables: ¹, ², ..., ¹⁰.
public enum FootnoteMarks {
    /// `number` in superscript digits.
    public static func mark(_ number: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return String(String(number).compactMap { $0.wholeNumberValue.map { digits[$0] } })
    }
}
