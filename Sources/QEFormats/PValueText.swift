/// P-values for people: three decimals, and "<0.001" below a thousandth (smaller values say
/// nothing more that a reader can use).
public enum PValueText {
    /// "0.034", "1.000", "<0.001".
    public static func value(_ p: Double) -> String {
        p < 0.001 ? "<0.001" : NumberText.fixed(p, decimals: 3)
    }

    /// As ``value(_:)``, "–" when there is no p-value.
    public static func value(_ p: Double?) -> String {
        p.map(value) ?? "–"
    }

    /// After the letter p in a sentence: "< 0.001", "= 0.034".
    public static func relation(_ p: Double) -> String {
        p < 0.001 ? "< 0.001" : "= " + NumberText.fixed(p, decimals: 3)
    }
}
