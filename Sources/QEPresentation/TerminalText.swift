/// Text from files and the command line placed in text output for a terminal or a CI log:
/// control characters (a line break in a benchmark name, an escape sequence) are shown
/// escaped — `\n`, `\t`, `\u{1b}` — so they can neither break a table nor drive the terminal.
public enum TerminalText {
    /// `text` with its control characters escaped.
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.properties.generalCategory == .control:
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
