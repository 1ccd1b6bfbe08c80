import Foundation
import QETestSupport
import QEValidation
import Testing

@testable import QEReports
@testable import QEResults

/// Issue 12, case 4: a report's files switch all at once. The write is stopped after every one
/// of its steps, as a kill there would stop it; at each point a reader (`verify`) sees one whole
/// set, old or new, and the next `report` completes or discards the interrupted switch and
/// leaves no temporary file.
@Suite("Switching a report's files all at once")
struct ReportSwitchTests {
    struct Version {
        var files: ReportFiles
        var key: ReportSigningKey?
    }

    static func version(claim: ClaimedRange, signed: Bool) throws -> Version {
        let key = signed ? ReportSigningKey() : nil
        return Version(files: try ReportFiles(try ReportFixture.report(claim: claim, key: key), signingKey: key), key: key)
    }

    /// Which version the readable files of `directory` are: all four (or three) must agree.
    static func readableVersion(in directory: String, old: Version, new: Version) throws -> String {
        let paths = ReportFiles.paths(directory: directory, name: "r")
        let journal = ReportFiles.journalPath(directory: directory, name: "r")
        func content(_ path: String) throws -> [UInt8]? {
            guard let readable = AtomicFileSet.readablePath(of: path, journal: journal),
                FileManager.default.fileExists(atPath: readable)
            else { return nil }
            return Array(try Data(contentsOf: URL(fileURLWithPath: readable)))
        }
        let seen = (try content(paths.markdown), try content(paths.json), try content(paths.html), try content(paths.signature))
        for (name, version) in [("old", old), ("new", new)] {
            let files = version.files
            if seen.0 == Array(files.markdown.utf8) && seen.1 == files.json && seen.2 == Array(files.html.utf8)
                && seen.3 == files.signature {
                return name
            }
        }
        return "a mix"
    }

    @Test(arguments: [(true, true), (true, false), (false, true)])
    func everyInterruptionLeavesOneWholeSet(oldSigned: Bool, newSigned: Bool) throws {
        let old = try Self.version(claim: ClaimedRange(low: 2.49, high: 7.47), signed: oldSigned)
        let new = try Self.version(claim: ClaimedRange(low: 1.5), signed: newSigned)
        let dead = try DeadProcess.identifier()
        let staged = newSigned ? 4 : 3
        let removed = oldSigned && !newSigned ? 1 : 0
        let steps = AtomicFileSet.stepCount(staged: staged, removed: removed)
        for stop in 0...steps {
            let scratch = try ScratchDirectory()
            try old.files.write(directory: scratch.path, name: "r")
            let members = new.files.members(directory: scratch.path, name: "r")
            try AtomicFileSet.write(members, journal: ReportFiles.journalPath(directory: scratch.path, name: "r"),
                                    stoppingAfter: stop, processID: dead)

            // Before the journal is written the old set stands; from then on, the new one.
            let expected = stop <= staged ? "old" : "new"
            #expect(try Self.readableVersion(in: scratch.path, old: old, new: new) == expected, "stopped after step \(stop) of \(steps)")
            let verification = try ReportVerifier().verify(reportAt: scratch.file("r.json"))
            #expect(verification.passed, "stopped after step \(stop): \(verification.failures.map(\.details))")
            #expect(verification.signed == (expected == "old" ? oldSigned : newSigned))

            // The next report finishes (or discards) the interrupted switch, then writes its own.
            try new.files.write(directory: scratch.path, name: "r")
            #expect(try Self.readableVersion(in: scratch.path, old: old, new: new) == "new")
            let names = ["r.html", "r.json", "r.md"] + (newSigned ? ["r.json.sig"] : [])
            #expect(try scratch.contents() == names.sorted(), "stopped after step \(stop): nothing else left")
        }
    }

    @Test func aSwitchOfARunningProcessIsNotTakenOver() throws {
        let scratch = try ScratchDirectory()
        let old = try Self.version(claim: ClaimedRange(low: 2.49, high: 7.47), signed: false)
        try old.files.write(directory: scratch.path, name: "r")
        let members = old.files.members(directory: scratch.path, name: "r")
        let journal = ReportFiles.journalPath(directory: scratch.path, name: "r")
        // Stopped after deciding, as if process 1 (always running) were still switching.
        try AtomicFileSet.write(members, journal: journal, stoppingAfter: AtomicFileSet.stepCount(staged: 3, removed: 0) - 4, processID: 1)
        let error = try #require(throws: ReportError.self) { try old.files.write(directory: scratch.path, name: "r") }
        #expect(error.description.contains("another process (1) is writing these files now"))
    }

    @Test func aJournalNamingOtherFilesIsRefused() throws {
        let scratch = try ScratchDirectory()
        let old = try Self.version(claim: ClaimedRange(low: 2.49, high: 7.47), signed: false)
        let precious = try scratch.write("keep me", to: "precious.txt")
        try scratch.write("{}", to: ".x.tmp-1-1")
        let journal = AtomicFileSet.Journal(writer: try DeadProcess.identifier(), entries: [
            .init(path: scratch.file("r.md"), target: precious, temporary: scratch.file(".x.tmp-1-1")),
        ])
        try scratch.write(Array(try JSONEncoder().encode(journal)), to: ".r.report-pending")
        let error = try #require(throws: ReportError.self) { try old.files.write(directory: scratch.path, name: "r") }
        #expect(error.category == .cannotWrite)
        #expect(error.description.contains("not a temporary file of"))
        #expect(try String(contentsOfFile: precious, encoding: .utf8) == "keep me")
    }
}
