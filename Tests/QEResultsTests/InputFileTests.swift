import Foundation
import QETestSupport
import Testing

@testable import QEResults

/// Issue 12, cases 14 and 17: what an input path may be, and what is said when it cannot be
/// read.
@Suite("Reading input files")
struct InputFileTests {
    static func reason(_ path: String) -> FileReadError.Reason? {
        do {
            _ = try InputFile.read(path)
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func devicesAreNotInputs() {
        #expect(Self.reason("/dev/zero") == .notAFile("a character device"))
        #expect(Self.reason("/dev/null") == .notAFile("a character device"))
        #expect(Self.reason("/dev/urandom") == .notAFile("a character device"))
    }

    @Test func aFIFOIsReadToItsEnd() throws {
        let scratch = try ScratchDirectory()
        let fifo = scratch.file("in.fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Thread { try? Data("{\"a\": 1}".utf8).write(to: URL(fileURLWithPath: fifo)) }
        writer.start()
        #expect(try InputFile.read(fifo) == Array("{\"a\": 1}".utf8))
    }

    @Test func aHugeSparseFileIsRefusedBeforeReading() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("", to: "sparse.json")
        #expect(truncate(path, 3 << 30) == 0)
        #expect(Self.reason(path) == .tooLarge(size: 3 << 30, limit: InputSizeLimit.defaultBytes))
        let error = try #require(throws: FileReadError.self) { try InputFile.read(path) }
        #expect(error.description == "\(path): is 3 GiB, more than the input limit of 1 GiB (raise it with QE_VALIDATE_MAX_INPUT_SIZE, e.g. QE_VALIDATE_MAX_INPUT_SIZE=8G)")
    }

    @Test func aLoopOfLinksIsNotAMissingFile() throws {
        let scratch = try ScratchDirectory()
        #expect(symlink("b", scratch.file("a")) == 0)
        #expect(symlink("a", scratch.file("b")) == 0)
        #expect(Self.reason(scratch.file("a")) == .failed("too many levels of symbolic links (a loop of links?)"))
        #expect(Self.reason(scratch.file("missing")) == .missing)
        #expect(Self.reason(scratch.path) == .isDirectory)
    }

    @Test func sizesReadAsPeopleWriteThem() {
        #expect(ByteCount.parse("512M") == 512 << 20)
        #expect(ByteCount.parse("8G") == 8 << 30)
        #expect(ByteCount.parse("64KiB") == 64 << 10)
        #expect(ByteCount.parse("1000") == 1000)
        for bad in ["", "lots", "-1", "0", "1.5G", "99999999999999999999", "9999999999T"] { #expect(ByteCount.parse(bad) == nil, "\(bad)") }
        #expect(ByteCount.text(3 << 30) == "3 GiB")
        #expect(ByteCount.text(1536) == "1.5 KiB")
        #expect(ByteCount.text(100) == "100 bytes")
    }

    @Test func theMemoryEstimateCoversExpensiveShapes() {
        // Measured peaks (compare, Linux x86-64): 8 MB of {"a":1} objects took 256 MB, of [0]
        // arrays 80 MB, of "" strings 83 MB; the estimate must not be below them.
        let objects = Array(("[" + Array(repeating: #"{"a":1}"#, count: 1_000_000).joined(separator: ",") + "]").utf8)
        #expect(ParsedMemoryEstimate.bytes(for: objects) >= 256_000_000)
        let arrays = Array(("[" + Array(repeating: "[0]", count: 2_000_000).joined(separator: ",") + "]").utf8)
        #expect(ParsedMemoryEstimate.bytes(for: arrays) >= 160_000_000)
        let strings = Array(("[" + Array(repeating: #""""#, count: 2_666_666).joined(separator: ",") + "]").utf8)
        #expect(ParsedMemoryEstimate.bytes(for: strings) >= 83_000_000)
    }
}
