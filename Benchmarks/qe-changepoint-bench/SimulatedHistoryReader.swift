import Foundation
import QEValidation

/// Reads one line of `scripts/changepoints/simulate.py`'s output: a JSON object with `id` and
/// `points` (each `commit`, `time`, `runs`), skipping any other member. A small scanner for this
/// one shape, so that reading the raw samples does not dominate the benchmark's wall time (it
/// reads about ten times faster than `JSONSerialization` here). Not a general JSON parser.
struct SimulatedHistoryReader {
    struct Malformed: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    static func read(_ line: UnsafeBufferPointer<UInt8>) throws(Malformed) -> (id: String, series: ChangeSeries) {
        var reader = SimulatedHistoryReader(bytes: line)
        return try reader.history()
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private mutating func history() throws(Malformed) -> (id: String, series: ChangeSeries) {
        var id = ""
        var points: [ChangeSeries.Point] = []
        try expect(UInt8(ascii: "{"))
        repeat {
            let key = try keyBytes()
            try expect(UInt8(ascii: ":"))
            switch key {
            case Self.idKey: id = try string()
            case Self.pointsKey: points = try array { (reader: inout SimulatedHistoryReader) throws(Malformed) in try reader.point() }
            default: try skipValue()
            }
        } while try next(UInt8(ascii: ","), or: UInt8(ascii: "}"))
        let series = ChangeSeries(suite: "simulated", name: id, variant: "default", machine: "simulated", branch: "main", points: points)
        return (id, series)
    }

    private mutating func point() throws(Malformed) -> ChangeSeries.Point {
        var commit = ""
        var time = 0.0
        var runs: [[Double]] = []
        try expect(UInt8(ascii: "{"))
        repeat {
            let key = try keyBytes()
            try expect(UInt8(ascii: ":"))
            switch key {
            case Self.commitKey: commit = try string()
            case Self.timeKey: time = try number()
            case Self.runsKey:
                runs = try array { (reader: inout SimulatedHistoryReader) throws(Malformed) in
                    try reader.array { (inner: inout SimulatedHistoryReader) throws(Malformed) in try inner.number() }
                }
            default: try skipValue()
            }
        } while try next(UInt8(ascii: ","), or: UInt8(ascii: "}"))
        return ChangeSeries.Point(commit: commit, time: Date(timeIntervalSince1970: time), runs: runs)
    }

    private mutating func array<T>(_ element: (inout SimulatedHistoryReader) throws(Malformed) -> T) throws(Malformed) -> [T] {
        try expect(UInt8(ascii: "["))
        var values: [T] = []
        if peek() == UInt8(ascii: "]") { position += 1; return values }
        repeat { values.append(try element(&self)) } while try next(UInt8(ascii: ","), or: UInt8(ascii: "]"))
        return values
    }

    private static let idKey = Array("id".utf8)
    private static let pointsKey = Array("points".utf8)
    private static let commitKey = Array("commit".utf8)
    private static let timeKey = Array("time".utf8)
    private static let runsKey = Array("runs".utf8)

    /// A member name as bytes (no allocation of a String per member).
    private mutating func keyBytes() throws(Malformed) -> [UInt8] {
        try expect(UInt8(ascii: "\""))
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: "\"") { position += 1 }
        guard position < bytes.count else { throw Malformed() }
        defer { position += 1 }
        return Array(bytes[start..<position])
    }

    private mutating func string() throws(Malformed) -> String {
        try expect(UInt8(ascii: "\""))
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: "\"") {
            guard bytes[position] != UInt8(ascii: "\\") else { throw Malformed() }
            position += 1
        }
        guard position < bytes.count else { throw Malformed() }
        defer { position += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    /// An integer, or a decimal number read by `strtod`.
    private mutating func number() throws(Malformed) -> Double {
        skipSpace()
        let start = position
        var integer = 0.0
        var plain = true
        while position < bytes.count {
            let byte = bytes[position]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                integer = integer * 10 + Double(byte - UInt8(ascii: "0"))
            } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
                        || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") {
                plain = false
            } else {
                break
            }
            position += 1
        }
        guard position > start else { throw Malformed() }
        if plain { return integer }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard let value = Double(text) else { throw Malformed() }
        return value
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
    }

    private mutating func skipSpace() {
        while position < bytes.count, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") {
            position += 1
        }
    }

    private mutating func peek() -> UInt8? {
        skipSpace()
        return position < bytes.count ? bytes[position] : nil
    }

    private mutating func expect(_ byte: UInt8) throws(Malformed) {
        guard peek() == byte else { throw Malformed() }
        position += 1
    }

    /// Consumes `separator` (true: another element follows) or `end` (false).
    private mutating func next(_ separator: UInt8, or end: UInt8) throws(Malformed) -> Bool {
        switch peek() {
        case separator: position += 1; return true
        case end: position += 1; return false
        default: throw Malformed()
        }
    }
}
