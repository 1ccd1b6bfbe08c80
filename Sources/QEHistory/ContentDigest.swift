import Crypto
import QEResults

/// The identity of a results file's content: SHA-256 of its canonical `results@1` encoding
/// (``ResultsFile/jsonBytes()``: fixed key order and indentation, shortest round-tripping
/// numbers), in lower-case hex.
///
/// Canonical rather than raw bytes, so that the same measurements re-indented, converted again
/// from another tool's file, or exported from one store and imported into another are recognised
/// as already recorded.
enum ContentDigest {
    /// The digest of `results`.
    /// - Complexity: O(n) in the size of the file.
    static func of(_ results: ResultsFile) -> String {
        hex(SHA256.hash(data: results.jsonBytes()))
    }

    /// The digest of `text`'s UTF-8 bytes.
    static func of(text: String) -> String {
        hex(SHA256.hash(data: Array(text.utf8)))
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
