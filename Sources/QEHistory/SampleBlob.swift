/// Samples stored compactly: each `Double` as its 8 IEEE 754 bytes, little-endian, one blob per
/// run (8 bytes a sample, against about 10 in JSON text), decoded exactly.
enum SampleBlob {
    /// The bytes of `values`.
    /// - Complexity: O(n).
    static func encode(_ values: [Double]) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: values.count * 8)
        bytes.withUnsafeMutableBytes { buffer in
            for (index, value) in values.enumerated() {
                buffer.storeBytes(of: value.bitPattern.littleEndian, toByteOffset: index * 8, as: UInt64.self)
            }
        }
        return bytes
    }

    /// The values of `bytes`, or nil when its length is not a multiple of 8.
    /// - Complexity: O(n).
    static func decode(_ bytes: [UInt8]) -> [Double]? {
        bytes.withUnsafeBytes { decode($0) }
    }

    /// The values of `bytes` (read where they lie, such as in SQLite's buffer), or nil when its
    /// length is not a multiple of 8.
    /// - Complexity: O(n), one allocation.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> [Double]? {
        guard bytes.count % 8 == 0 else { return nil }
        let count = bytes.count / 8
        return [Double](unsafeUninitializedCapacity: count) { values, initialized in
            for index in 0..<count {
                values[index] = Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)))
            }
            initialized = count
        }
    }
}
