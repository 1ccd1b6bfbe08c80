import Foundation

/// Formats confidences and shares as percentages the way people write them: 95%, 99.5%, 71.6%.
enum Percent {
    static func format(_ fraction: Double) -> String {
        let percent = fraction * 100
        if percent == percent.rounded() { return "\(Int(percent))%" }
        var text = String(format: percent >= 99 ? "%.2f" : "%.1f", percent)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text + "%"
    }
}
