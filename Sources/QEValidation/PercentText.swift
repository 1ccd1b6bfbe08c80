import Foundation

/// Writes relative sizes for people, with two significant digits: 40%, 6.1%, 0.35%.
enum PercentText {
    /// |fraction| as a percentage: 0.4013 → "40%", −0.061 → "6.1%".
    static func magnitude(_ fraction: Double) -> String {
        guard fraction.isFinite else { return "∞%" }
        let percent = abs(fraction) * 100
        let decimals: Int
        switch percent {
        case 10...: decimals = 0
        case 1..<10: decimals = 1
        case 0.1..<1: decimals = 2
        case 0: decimals = 0
        default: decimals = 3
        }
        return String(format: "%.\(decimals)f%%", percent)
    }

    /// A setting the user gave, without trailing zeros: 0.02 → "2%", 0.005 → "0.5%".
    static func setting(_ fraction: Double) -> String {
        var text = String(format: "%.4f", abs(fraction) * 100)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text + "%"
    }

    /// With its sign: "+6.1%", "−3.0%".
    static func signed(_ fraction: Double) -> String {
        (fraction < 0 ? "−" : "+") + magnitude(fraction)
    }

    /// A p-value after a relation: "< 0.001" or "= 0.034".
    static func pValue(_ p: Double) -> String {
        p < 0.001 ? "< 0.001" : String(format: "= %.3f", p)
    }
}
