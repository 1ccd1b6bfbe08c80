/// A CSV text (RFC 4180) read as a header row and data rows: fields separated by commas,
/// optionally in double quotes (a quote inside written twice), lines ending in LF or CRLF.
///
/// Every line must end with a line break: tools that write CSV end their last line too, and a
/// last line without one is the sign of a file cut off in the middle of a row (where `0.0123`
/// would otherwise be read as `0.01`). Blank lines are skipped.
struct CSVTable: Sendable {
    /// One data row: its fields and its 1-based line number in the file.
    struct Row: Sendable {
        var fields: [String]
        var line: Int
    }

    /// The header's fields, trimmed of spaces.
    var header: [String]
    /// The first line as a row (for files without a header, whose first line is data).
    var firstRow: Row
    /// The rows after the first.
    var rows: [Row]

    /// Parses `bytes`; errors name `source` and the line.
    /// - Throws: ``ResultsError`` `.malformedText` (exit 65).
    init(_ bytes: [UInt8], source: String) throws(ResultsError) {
        func fail(_ line: Int, _ message: String) -> ResultsError {
            ResultsError(file: source, problem: .malformedText, detail: "line \(line): \(message)")
        }
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        guard let text = String(validating: bytes[start...], as: UTF8.self) else {
            throw ResultsError(file: source, problem: .malformedText, detail: "not UTF-8 text")
        }
        var records: [Row] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quotedField = false
        var characters = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = characters.next()
        func endRecord() {
            fields.append(field)
            let isBlank = fields.count == 1 && fields[0].allSatisfy { $0 == " " || $0 == "\t" } && !quotedField
            if !isBlank { records.append(Row(fields: fields, line: recordLine)) }
            fields = []
            field = ""
            quotedField = false
        }
        while let scalar = pending {
            pending = characters.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = characters.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard field.allSatisfy({ $0 == " " }) else {
                    throw fail(line, "a double quote inside an unquoted field (quote the whole field, and write a quote inside it twice)")
                }
                field = ""
                inQuotes = true
                quotedField = true
            case ",":
                fields.append(field)
                field = ""
                quotedField = false
            case "\r" where pending == "\n":
                continue
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                if quotedField {
                    if scalar == " " { continue }
                    throw fail(line, "characters after a closing double quote")
                }
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes {
            throw fail(recordLine, "a quoted field is not closed before the end of the file (is the file cut off?)")
        }
        if !field.isEmpty || !fields.isEmpty || quotedField {
            throw fail(recordLine, "the last line has no line break: the file looks cut off (every line of a CSV file must end with a line break)")
        }
        guard let first = records.first else {
            throw ResultsError(file: source, problem: .malformedText, detail: "no header row: the file is empty")
        }
        header = first.fields.map { $0.trimmingSpaces }
        firstRow = first
        rows = Array(records.dropFirst())
        for row in rows where row.fields.count != header.count {
            throw fail(row.line, "\(row.fields.count) fields where the header has \(header.count) (is the row cut off?)")
        }
    }

    /// The index of the column whose header is `name` (case-insensitive), if there is one.
    func column(_ name: String) -> Int? {
        header.firstIndex { $0.lowercased() == name.lowercased() }
    }

    /// The header's first line as written, trimmed, for recognising a tool's CSV without
    /// parsing the whole file.
    static func firstLine(of bytes: [UInt8]) -> String {
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        return String(decoding: bytes[start..<end], as: UTF8.self).trimmingSpaces
    }
}
