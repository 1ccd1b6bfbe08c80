/// Escaping for text placed in HTML (element content and double-quoted attribute values).
///
/// Everything a report shows comes from files or the command line, so all of it goes through
/// ``escape(_:)``: a workload named `<script>` is shown, never run.
public enum HTMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
