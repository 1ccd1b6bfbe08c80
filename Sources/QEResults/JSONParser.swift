import Foundation

/// A strict JSON parser (RFC 8259) over UTF-8 bytes, built for results files with millions of
/// samples: an array whose elements are all numbers becomes `[Double]` directly.
///
/// Strict means nothing outside RFC 8259 is accepted — no comments, trailing commas, single
/// quotes, leading zeros, `+1`, `.5`, unescaped control characters, invalid UTF-8, lone
/// surrogates, or duplicate keys in an object — with two deliberate exceptions:
///
/// - A UTF-8 byte order mark at the start is skipped (RFC 8259 §8.1 allows this).
/// - The bare tokens `NaN`, `Infinity`, `inf` (any case, optionally signed) are read as the
///   non-finite doubles they mean and listed in ``JSONDocument/nonFiniteNumbers``, so that a
///   caller can report "non-finite sample NaN" where a generic parser would say "invalid JSON".
///   Numbers beyond the range of a double (`1e400`) become ±infinity and are listed the same way.
///   Callers must reject or handle every listed number.
///
/// Numbers are converted exactly (correctly rounded): by ``DecimalConversion`` when the decimal
/// significand has at most 19 digits and the exponent is within ±27 (nearly every timing), and
/// otherwise with C `strtod` on a bounded, NUL-terminated copy of the literal. So `13367000` and `1.2345678901234567e-05` read back as the exact doubles
/// that Swift's `description` printed.
///
/// - Complexity: O(n) in the length of the text; nesting is limited to ``maximumDepth``.
struct JSONParser {
    /// The deepest nesting of arrays and objects accepted, so hostile input cannot overflow the
    /// stack. Results files nest five levels.
    static let maximumDepth = 512

