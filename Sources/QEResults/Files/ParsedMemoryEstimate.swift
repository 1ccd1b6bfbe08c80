/// An upper estimate of the memory that reading a text input takes once parsed — the text, the
/// tree or table made from it — from a count of the characters that open a value.
///
/// The costs are measured peaks of `qe-validate compare` on inputs built to be expensive per
/// byte (Linux x86-64): 8-byte objects `{"a":1}` take 256 bytes each (32 per input byte),
/// arrays about 96, every further element (a comma) about 48, every line of a text format about
/// 64, and the text itself is held about twice. A results file of numbers is estimated at about
/// 8 times its size, well above what it takes.
enum ParsedMemoryEstimate {
    static let perObject = 256
    static let perArray = 96
    static let perElement = 48
    static let perLine = 64

    /// The estimate for `text`, in bytes (saturating at `Int.max`).
    /// - Complexity: O(n), one pass.
    static func bytes(for text: [UInt8]) -> Int {
        var objects = 0
        var arrays = 0
        var elements = 0
        var lines = 0
        text.withUnsafeBufferPointer { buffer in
            for byte in buffer {
                switch byte {
                case UInt8(ascii: "{"): objects += 1
                case UInt8(ascii: "["): arrays += 1
                case UInt8(ascii: ","): elements += 1
                case UInt8(ascii: "\n"): lines += 1
                default: break
                }
            }
        }
        let parts = [2 * text.count, perObject * objects, perArray * arrays, perElement * elements, perLine * lines]
        return parts.reduce(0) { $0.addingReportingOverflow($1).overflow ? .max : $0 + $1 }
    }
}
