import Foundation

/// Plain numbers for people: fixed decimals, trailing zeros removed, short forms. Every
/// function is locale-free (`String(format:)` with the C locale's point), so the same value
/// gives the same bytes on every machine.
public enum NumberText {
    /// `text` without the trailing zeros of its fraction, and without the point when nothing
    /// follows it: "2.500" → "2.5", "3.000" → "3", "120" → "120". Text with an exponent is kept.
    public static func trimmed(_ text: String) -> String {
        guard text.contains("."), !text.contains("e") else { return text }
        var result = text
        while result.hasSuffix("0") { result.removeLast() }
        if result.hasSuffix(".") { result.removeLast() }
        return result
    }

    /// `value` with exactly `decimals` decimals (C's `%.Nf`).
    public static func fixed(_ value: Double, decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }

    /// Six significant digits without trailing zeros: 2.49, 3, 0.5, 1e-07; "∞", "-∞", "NaN".
    public static func plain(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "-∞") }
        return trimmed(String(format: "%.6g", value))
    }

    /// A test statistic or cut-off: no decimals from 100 up, two below; "∞".
    public static func short(_ value: Double) -> String {
        guard value.isFinite else { return "∞" }
        return fixed(value, decimals: value >= 100 ? 0 : 2)
    }

    /// A whole number with thousands separated by commas, other numbers as ``plain(_:)``:
    /// 1000000 → "1,000,000", 0.5 → "0.5".
    public static func grouped(_ value: Double) -> String {
        guard value.isFinite, value == value.rounded(), abs(value) < 1e15 else { return plain(value) }
        let digits = String(Int(abs(value)))
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "-" : "") + groups.joined(separator: ",")
    }
}
