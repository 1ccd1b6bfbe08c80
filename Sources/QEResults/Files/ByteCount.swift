/// Byte counts as people read and write them: `512 MiB`, `8G`.
enum ByteCount {
    /// `1536` → `1.5 KiB`; whole numbers without decimals.
    static func text(_ bytes: Int) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 { return "\(bytes) bytes" }
        let rounded = (value * 10).rounded() / 10
        return (rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)) + " " + units[unit]
    }

    /// `1000`, `64K`, `512M`, `8G`, `1T` (binary multiples; an optional `B`/`iB`, any case)
    /// → bytes; nil for anything else, zero, or a count beyond `Int.max`.
    static func parse(_ text: String) -> Int? {
        var body = Substring(text.trimmingCharacters(in: .whitespaces)).lowercased()[...]
        if body.hasSuffix("ib") { body = body.dropLast(2) } else if body.hasSuffix("b") { body = body.dropLast() }
        let shifts: [Character: Int] = ["k": 10, "m": 20, "g": 30, "t": 40]
        var shift = 0
        if let last = body.last, let found = shifts[last] {
            shift = found
            body = body.dropLast()
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }), let count = Int(body), count > 0,
            count <= Int.max >> shift
        else { return nil }
        return count << shift
    }
}