    /// Parses `bytes` as one JSON text.
    /// - Parameter numberConversion: how numbers become doubles (the default is the fast exact
    ///   path; `scripts/bench/results-reader.sh` measures the other).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>,
                      numberConversion: JSONNumberConversion = .decimalFastPath) throws(JSONSyntaxError) -> JSONDocument {
        var parser = JSONParser(bytes: bytes)
        parser.numberConversion = numberConversion
        return try parser.parseDocument()
    }

    /// Parses `bytes` as one JSON text.
    static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONDocument {
        try bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in try parse(buffer) }
    }

    /// Parses the UTF-8 of `text` as one JSON text.
    static func parse(_ text: String) throws(JSONSyntaxError) -> JSONDocument {
        try parse(Array(text.utf8))
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let end: Int
    private var index = 0
    private var depth = 0
    /// The path to the value being parsed; only read when a non-finite number is found.
    private var path: [JSONPath.Component] = []
    private var nonFiniteNumbers: [JSONDocument.NonFiniteNumber] = []
    private var numberConversion = JSONNumberConversion.decimalFastPath

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.end = bytes.count
    }

    // MARK: - Document and containers

    private mutating func parseDocument() throws(JSONSyntaxError) -> JSONDocument {
        if end >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { index = 3 }
        skipWhitespace()
        if index >= end { throw error("the file is empty: no JSON value") }
        let start = index
        let root = try parseValue()
        recordIfNonFinite(root, start: start, element: nil)
        skipWhitespace()
        if index < end { throw error("unexpected \(describeCurrent()) after the end of the JSON value") }
        return JSONDocument(root: root, nonFiniteNumbers: nonFiniteNumbers)
    }

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        let byte = peek()
        switch byte {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case UInt8(ascii: "+"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return try parseWord()
        default:
            throw expected("a value")
        }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        index += 1  // {
        try enterNesting()
        defer { depth -= 1 }
        var object = JSONObject()
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            return .object(object)
        }
        while true {
            guard peek() == UInt8(ascii: "\"") else { throw expected("a key in double quotes") }
            let keyOffset = index
            let key = try parseString()
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else {
                throw expected("':' after the key \(JSONStringEscaper.quoted(key))")
            }
            index += 1
            skipWhitespace()
            path.append(.key(key))
            let valueStart = index
            let value = try parseValue()
            recordIfNonFinite(value, start: valueStart, element: nil)
            path.removeLast()
            guard object.insert(value, forKey: key) else {
                throw error("duplicate key \(JSONStringEscaper.quoted(key)) in an object", at: keyOffset)
            }
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","):
                index += 1
                skipWhitespace()
            case UInt8(ascii: "}"):
                index += 1
                return .object(object)
            default:
                throw expected("',' or '}' after an object member")
            }
        }
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        index += 1  // [
        try enterNesting()
        defer { depth -= 1 }
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            return .array([])
        }
        // Numbers go straight into `numbers` until the first element that is not a number.
        var numbers: [Double] = []
        var elements: [JSONValue] = []
        var allNumbers = true
        var position = 0
        while true {
            let elementStart = index
            let byte = peek()
            if allNumbers && (byte == UInt8(ascii: "-") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))) {
                let number = try parseNumber()
                if !number.isFinite { recordNonFinite(start: elementStart, element: position) }
                numbers.append(number)
            } else {
                path.append(.index(position))
                let value = try parseValue()
                recordIfNonFinite(value, start: elementStart, element: nil)
                path.removeLast()
                if allNumbers, case let .number(number) = value {
                    numbers.append(number)
                } else if allNumbers {
                    allNumbers = false
                    elements.reserveCapacity(numbers.count + 1)
                    for number in numbers { elements.append(.number(number)) }
                    numbers = []
                    elements.append(value)
                } else {
                    elements.append(value)
                }
            }
            position += 1
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","):
                index += 1
                skipWhitespace()
            case UInt8(ascii: "]"):
                index += 1
                return allNumbers ? .numbers(numbers) : .array(elements)
            default:
                throw expected("',' or ']' after an array element")
            }
        }
    }

    private mutating func enterNesting() throws(JSONSyntaxError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw error("arrays and objects nested deeper than \(Self.maximumDepth) levels")
        }
    }

    // MARK: - Scalars

    /// `true`, `false`, `null`, or a bare non-finite token (`NaN`, `-Infinity`, `inf`, ...).
    private mutating func parseWord() throws(JSONSyntaxError) -> JSONValue {
        let start = index
        var sign: UInt8 = 0
        if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") {
            sign = peek()
            index += 1
        }
        let wordStart = index
        while isLetter(peek()) { index += 1 }
        let word = text(wordStart..<index)
        if sign == 0 {
            switch word {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "null": return .null
            default: break
            }
        }
        switch word.lowercased() {
        case "nan": return .number(.nan)
        case "inf", "infinity": return .number(sign == UInt8(ascii: "-") ? -.infinity : .infinity)
        default: break
        }
        if word.isEmpty && sign == UInt8(ascii: "+") {
            throw error("a number may not start with '+'", at: start)
        }
        if index >= end && ["true", "false", "null"].contains(where: { $0.hasPrefix(word) }) {
            throw expected("a value")
        }
        let shown = text(start..<min(index, start + 24))
        throw error("invalid literal '\(shown)'", at: start)
    }

    /// A number (RFC 8259 §6), correctly rounded to a double; `-Infinity`/`-NaN` via parseWord.
    private mutating func parseNumber() throws(JSONSyntaxError) -> Double {
        let start = index
        var negative = false
        if peek() == UInt8(ascii: "-") {
            negative = true
            index += 1
            if isLetter(peek()) {
                index = start
                guard case let .number(value) = try parseWord() else {
                    throw error("invalid literal after '-'", at: start)
                }
                return value
            }
        }
        // The significand's digits, without leading zeros, while they fit (19 digits always do).
        var significand: UInt64 = 0
        var significantDigits = 0
        var exponent = 0
        var exact = true

        let first = peek()
        if first == UInt8(ascii: "0") {
            index += 1
            if isDigit(peek()) { throw error("a number may not have a leading zero", at: index - 1) }
        } else if first >= UInt8(ascii: "1") && first <= UInt8(ascii: "9") {
            repeat {
                if significantDigits < 19 {
                    significand = significand &* 10 &+ UInt64(peek() &- UInt8(ascii: "0"))
                    significantDigits += 1
                } else {
                    exact = false
                }
                index += 1
            } while isDigit(peek())
        } else {
            throw expected("a digit after '-'")
        }

        if peek() == UInt8(ascii: ".") {
            index += 1
            guard isDigit(peek()) else { throw expected("a digit after the decimal point") }
            repeat {
                let digit = peek() &- UInt8(ascii: "0")
                if significantDigits == 0 && digit == 0 {
                    exponent -= 1  // a leading zero of the fraction: 0.00123
                } else if significantDigits < 19 {
                    significand = significand &* 10 &+ UInt64(digit)
                    significantDigits += 1
                    exponent -= 1
                } else {
                    exact = false
                }
                index += 1
            } while isDigit(peek())
        }

        let byte = peek()
        if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            index += 1
            var exponentNegative = false
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") {
                exponentNegative = peek() == UInt8(ascii: "-")
                index += 1
            }
            guard isDigit(peek()) else { throw expected("a digit in the exponent") }
            var written = 0
            repeat {
                if written < 1_000_000 { written = written * 10 + Int(peek() &- UInt8(ascii: "0")) }
                index += 1
            } while isDigit(peek())
            exponent += exponentNegative ? -written : written
        }

        if exact, numberConversion == .decimalFastPath,
           let value = DecimalConversion.double(significand: significand, exponent: exponent) {
            return negative ? -value : value
        }
        return try convertWithStrtod(start..<index)
    }

    /// Converts a literal that the grammar has accepted with C `strtod`, which is correctly
    /// rounded (glibc, Apple libc), on a NUL-terminated copy so it cannot read past the literal.
    private func convertWithStrtod(_ range: Range<Int>) throws(JSONSyntaxError) -> Double {
        let count = range.count
        let converted: Double? = withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { buffer in
            guard let base = buffer.baseAddress else { return nil }
            for offset in 0..<count { base[offset] = CChar(bitPattern: bytes[range.lowerBound + offset]) }
            base[count] = 0
            var parsedEnd: UnsafeMutablePointer<CChar>? = nil
            let value = strtod(base, &parsedEnd)
            if parsedEnd == base + count { return value }
            // strtod follows LC_NUMERIC; if a locale with a decimal comma is in force, fall back
            // to the standard library, which always uses the C locale.
            return Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
        }
        guard let converted else { throw error("cannot convert the number '\(text(range))'", at: range.lowerBound) }
        return converted
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        let openingQuote = index
        index += 1
        let contentStart = index
        var isASCII = true
        // Fast path: no escapes, the content is a slice of the input.
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let string = try makeString(UnsafeBufferPointer(rebasing: bytes[contentStart..<index]),
                                            isASCII: isASCII, start: openingQuote)
                index += 1
                return string
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw controlCharacterError(byte) }
            if byte >= 0x80 { isASCII = false }
            index += 1
        }
        var content = Array(UnsafeBufferPointer(rebasing: bytes[contentStart..<index]))
        while index < end {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return try content.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in
                    try makeString(buffer, isASCII: false, start: openingQuote)
                }
            case UInt8(ascii: "\\"):
                let escapeStart = index
                index += 1
                guard index < end else { break }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): content.append(escaped)
                case UInt8(ascii: "b"): content.append(0x08)
                case UInt8(ascii: "f"): content.append(0x0C)
                case UInt8(ascii: "n"): content.append(0x0A)
                case UInt8(ascii: "r"): content.append(0x0D)
                case UInt8(ascii: "t"): content.append(0x09)
                case UInt8(ascii: "u"):
                    let scalar = try parseUnicodeEscape(escapeStart: escapeStart)
                    UTF8.encode(scalar) { content.append($0) }
                default:
                    throw error("invalid escape '\\\(describe(escaped, quoted: false))' in a string", at: escapeStart)
                }
            default:
                if byte < 0x20 { throw controlCharacterError(byte) }
                content.append(byte)
                index += 1
            }
        }
        throw error("unexpected end of file in a string that starts here (is the file truncated?)", at: openingQuote)
    }

    /// The scalar of `\uXXXX` (index is just past the `u`), joining a surrogate pair.
    private mutating func parseUnicodeEscape(escapeStart: Int) throws(JSONSyntaxError) -> Unicode.Scalar {
        let unit = try parseHexQuad(escapeStart: escapeStart)
        var value = UInt32(unit)
        if (0xD800...0xDBFF).contains(unit) {
            guard peek() == UInt8(ascii: "\\"), index + 1 < end, bytes[index + 1] == UInt8(ascii: "u") else {
                throw error("lone high surrogate \\u\(hex(unit)) in a string", at: escapeStart)
            }
            let lowStart = index
            index += 2
            let low = try parseHexQuad(escapeStart: lowStart)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw error("high surrogate \\u\(hex(unit)) not followed by a low surrogate", at: escapeStart)
            }
            value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(unit) {
            throw error("lone low surrogate \\u\(hex(unit)) in a string", at: escapeStart)
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw error("invalid Unicode escape in a string", at: escapeStart)
        }
        return scalar
    }

    private mutating func parseHexQuad(escapeStart: Int) throws(JSONSyntaxError) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = peek()
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("'\\u' must be followed by four hexadecimal digits", at: escapeStart)
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    /// A string from UTF-8 bytes, which must be valid: nothing is replaced with U+FFFD.
    private func makeString(_ utf8: UnsafeBufferPointer<UInt8>, isASCII: Bool, start: Int) throws(JSONSyntaxError) -> String {
        let string = String(decoding: utf8, as: UTF8.self)
        if !isASCII && !string.utf8.elementsEqual(utf8) {
            throw error("invalid UTF-8 in the string that starts here", at: start)
        }
        return string
    }

    // MARK: - Bookkeeping

    private mutating func recordIfNonFinite(_ value: JSONValue, start: Int, element: Int?) {
        if case let .number(number) = value, !number.isFinite {
            recordNonFinite(start: start, element: element)
        }
    }

    /// Notes the non-finite number spanning `start..<index` at the current path (plus array
    /// element `element`, when the path does not hold it).
    private mutating func recordNonFinite(start: Int, element: Int?) {
        var components = path
        if let element { components.append(.index(element)) }
        nonFiniteNumbers.append(.init(path: JSONPath(components: components), literal: text(start..<index)))
    }

    @inline(__always) private func peek() -> UInt8 { index < end ? bytes[index] : 0 }

    @inline(__always) private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    private mutating func skipWhitespace() {
        while index < end {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    private func hex(_ value: UInt16) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }

    /// `'x'` for printable ASCII, `byte 0xC3` otherwise.
    private func describe(_ byte: UInt8, quoted: Bool = true) -> String {
        if byte >= 0x20 && byte < 0x7F {
            let character = String(UnicodeScalar(byte))
            return quoted ? "'\(character)'" : character
        }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    private func describeCurrent() -> String { index < end ? describe(bytes[index]) : "end of file" }

    private func controlCharacterError(_ byte: UInt8) -> JSONSyntaxError {
        error("control character U+\(hex(UInt16(byte))) must be escaped in a string")
    }

    /// "expected X, found Y" at the current position, or the truncation message at the end.
    private func expected(_ what: String) -> JSONSyntaxError {
        if index >= end {
            return error("unexpected end of file, expected \(what) (is the file truncated?)")
        }
        return error("expected \(what), found \(describeCurrent())")
    }

    private func error(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
        JSONSyntaxError(message: message, offset: offset ?? index, in: bytes)
    }
}
