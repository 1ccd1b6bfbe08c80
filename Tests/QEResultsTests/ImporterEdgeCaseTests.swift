import Foundation
import QEResults
import QETestSupport
import Testing

/// Inputs that were mishandled before: Criterion folders holding a benchmark twice or half of
/// one, Go output with Windows line endings, UTF-16 text, a CSV header in quotes.
@Suite("Importing edge cases")
struct ImporterEdgeCaseTests {
    /// Copies the baseline benchmark of the Criterion fixture into `folder/tree/sum/baseline/new`.
    private func copyCriterionBaseline(into scratch: ScratchDirectory, tree: String, files: [String] = ["sample.json", "benchmark.json"]) throws {
        let folder = scratch.file("\(tree)/sum/baseline/new")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in files {
            try Data(try ImportFixtures.bytes("criterion/sum/baseline/new/\(name)")).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
    }

    @Test func aFolderHoldingOneBenchmarkTwiceNamesBothFiles() throws {
        let scratch = try ScratchDirectory()
        try copyCriterionBaseline(into: scratch, tree: "a")
        try copyCriterionBaseline(into: scratch, tree: "b")
        let error = try #require(throws: ResultsError.self) { try ResultsInput.load(path: scratch.path) }
        #expect(error.category == .invalidData)
        #expect(error.problem == .duplicateBenchmark)
        #expect(error.description.hasPrefix(scratch.path + ": benchmark sum/baseline is in both "), "\(error)")
        #expect(error.description.contains(scratch.path + "/a/sum/baseline/new/sample.json"))
        #expect(error.description.contains(scratch.path + "/b/sum/baseline/new/sample.json"))
        // As two inputs they are two runs.
        let runs = try ResultsInput.load(paths: [scratch.file("a"), scratch.file("b")])
        #expect(runs.benchmarks.map(\.runs.count) == [2])
    }

    @Test func anEmptyFolderSaysThereIsNoSampleJSON() throws {
        let scratch = try ScratchDirectory()
        let error = try #require(throws: ResultsError.self) { try ResultsInput.load(path: scratch.path) }
        #expect(error.category == .invalidData)
        #expect(error.description == "\(scratch.path): no Criterion.rs sample.json below \(scratch.path) (expected <group>/<function>/new/sample.json, as under target/criterion)")
    }

    @Test func aBenchmarkJSONWithoutItsSampleIsReported() throws {
        let scratch = try ScratchDirectory()
        try copyCriterionBaseline(into: scratch, tree: "complete")
        try copyCriterionBaseline(into: scratch, tree: "interrupted", files: ["benchmark.json"])
        let error = try #require(throws: ResultsError.self) { try ResultsInput.load(path: scratch.path) }
        #expect(error.category == .missingInput)
        #expect(error.description.hasPrefix(scratch.path + "/interrupted/sum/baseline/new/sample.json: no such file"), "\(error)")
        #expect(error.description.contains("has no sample.json beside it"))
    }

    @Test func goOutputWithCRLFLineEndings() throws {
        let text = String(decoding: try ImportFixtures.bytes("go-bench/old.txt"), as: UTF8.self)
        let scratch = try ScratchDirectory()
        let path = try scratch.write(text.replacingOccurrences(of: "\n", with: "\r\n"), to: "old.txt")
        #expect(try ResultsInput.detectFormat(path: path) == .goBench)
        let crlf = try ResultsInput.load(path: path)
        let lf = try ResultsInput.load(path: ImportFixtures.path("go-bench/old.txt"))
        #expect(crlf.benchmarks == lf.benchmarks)
        #expect(crlf.environment == lf.environment)
    }

    @Test(arguments: [("utf-16le-bom", [0xFF, 0xFE] as [UInt8], true), ("utf-16be-bom", [0xFE, 0xFF], false),
                      ("utf-16le", [], true), ("utf-16be", [], false)])
    func utf16TextIsToldItIsUTF16(name: String, byteOrderMark: [UInt8], littleEndian: Bool) throws {
        let text = "name,variant,value,unit\nsort,a,12,ns\n"
        var bytes = byteOrderMark
        for unit in text.utf16 {
            let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            bytes += littleEndian ? pair : pair.reversed()
        }
        let scratch = try ScratchDirectory()
        let path = try scratch.write(bytes, to: name + ".csv")
        let error = try #require(throws: ResultsError.self) { try ResultsInput.load(path: path) }
        #expect(error.category == .invalidData)
        #expect(error.description.hasPrefix(path + ": UTF-16 text (" + (littleEndian ? "little" : "big") + "-endian"), "\(error)")
        #expect(error.description.contains("iconv -f UTF-16 -t UTF-8"))
    }

    @Test func aQuotedCSVHeaderIsDetected() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("\"name\",\"variant\",\"value\",\"unit\"\n\"sort\",\"a\",12,ns\n\"sort\",\"b\",6,ns\n", to: "q.csv")
        #expect(try ResultsInput.detectFormat(path: path) == .csv)
        let file = try ResultsInput.load(path: path)
        #expect(file.benchmarks.map(\.key.description) == ["sort (a)", "sort (b)"])
        #expect(file.benchmarks.map(\.runs) == [[BenchmarkRun(samples: [12])], [BenchmarkRun(samples: [6])]])
    }

    @Test func aGzipCompressedResultsFileIsRead() throws {
        // gzip -9 of examples/flash-attention-sample.json would do as well; a hand-built stored
        // (uncompressed) block keeps the test independent of a compressor.
        let json = Array(#"{"schema":"qe-validate/results@1","suite":"s","unit":"ns","benchmarks":[{"name":"a","variant":"b","runs":[{"samples":[1,2]}]}]}"#.utf8)
        var bytes: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 1]
        bytes += [UInt8(json.count & 0xFF), UInt8(json.count >> 8), UInt8(~json.count & 0xFF), UInt8((~json.count >> 8) & 0xFF)]
        bytes += json
        let crc = Self.crc32(json)
        bytes += (0..<4).map { UInt8((crc >> (8 * $0)) & 0xFF) }
        bytes += (0..<4).map { UInt8((json.count >> (8 * $0)) & 0xFF) }
        let scratch = try ScratchDirectory()
        let path = try scratch.write(bytes, to: "r.json.gz")
        let file = try ResultsInput.load(path: path)
        #expect(file.benchmarks[0].runs[0].samples == [1, 2])
    }

    /// The CRC-32 of gzip, written out here so that the test does not use the code it checks.
    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc & 1) == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
