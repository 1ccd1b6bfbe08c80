/// Byte counts for people: 1.5 MiB, 384 KiB.
enum ByteText {
    static func format(_ bytes: Int) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : "\(RatioText.plain((value * 10).rounded() / 10)) \(units[unit])"
    }
}
