/// Claims files made to hurt a YAML reader.
public enum HostileClaimsFiles {
    /// Nine levels of nine aliases ("billion laughs"): 9⁹ values if expanded, about 1 kB as text.
    public static let aliasBomb: String = {
        var lines = ["a0: &a0 [" + Array(repeating: "\"2x\"", count: 9).joined(separator: ",") + "]"]
        for level in 1...9 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ",") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()
}
