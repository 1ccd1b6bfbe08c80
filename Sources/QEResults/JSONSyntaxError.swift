/// Why a text is not JSON (RFC 8259), and where: a byte offset, and the 1-based line and column
/// (columns count Unicode scalars, not bytes).
struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    var message: String
    var offset: Int
    var line: Int
    var column: Int

    /// `line 3, column 14: expected ',' or ']' after an array element`.
    var description: String { "line \(line), column \(column): \(message)" }

    /// Locates `offset` within `bytes` (UTF-8).
    init(message: String, offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        self.message = message
        self.offset = offset
        var line = 1
        var column = 1
        var index = 0
        let limit = min(offset, bytes.count)
        while index < limit {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {  // not a UTF-8 continuation byte
                column += 1
            }
            index += 1
        }
        self.line = line
        self.column = column
    }
}
