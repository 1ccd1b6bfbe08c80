/// Fractions written as percentages for people. Every form takes a fraction (0.05 for 5%).
public enum PercentText {
    /// A confidence, a share or a threshold the way people write them: 95%, 99.5%, 71.6%, 5%.
    /// Whole percentages have no decimals; others one, or two between 99% and 100% (99.95%);
    /// trailing zeros are removed. "∞" and "–" for values that are not finite.
    public static func percent(_ fraction: Double) -> String {
        guard fraction.isFinite else { return fraction > 0 ? "∞" : "–" }
        let percent = fraction * 100
        if percent == percent.rounded() && abs(percent) < 1e15 { return "\(Int(percent))%" }
        let decimals = abs(percent) >= 99 && abs(percent) < 100 ? 2 : 1
        return NumberText.trimmed(NumberText.fixed(percent, decimals: decimals)) + "%"
    }

    /// The size of a relative difference with two significant digits, without its sign:
    /// 0.4013 → "40%", −0.061 → "6.1%", 0.0035 → "0.35%"; "∞%" when not finite.
    public static func magnitude(_ fraction: Double) -> String {
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
        return NumberText.fixed(percent, decimals: decimals) + "%"
    }

    /// A relative difference with its sign: "+6.1%", "−3.0%" (a minus sign, not a hyphen).
    public static func signed(_ fraction: Double) -> String {
        (fraction < 0 ? "−" : "+") + magnitude(fraction)
    }

    /// A setting the user gave, up to four decimals, trailing zeros removed, without its sign:
    /// 0.02 → "2%", 0.005 → "0.5%".
    public static func setting(_ fraction: Double) -> String {
        NumberText.trimmed(NumberText.fixed(abs(fraction) * 100, decimals: 4)) + "%"
    }

    /// A time ratio as the signed change people read in a gate: 1.012 → "+1.2%", 0.95 →
    /// "−5.0%", 1.0001 → "±0.0%", 3.1 → "+210%".
    public static func change(ratio: Double) -> String {
        guard ratio.isFinite else { return ratio > 0 ? "+∞" : "−100%" }
        let percent = (ratio - 1) * 100
        let magnitude = abs(percent)
        let text = NumberText.fixed(magnitude, decimals: magnitude >= 100 ? 0 : 1)
        if text == "0.0" { return "±0.0%" }
        return (percent < 0 ? "−" : "+") + text + "%"
    }

    /// An interval of time ratios as changes: [−0.8%, +3.1%].
    public static func changeInterval(_ low: Double, _ high: Double) -> String {
        "[\(change(ratio: low)), \(change(ratio: high))]"
    }
}
