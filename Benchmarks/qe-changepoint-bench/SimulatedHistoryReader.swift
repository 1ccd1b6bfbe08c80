import Foundation
import QEValidation

/// Reads one line of `scripts/changepoints/simulate.py`'s output: a JSON object with `id` and
/// `points` (each `commit`, `time`, `runs`), skipping any other member. A small scanner for this
/// one shape over the file's bytes, in place (no copy of a line, no array per member name, no
/// boxed values), so that reading the raw samples does not dominate the benchmark. Not a general
/// JSON parser: strings with escapes are refused.
struct SimulatedHistoryReader {
    /// Why a line is not a simulated history, and where.
    struct Malformed: Error {
        var reason: String
    }

    /// One history of the file and its 1-based line number.
    struct Line: Sendable {
        var number: Int
        var history: (id: String, series: ChangeSeries)
    }

    private let bytes: UnsafeRawBufferPointer
    private var position = 0

    /// The byte ranges of the non-empty lines of `bytes`, with their 1-based numbers.
    /// - Complexity: O(n), one `memchr` per line.
    static func lines(of bytes: UnsafeRawBufferPointer) -> [(number: Int, range: Range<Int>)] {
        guard let base = bytes.baseAddress else { return [] }
        var lines: [(number: Int, range: Range<Int>)] = []
        var start = 0
        var number = 1
        while start < bytes.count {
            let end: Int
            if let newline = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start) {
                end = base.distance(to: UnsafeRawPointer(newline))
            } else {
                end = bytes.count
            }
            if end > start { lines.append((number, start..<end)) }
            start = end + 1
            number += 1
        }
        return lines
    }

    static func read(_ line: UnsafeRawBufferPointer) throws(Malformed) -> (id: String, series: ChangeSeries) {
        var reader = SimulatedHistoryReader(bytes: line)
        return try reader.history()
    }

    private init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    private mutating func history() throws(Malformed) -> (id: String, series: ChangeSeries) {
        var id: String?
        var points: [ChangeSeries.Point]?
        try expect(UInt8(ascii: "{"))
        repeat {
            let key = try keyRange()
            try expect(UInt8(ascii: ":"))
            if matches(key, "id") {
                id = try string()
            } else if matches(key, "points") {
                points = try array(reservingCapacity: 256) { (reader: inout SimulatedHistoryReader) throws(Malformed) in try reader.point() }
            } else {
                try skipValue()
            }
        } while try next(UInt8(ascii: ","), or: UInt8(ascii: "}"))
        skipSpace()
        guard position == bytes.count else { throw malformed("text after the history's closing brace") }
        guard let id else { throw malformed("no \"id\"") }
        guard let points else { throw malformed("no \"points\"") }
        let series = ChangeSeries(suite: "simulated", name: id, variant: "default", machine: "simulated", branch: "main", points: points)
        return (id, series)
    }

    private mutating func point() throws(Malformed) -> ChangeSeries.Point {
        var commit: String?
        var time: Double?
        var runs: [[Double]]?
        try expect(UInt8(ascii: "{"))
        repeat {
            let key = try keyRange()
            try expect(UInt8(ascii: ":"))
            if matches(key, "commit") {
                commit = try string()
            } else if matches(key, "time") {
                time = try number()
            } else if matches(key, "runs") {
                runs = try array(reservingCapacity: 8) { (reader: inout SimulatedHistoryReader) throws(Malformed) in
                    try reader.samples()
                }
            } else {
                try skipValue()
            }
        } while try next(UInt8(ascii: ","), or: UInt8(ascii: "}"))
        guard let commit, let time, let runs else { throw malformed("a point without \"commit\", \"time\" or \"runs\"") }
        return ChangeSeries.Point(commit: commit, time: Date(timeIntervalSince1970: time), runs: runs)
    }

    private mutating func array<T>(reservingCapacity capacity: Int, _ element: (inout SimulatedHistoryReader) throws(Malformed) -> T) throws(Malformed) -> [T] {
        try expect(UInt8(ascii: "["))
        var values: [T] = []
        values.reserveCapacity(capacity)
        if peek() == UInt8(ascii: "]") { position += 1; return values }
        repeat { values.append(try element(&self)) } while try next(UInt8(ascii: ","), or: UInt8(ascii: "]"))
        return values
    }

    /// An array of numbers (a run's samples). Plain integers of at most 15 digits separated by
    /// commas alone, as `simulate.py` writes them, are read in one tight loop with a local
    /// cursor; anything else (spaces, decimals, exponents, signs) goes through ``number()``.
    private mutating func samples() throws(Malformed) -> [Double] {
        try expect(UInt8(ascii: "["))
        var values: [Double] = []
        values.reserveCapacity(16)
        var cursor = position
        let end = bytes.count
        while cursor < end {
            var integer: UInt64 = 0
            let start = cursor
            while cursor < end {
                let digit = bytes[cursor] &- UInt8(ascii: "0")
                guard digit < 10 else { break }
                integer = integer &* 10 &+ UInt64(digit)
                cursor &+= 1
            }
            guard cursor > start, cursor - start <= 15, cursor < end,
                  bytes[cursor] == UInt8(ascii: ",") || bytes[cursor] == UInt8(ascii: "]") else {
                cursor = start
                break
            }
            values.append(Double(integer))
            cursor &+= 1
            if bytes[cursor &- 1] == UInt8(ascii: "]") {
                position = cursor
                return values
            }
        }
        // Not the plain form from here on (or an empty array): the general path, from the
        // first element not yet read.
        position = cursor
        if values.isEmpty, peek() == UInt8(ascii: "]") { position += 1; return values }
        repeat { values.append(try number()) } while try next(UInt8(ascii: ","), or: UInt8(ascii: "]"))
        return values
    }

    /// A member name's byte range.
    private mutating func keyRange() throws(Malformed) -> Range<Int> {
        try expect(UInt8(ascii: "\""))
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: "\"") { position += 1 }
        guard position < bytes.count else { throw malformed("an unterminated member name") }
        defer { position += 1 }
        return start..<position
    }

    private func matches(_ range: Range<Int>, _ name: StaticString) -> Bool {
        range.count == name.utf8CodeUnitCount
            && memcmp(bytes.baseAddress! + range.lowerBound, name.utf8Start, range.count) == 0
    }

    private mutating func string() throws(Malformed) -> String {
        try expect(UInt8(ascii: "\""))
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: "\"") {
            guard bytes[position] != UInt8(ascii: "\\") else { throw malformed("a string with an escape") }
            position += 1
        }
        guard position < bytes.count else { throw malformed("an unterminated string") }
        defer { position += 1 }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    /// A number: digits read directly when it is a plain integer of at most 15 digits (exact
    /// in a double), otherwise its text converted by `Double(_:)` (correctly rounded).
    private mutating func number() throws(Malformed) -> Double {
        skipSpace()
        let start = position
        // A local cursor: the loop keeps it in a register rather than storing `position` each digit.
        var cursor = start
        let end = bytes.count
        var integer: UInt64 = 0
        while cursor < end {
            let digit = bytes[cursor] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            integer = integer &* 10 &+ UInt64(digit)
            cursor &+= 1
        }
        position = cursor
        if position > start, position - start <= 15, position == bytes.count || !Self.continuesNumber(bytes[position]) {
            return Double(integer)
        }
        while position < bytes.count, bytes[position] &- UInt8(ascii: "0") < 10 || Self.continuesNumber(bytes[position]) { position += 1 }
        guard position > start else { throw malformed("a number expected at byte \(start + 1)") }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard let value = Double(text) else { throw malformed("\"\(text)\" is not a number") }
        return value
    }

    /// A byte that continues a number other than a digit: a point, an exponent or a sign.
    private static func continuesNumber(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
    }

    private mutating func skipValue() throws(Malformed) {
        skipSpace()
        var depth = 0
        var inString = false
        while position < bytes.count {
            let byte = bytes[position]
            if inString {
                if byte == UInt8(ascii: "\\") { position += 1 } else if byte == UInt8(ascii: "\"") { inString = false }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                depth += 1
            } else if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                if depth == 0 { return }
                depth -= 1
            } else if byte == UInt8(ascii: ","), depth == 0 {
                return
            }
            position += 1
        }
        throw malformed("the line ends inside a value")
    }

    private mutating func skipSpace() {
        while position < bytes.count, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") || bytes[position] == UInt8(ascii: "\r") {
            position += 1
        }
    }

    private mutating func peek() -> UInt8? {
        skipSpace()
        return position < bytes.count ? bytes[position] : nil
    }

    private mutating func expect(_ byte: UInt8) throws(Malformed) {
        guard peek() == byte else { throw unexpected(byte) }
        position += 1
    }

    /// Consumes `separator` (true: another element follows) or `end` (false).
    private mutating func next(_ separator: UInt8, or end: UInt8) throws(Malformed) -> Bool {
        switch peek() {
        case separator: position += 1; return true
        case end: position += 1; return false
        default: throw unexpected(separator, or: end)
        }
    }

    private func unexpected(_ byte: UInt8, or other: UInt8? = nil) -> Malformed {
        let wanted = other.map { "'\(Character(Unicode.Scalar(byte)))' or '\(Character(Unicode.Scalar($0)))'" } ?? "'\(Character(Unicode.Scalar(byte)))'"
        guard position < bytes.count else { return malformed("\(wanted) expected, the line ends at byte \(position)") }
        return malformed("\(wanted) expected at byte \(position + 1), found '\(Character(Unicode.Scalar(bytes[position])))'")
    }

    private func malformed(_ reason: String) -> Malformed {
        Malformed(reason: reason)
    }
}
