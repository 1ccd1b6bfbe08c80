import Foundation

/// Writes ratios and p-values for people.
public enum RatioText {
    /// A speedup or time ratio with three significant digits and an `x`: 3.50x, 0.913x, 61.2x.
    public static func ratio(_ value: Double) -> String {
        guard value.isFinite else { return value > 0 ? "∞" : "0x" }
        let magnitude = abs(value)
        let decimals = magnitude >= 100 ? 0 : (magnitude >= 10 ? 1 : (magnitude >= 1 ? 2 : 3))
        return String(format: "%.\(decimals)fx", value)
    }

    /// A number without trailing zeros: 2.49, 3, 0.5.
    public static func plain(_ value: Double) -> String {
        guard value.isFinite else { return value > 0 ? "∞" : "-∞" }
        var text = String(format: "%.6g", value)
        if text.contains("."), !text.contains("e") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// An interval of ratios: [3.41x, 3.58x].
    public static func interval(_ low: Double, _ high: Double) -> String {
        "[\(ratio(low)), \(ratio(high))]"
    }

    /// A p-value: "<0.001" below a thousandth, three decimals above.
    public static func pValue(_ p: Double) -> String {
        p < 0.001 ? "<0.001" : String(format: "%.3f", p)
    }
}
