/// Byte counts for people, in binary units with three significant figures: 512 B, 1.50 MiB,
/// 384 KiB, 12.3 GiB.
public enum ByteText {
    public static func format(_ count: Int) -> String {
        let units = ["KiB", "MiB", "GiB", "TiB"]
        var value = Double(count)
        var unit = "B"
        for next in units where abs(value) >= 1024 {
            value /= 1024
            unit = next
        }
        if unit == "B" { return "\(count) B" }
        let magnitude = abs(value)
        return NumberText.fixed(value, decimals: magnitude >= 100 ? 0 : (magnitude >= 10 ? 1 : 2)) + " " + unit
    }
}
