extension String {
    /// The string without leading and trailing spaces, tabs and carriage returns.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }

    /// The string, or nil when it is empty (an empty CSV cell means "none").
    var nonEmpty: String? { isEmpty ? nil : self }
}

extension StringProtocol {
    /// The lines of a text, split at LF and at CRLF (which Swift reads as one character, so
    /// `split(separator: "\n")` does not split there), with empty lines kept.
    var lines: [SubSequence] {
        split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    }

    /// Whether the text ends with a line break (LF or CRLF).
    var endsWithLineBreak: Bool { last == "\n" || last == "\r\n" }
}

extension Array where Element == String {
    /// `a` for one element, `a and 3 more` for four, nil for none: how messages name a list.
    var namedBriefly: String? {
        guard let first else { return nil }
        return count == 1 ? first : "\(first) and \(count - 1) more"
    }
}
