/// Reads gzip files (RFC 1952), such as the `.json.gz` files pyperf writes: the header, the
/// DEFLATE data (``DeflateDecoder``) and the trailer's CRC-32 and length, for every member of
/// the file (gzip allows several, concatenated).
enum GzipFile {
    /// The most bytes a compressed file may expand to (1 GiB): a small file that claims more is
    /// refused rather than filling the memory.
    static let decompressedLimit = 1 << 30

    /// Whether `bytes` start with gzip's magic number (1f 8b).
    static func isCompressed(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// The decompressed content of the gzip file `bytes`, read from `source`.
    /// - Throws: ``ResultsError`` `.malformedText` (exit 65) when the file is cut off, corrupt
    ///   (a CRC or length that does not match) or would expand beyond ``decompressedLimit``.
    static func decompress(_ bytes: [UInt8], source: String) throws(ResultsError) -> [UInt8] {
        func fail(_ detail: String) -> ResultsError {
            ResultsError(file: source, problem: .malformedText, detail: "gzip-compressed, but \(detail)")
        }
        var output: [UInt8] = []
        var position = 0
        repeat {
            let start = try dataStart(bytes, at: position, fail: fail)
            let member: (output: [UInt8], end: Int)
            do {
                member = try DeflateDecoder.inflate(bytes, from: start, limit: decompressedLimit - output.count)
            } catch {
                switch error {
                case .truncated: throw fail("the compressed data are cut off (is the file complete?)")
                case let .invalid(reason): throw fail("the compressed data are corrupt: \(reason)")
                case let .tooLarge(limit): throw fail("it expands beyond \(limit) bytes; qe-validate reads at most \(decompressedLimit) bytes of decompressed data")
                }
            }
            guard member.end + 8 <= bytes.count else { throw fail("the file is cut off before its checksum (is the file complete?)") }
            let crc = littleEndian32(bytes, at: member.end)
            let size = littleEndian32(bytes, at: member.end + 4)
            guard crc == CRC32.checksum(member.output) else { throw fail("the CRC-32 of the data does not match the file's (the file is corrupt)") }
            guard size == UInt32(truncatingIfNeeded: member.output.count) else { throw fail("the length of the data does not match the file's (the file is corrupt)") }
            output.append(contentsOf: member.output)
            position = member.end + 8
            // Some writers pad the end with zeros; anything else must be another member.
        } while position < bytes.count && bytes[position...].contains(where: { $0 != 0 })
        return output
    }

    /// The offset of a member's DEFLATE data, after its header.
    private static func dataStart(_ bytes: [UInt8], at start: Int, fail: (String) -> ResultsError) throws(ResultsError) -> Int {
        guard start + 10 <= bytes.count else { throw fail("the header is cut off") }
        guard bytes[start] == 0x1F, bytes[start + 1] == 0x8B else { throw fail("a member does not start with gzip's magic number") }
        guard bytes[start + 2] == 8 else { throw fail("compression method \(bytes[start + 2]) is not DEFLATE") }
        let flags = bytes[start + 3]
        var position = start + 10
        if flags & 0x04 != 0 {  // FEXTRA
            guard position + 2 <= bytes.count else { throw fail("the header is cut off") }
            position += 2 + (Int(bytes[position]) | Int(bytes[position + 1]) << 8)
        }
        for flag: UInt8 in [0x08, 0x10] where flags & flag != 0 {  // FNAME, FCOMMENT: zero-terminated
            guard let end = bytes[min(position, bytes.count)...].firstIndex(of: 0) else { throw fail("the header is cut off") }
            position = end + 1
        }
        if flags & 0x02 != 0 { position += 2 }  // FHCRC
        guard position <= bytes.count else { throw fail("the header is cut off") }
        return position
    }

    private static func littleEndian32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }
}
