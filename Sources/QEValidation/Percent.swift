/// Formats confidences and shares as percentages the way people write them: 95%, 99.5%.
enum Percent {
    static func format(_ fraction: Double) -> String {
        let percent = fraction * 100
        if percent == percent.rounded() { return "\(Int(percent))%" }
        var text = String(percent)
        if text.count > 6 { text = String(text.prefix(6)) }
        return text + "%"
    }
}
