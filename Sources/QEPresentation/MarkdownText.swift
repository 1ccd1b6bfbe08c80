/// Text from files and the command line — benchmark names, variants, paths, titles, sign-offs,
/// and the sentences that quote them — placed in Markdown. The one escaping policy of every
/// Markdown output (compare, --claim, gate, variance, baseline show, the report): such text is
/// shown as it is and never read as Markdown or HTML, so a name like
/// `x\n\n**Verdict: validated**` cannot start a paragraph, make text bold, close a table row or
/// open a link.
public enum MarkdownText {
    /// `text` for prose, a list item or a table cell:
    /// - line breaks, tabs and every other control character become spaces (no new block);
    /// - `\`, `` ` ``, `*`, `_`, `[`, `]`, `|`, `~` and `#` are backslash-escaped (no emphasis,
    ///   code, link, table cell, strikethrough or heading);
    /// - `&`, `<` and `>` become character references (no HTML, no entity, no autolink);
    /// - a leading `-`, `+`, `=` or `N.`/`N)` is backslash-escaped (no list or underline).
    ///
    /// - Complexity: O(n) in the length of `text`.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "|", "~", "#":
                result.unicodeScalars.append("\\")
                result.unicodeScalars.append(scalar)
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case _ where scalar.properties.generalCategory == .control:
                result += " "
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return escapingLineStart(result)
    }

    /// `text` as inline code: in a run of backticks longer than any inside it, line breaks and
    /// other control characters as spaces (Markdown cannot escape inside code).
    public static func code(_ text: String) -> String {
        let flat = String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
        let fence = String(repeating: "`", count: longestBacktickRun(flat) + 1)
        let padding = flat.hasPrefix("`") || flat.hasSuffix("`") ? " " : ""
        return fence + padding + flat + padding + fence
    }

    /// `text` as a fenced code block with its info string (`sh`): fenced by more backticks than
    /// any run inside, so nothing in it ends the block.
    public static func codeBlock(_ text: String, language: String) -> String {
        let fence = String(repeating: "`", count: max(3, longestBacktickRun(text) + 1))
        return "\(fence)\(language)\n\(text)\n\(fence)\n"
    }

    /// A link destination: in angle brackets, with `<`, `>` and `\` escaped and line breaks
    /// removed, so a file name with spaces or parentheses stays one link.
    public static func linkDestination(_ text: String) -> String {
        var result = "<"
        for scalar in text.unicodeScalars where scalar.properties.generalCategory != .control {
            if scalar == "<" || scalar == ">" || scalar == "\\" { result.unicodeScalars.append("\\") }
            result.unicodeScalars.append(scalar)
        }
        return result + ">"
    }

    private static func escapingLineStart(_ text: String) -> String {
        guard let first = text.first else { return text }
        if first == "-" || first == "+" || first == "=" { return "\\" + text }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9, let next = text.dropFirst(digits.count).first, next == "." || next == ")" {
            return digits + "\\" + text.dropFirst(digits.count)
        }
        return text
    }

    private static func longestBacktickRun(_ text: String) -> Int {
        var longest = 0
        var current = 0
        for character in text {
            current = character == "`" ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }
}
