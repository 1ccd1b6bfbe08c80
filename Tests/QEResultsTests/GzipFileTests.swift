import Foundation
import QETestSupport
import Testing

@testable import QEResults

/// Decompressing gzip files: fixed and dynamic Huffman blocks, stored blocks, several members,
/// and every corruption refused rather than misread.
@Suite("gzip files")
struct GzipFileTests {
    private static let text = #"{"schema":"qe-validate/results@1","suite":"s","unit":"ns","benchmarks":[{"name":"a","variant":"b","runs":[{"samples":[1,2,2,2,2,2,2,2,2,2]}]}]}"#

    /// `text` compressed by Python's zlib with the fixed Huffman code (`Z_FIXED`), in a gzip
    /// member: one block, with back-references (`2,2,2,...`).
    private static let fixedHuffman: [UInt8] = [
        0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xAB, 0x56, 0x2A, 0x4E, 0xCE, 0x48, 0xCD, 0x4D, 0x54, 0xB2,
        0x52, 0x2A, 0x4C, 0xD5, 0x2D, 0x4B, 0xCC, 0xC9, 0x4C, 0x49, 0x2C, 0x49, 0xD5, 0x2F, 0x4A, 0x2D, 0x2E, 0xCD, 0x29, 0x29,
        0x76, 0x30, 0x54, 0xD2, 0x51, 0x2A, 0x2E, 0xCD, 0x2C, 0x49, 0x05, 0xCA, 0x17, 0x03, 0xD9, 0xA5, 0x79, 0x99, 0x25, 0x40,
        0x66, 0x1E, 0x88, 0x9D, 0x94, 0x9A, 0x97, 0x9C, 0x91, 0x9B, 0x58, 0x94, 0x5D, 0xAC, 0x64, 0x15, 0x5D, 0xAD, 0x94, 0x97,
        0x98, 0x0B, 0x52, 0x95, 0x08, 0x94, 0x29, 0x4B, 0x2C, 0xCA, 0x4C, 0xCC, 0x03, 0x29, 0x4C, 0x02, 0xF2, 0x8A, 0x4A, 0xF3,
        0x20, 0x2A, 0x8A, 0x13, 0x73, 0x0B, 0x72, 0x52, 0x41, 0x6C, 0x43, 0x1D, 0x23, 0x74, 0x18, 0x5B, 0x0B, 0x82, 0x00, 0x48,
        0x6E, 0xA0, 0x75, 0x8F, 0x00, 0x00, 0x00,
    ]

    @Test func fixedHuffmanBlock() throws {
        #expect(try GzipFile.decompress(Self.fixedHuffman, source: "f.gz") == Array(Self.text.utf8))
        let scratch = try ScratchDirectory()
        let path = try scratch.write(Self.fixedHuffman, to: "r.json.gz")
        #expect(try ResultsInput.load(path: path).benchmarks[0].runs[0].samples == [1, 2, 2, 2, 2, 2, 2, 2, 2, 2])
    }

    @Test func dynamicHuffmanBlocksAgreeWithTheOtherCopy() throws {
        // pyperf wrote suite.json.gz itself (dynamic Huffman blocks); its JSON must parse.
        let bytes = try GzipFile.decompress(try ImportFixtures.bytes("pyperf/suite.json.gz"), source: "s.gz")
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix(#"{"benchmarks":[{"metadata":{"name":"sum-baseline""#))
        #expect(bytes.last == UInt8(ascii: "}") || bytes.last == UInt8(ascii: "\n"))
    }

    @Test func severalMembersAreConcatenated() throws {
        let twice = try GzipFile.decompress(Self.fixedHuffman + Self.fixedHuffman + [0, 0, 0], source: "t.gz")
        #expect(twice == Array(Self.text.utf8) + Array(Self.text.utf8))
    }

    @Test func everyCorruptionIsRefusedOrHarmless() throws {
        let original = try ImportFixtures.bytes("pyperf/suite.json.gz")
        let expected = try GzipFile.decompress(original, source: "s.gz")
        for position in stride(from: 0, to: original.count, by: max(1, original.count / 300)) {
            for bit: UInt8 in [0x01, 0x10, 0x80] {
                var corrupt = original
                corrupt[position] ^= bit
                do {
                    // Header bits such as the modification time do not change the content.
                    #expect(try GzipFile.decompress(corrupt, source: "c.gz") == expected, "byte \(position) bit \(bit)")
                } catch {
                    #expect(error.category == .invalidData)
                    #expect(error.description.hasPrefix("c.gz: gzip-compressed, but "))
                }
            }
        }
    }

    /// A gzip member header (no name, no extra fields) around raw DEFLATE bytes.
    private static func member(_ deflate: [UInt8]) -> [UInt8] {
        [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03] + deflate
    }

    private static func failure(_ bytes: [UInt8], limit: Int = GzipFile.decompressedLimit) -> String {
        do {
            _ = try GzipFile.decompress(bytes, source: "x.gz", limit: limit)
            return "decompressed"
        } catch {
            #expect(error.category == .invalidData)
            return error.description
        }
    }

    @Test func corruptDataAreRefusedWithTheReason() {
        // A block of the reserved type 3.
        #expect(Self.failure(Self.member([0x07])).hasPrefix("x.gz: gzip-compressed, but the data are corrupt: invalid block type"))
        // A stored block whose length does not match its complement.
        #expect(Self.failure(Self.member([0x01, 0x05, 0x00, 0x00, 0x00])).contains("the data are corrupt: invalid stored block lengths"))
        // Fixed Huffman: length symbol 257, distance code 0: a copy of 3 bytes from distance 1 of nothing.
        #expect(Self.failure(Self.member([0x03, 0x02, 0x00])).contains("the data are corrupt: invalid distance too far back"))
        // The trailer's CRC-32 and length.
        var badCRC = Self.fixedHuffman
        badCRC[badCRC.count - 8] ^= 0x01
        #expect(Self.failure(badCRC).contains("the CRC-32 of the data does not match the file's"))
        var badLength = Self.fixedHuffman
        badLength[badLength.count - 4] ^= 0x01
        #expect(Self.failure(badLength).contains("the length of the data does not match the file's"))
        // Something after a member that is neither padding nor another member.
        #expect(Self.failure(Self.fixedHuffman + [0x41, 0x42]).contains("the data are corrupt"))
    }

    @Test func truncatedAndOversizedFilesAreRefused() {
        #expect(Self.failure(Array(Self.fixedHuffman.dropLast(12))).hasSuffix("the compressed data are cut off (is the file complete?)"))
        #expect(Self.failure(Array(Self.fixedHuffman.prefix(11))).hasSuffix("cut off (is the file complete?)"))
        #expect(Self.failure(Self.fixedHuffman, limit: 10).contains("it expands beyond 10 bytes"))
        #expect(Self.failure(Self.fixedHuffman, limit: Self.text.utf8.count) == "decompressed")
    }
}
