/// RFC 4180 fields, remembering which were quoted (an absent value is an empty unquoted field,
/// the empty text a quoted one).
enum CSVRows {
    struct Field: Equatable {
        var text: String
        var quoted: Bool
    }

    /// The rows of `text`; line breaks may be CRLF or LF, and quoted fields may hold them.
    /// - Throws: ``HistoryError`` (bad data) for an unclosed quote or text after a closing quote.
    static func parse(_ text: String, source: String) throws(HistoryError) -> [[Field]] {
        var rows: [[Field]] = []
        var row: [Field] = []
        var field = ""
        var quoted = false
        var inQuotes = false
        var afterQuote = false
        var line = 1
        var characters = text.makeIterator()
        var pending: Character? = characters.next()
        while let character = pending {
            pending = characters.next()
            if inQuotes {
                if character == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = characters.next()
                    } else {
                        inQuotes = false
                        afterQuote = true
                    }
                } else {
                    if character.isNewline { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case ",":
                row.append(Field(text: field, quoted: quoted))
                field = ""
                quoted = false
                afterQuote = false
            case "\r\n", "\n", "\r":
                row.append(Field(text: field, quoted: quoted))
                rows.append(row)
                row = []
                field = ""
                quoted = false
                afterQuote = false
                line += 1
            case "\"" where field.isEmpty && !quoted:
                inQuotes = true
                quoted = true
            default:
                if afterQuote {
                    throw HistoryError(.badData, subject: source, detail: "line \(line): text after a closing quote")
                }
                field.append(character)
            }
        }
        if inQuotes { throw HistoryError(.badData, subject: source, detail: "line \(line): a quoted field is not closed") }
        if !field.isEmpty || quoted || !row.isEmpty {
            row.append(Field(text: field, quoted: quoted))
            rows.append(row)
        }
        return rows
    }
}
