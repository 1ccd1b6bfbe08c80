import Foundation
import QEHistory
import QEHistoryTestSupport
import QEResults
import QETestSupport
import Testing

/// Export files (results files with a history member, or one CSV table) read back as written.
@Suite("History exports")
struct HistoryExportTests {
    typealias F = HistoryFixtures

    static let recorded = [
        RecordedResults(results: F.everyField, commit: F.commit(5), time: F.time(minutes: 50), branch: "feature/ü \"x\""),
        RecordedResults(results: F.results(benchmarks: [("a,b\nc", "v\"1\"")], seed: 7), commit: F.commit(6),
                        time: HistoryTimestamp(microsecondsSinceEpoch: 1_795_705_200_000_001), branch: "main"),
    ]

    @Test func resultsFilesRoundTrip() throws {
        let directory = try ScratchDirectory()
        let paths = try HistoryExport.writeResultsFiles(Self.recorded, toDirectory: directory.file("export"))
        #expect(paths.count == 2 && paths[0].hasSuffix(".json") && paths[0].contains("20260101T005000Z-cccc"))
        #expect(try HistoryExport.read(from: directory.file("export")) == Self.recorded.sorted { $0.time < $1.time })
        // Each is still an ordinary results file.
        #expect(try ResultsFile.read(from: paths[0]) == F.everyField)
    }

    @Test func csvRoundTrips() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("history.csv")
        try HistoryExport.writeCSV(Self.recorded, to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("file,commit,time,branch,suite,unit,"))
        #expect(try HistoryExport.read(from: path) == Self.recorded)
    }

    @Test func aPlainResultsFileIsNotAnExport() throws {
        let directory = try ScratchDirectory()
        let path = directory.file("plain.json")
        try F.results(seed: 1).write(to: path)
        do {
            _ = try HistoryExport.read(from: path)
            Issue.record("a plain results file was read as an export")
        } catch {
            #expect(error.category == .badData && error.description.hasPrefix(path + ": no \"history\" member"))
        }
    }

    @Test(arguments: [
        "file,commit\r\n1,x\r\n",
        String(decoding: try! HistoryExportTests.csv(), as: UTF8.self).replacingOccurrences(of: ",sample,1,", with: ",sample,7,"),
        String(decoding: try! HistoryExportTests.csv(), as: UTF8.self).replacingOccurrences(of: "\"main\"", with: "\"main"),
    ])
    func malformedTablesAreRefused(text: String) throws {
        let directory = try ScratchDirectory()
        let path = try directory.write(text, to: "bad.csv")
        #expect(throws: HistoryError.self) { try HistoryExport.read(from: path) }
    }

    static func csv() throws -> [UInt8] {
        let directory = try ScratchDirectory()
        let path = directory.file("h.csv")
        try HistoryExport.writeCSV([recorded[1]], to: path)
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func anExportCannotBeWrittenWhereThereIsNoDirectory() {
        #expect(throws: HistoryError.self) { try HistoryExport.writeCSV(Self.recorded, to: "/proc/no-such/history.csv") }
    }
}
