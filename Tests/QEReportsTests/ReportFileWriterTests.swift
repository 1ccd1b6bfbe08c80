import Foundation
import QEReports
import QETestSupport
import Testing

/// Reports and keys are written atomically, all files or none, with exact modes.
@Suite("Atomic writes")
struct ReportFileWriterTests {
    @Test func writesEveryFileWithItsMode() throws {
        let scratch = try ScratchDirectory()
        let previous = umask(0o077)
        defer { umask(previous) }
        try ReportFileWriter.write([
            .init(path: scratch.file("a.json"), bytes: Array("a".utf8)),
            .init(path: scratch.file("key.pem"), bytes: Array("k".utf8), mode: 0o600, replace: false),
        ])
        #expect(try scratch.contents() == ["a.json", "key.pem"])
        let attributes = try FileManager.default.attributesOfItem(atPath: scratch.file("key.pem"))
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let public_ = try FileManager.default.attributesOfItem(atPath: scratch.file("a.json"))
        #expect((public_[.posixPermissions] as? NSNumber)?.intValue == 0o644, "the mode is set exactly, whatever the umask")
    }

    @Test func aFileThatMayNotBeReplacedStopsEverything() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("old key", to: "key.pem")
        #expect(throws: ReportError.exists(path: scratch.file("key.pem"), what: "a file")) {
            try ReportFileWriter.write([
                .init(path: scratch.file("key.pub.pem"), bytes: Array("new".utf8), replace: false),
                .init(path: scratch.file("key.pem"), bytes: Array("new".utf8), mode: 0o600, replace: false),
            ])
        }
        #expect(try scratch.contents() == ["key.pem"], "nothing written, no temporary file left")
        #expect(try String(contentsOfFile: scratch.file("key.pem"), encoding: .utf8) == "old key")
    }

    @Test func aFailureLeavesEveryTargetAsItWas() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("old report", to: "r.json")
        do {
            try ReportFileWriter.write([
                .init(path: scratch.file("r.json"), bytes: Array("new report".utf8)),
                .init(path: scratch.file("missing-directory/r.html"), bytes: Array("page".utf8)),
            ])
            Issue.record("writing into a missing directory succeeded")
        } catch {
            if case .cannotWrite = error {} else { Issue.record("not a cannot-write error: \(error)") }
            #expect(error.description.contains("missing-directory/r.html"))
        }
        #expect(try scratch.contents() == ["r.json"], "no temporary file left")
        #expect(try String(contentsOfFile: scratch.file("r.json"), encoding: .utf8) == "old report", "the first file was not replaced")
    }
}
