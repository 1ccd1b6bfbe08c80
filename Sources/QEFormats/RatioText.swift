/// Ratios for people: speedups and time ratios.
public enum RatioText {
    /// A ratio with three significant digits and an `x`: 3.50x, 0.913x, 61.2x, 123x; "∞" and
    /// "0x" for ratios that are not finite.
    public static func ratio(_ value: Double) -> String {
        guard value.isFinite else { return value > 0 ? "∞" : "0x" }
        let magnitude = abs(value)
        let decimals = magnitude >= 100 ? 0 : (magnitude >= 10 ? 1 : (magnitude >= 1 ? 2 : 3))
        return NumberText.fixed(value, decimals: decimals) + "x"
    }

    /// An interval of ratios: [3.41x, 3.58x].
    public static func interval(_ low: Double, _ high: Double) -> String {
        "[\(ratio(low)), \(ratio(high))]"
    }

    /// A ratio with three decimals and no `x`, as the report's gate tables write time ratios: 1.012.
    public static func threeDecimals(_ value: Double) -> String {
        NumberText.fixed(value, decimals: 3)
    }

    /// A tick label of a ratio axis: 0.5x, 1x, 20x.
    public static func tick(_ value: Double) -> String {
        NumberText.plain(value) + "x"
    }
}
