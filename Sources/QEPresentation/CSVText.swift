/// CSV as RFC 4180 writes it: one line per row, fields separated by commas, a field quoted
/// (with its quotes doubled) when it holds a comma, a quote or a line break; lines end with
/// `\n`, the file with one. The one escaping policy of every CSV output: besides quoting, a
/// text field a spreadsheet would take for a formula — starting with `=`, `+`, `-`, `@`, a tab or
/// a carriage return, and not a number — gets a leading `'` (OWASP's defence against CSV
/// injection), so a benchmark named `=HYPERLINK(...)` stays text.
public enum CSVText {
    /// The CSV text of `header` and `rows`.
    public static func document(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map(line).joined(separator: "\n") + "\n"
    }

    /// One row, its fields escaped.
    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",")
    }

    /// `text` as a CSV field.
    public static func field(_ text: String) -> String {
        var text = text
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(text) == nil {
            text = "'" + text
        }
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A number as Swift writes it (the shortest text that reads back as the same double);
    /// an empty field for nil.
    public static func optional(_ value: Double?) -> String {
        value.map { "\($0)" } ?? ""
    }
}
