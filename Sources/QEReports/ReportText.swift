import Foundation
import QEResults
import QEValidation

/// Numbers written for people in reports: percentages, byte counts, p-values. Every function
/// is deterministic (no locale), so the same report renders to the same bytes everywhere.
enum ReportText {
    /// 95%, 99.5%, 71.6%.
    static func percent(_ fraction: Double) -> String {
        guard fraction.isFinite else { return fraction > 0 ? "∞" : "–" }
        let percent = fraction * 100
        if percent == percent.rounded() && abs(percent) < 1e15 { return "\(Int(percent))%" }
        var text = String(format: abs(percent) >= 99 && abs(percent) < 100 ? "%.2f" : "%.1f", percent)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text + "%"
    }

    /// 1,048,576 B (3 significant figures in KiB/MiB/GiB beside it).
    static func bytes(_ count: Int) -> String {
        let units = ["KiB", "MiB", "GiB", "TiB"]
        var value = Double(count)
        var unit = "B"
        for next in units where value >= 1024 {
            value /= 1024
            unit = next
        }
        if unit == "B" { return "\(count) B" }
        let decimals = value >= 100 ? 0 : (value >= 10 ? 1 : 2)
        return String(format: "%.\(decimals)f", value) + " " + unit
    }

    /// A tick label for a time axis: `20ms`, `2.5ms`, `250µs` (the value in the unit that
    /// suits it, without trailing zeros).
    static func tickDuration(_ value: Double, unit: TimeUnit) -> String {
        let text = DurationText(reference: value, sourceUnit: unit).format(value)
        guard let split = text.firstIndex(where: { $0.isLetter || $0 == "µ" }) else { return text }
        var number = String(text[..<split])
        if number.contains(".") {
            while number.hasSuffix("0") { number.removeLast() }
            if number.hasSuffix(".") { number.removeLast() }
        }
        return number + text[split...]
    }

    /// A tick label for a ratio axis: `0.5x`, `1x`, `20x`.
    static func tickRatio(_ value: Double) -> String {
        RatioText.plain(value) + "x"
    }

    /// A p-value: `<0.001`, or three decimals.
    static func pValue(_ p: Double?) -> String {
        guard let p else { return "–" }
        return p < 0.001 ? "<0.001" : String(format: "%.3f", p)
    }

    /// A list in prose: "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
    }

    /// "1 run", "5 runs".
    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// Text for a Markdown table cell: `|` escaped, line breaks as spaces.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
