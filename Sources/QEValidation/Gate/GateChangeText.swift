import Foundation

/// Writes time ratios as the change people read in a gate: +1.2%, −0.8%, +21%.
enum GateChangeText {
    /// A time ratio as a signed percentage change: 1.012 → "+1.2%", 0.95 → "−5.0%".
    static func change(_ ratio: Double) -> String {
        guard ratio.isFinite else { return ratio > 0 ? "+∞" : "−100%" }
        let percent = (ratio - 1) * 100
        let magnitude = abs(percent)
        let text = magnitude >= 100 ? String(format: "%.0f", magnitude) : String(format: "%.1f", magnitude)
        if text == "0.0" { return "±0.0%" }
        return (percent < 0 ? "−" : "+") + text + "%"
    }

    /// An interval of time ratios as changes: [−0.8%, +3.1%].
    static func interval(_ low: Double, _ high: Double) -> String {
        "[\(change(low)), \(change(high))]"
    }
}
