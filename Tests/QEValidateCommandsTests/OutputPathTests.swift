import Foundation
import QEResults
import QETestSupport
import Testing

/// Issue 12, cases 1 and 3, through the executable: output paths that are not plain files, and
/// the protections of the files they replace — also for a user without privileges.
@Suite("Output paths: devices, FIFOs, links, protections")
struct OutputPathTests {
    static let example = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples/flash-attention-sample.json").path

    /// A scratch directory every user may write in (for the checks run as `nobody`).
    static func sharedScratch() throws -> ScratchDirectory {
        let scratch = try ScratchDirectory()
        #expect(chmod(scratch.path, 0o777) == 0)
        return scratch
    }

    @Test func aDeviceStaysADevice() throws {
        let scratch = try ScratchDirectory()
        let device = scratch.file("d")
        if geteuid() == 0 {
            #expect(mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0)  // mknod -m 666 d c 1 3
        } else {
            #expect(symlink("/dev/null", device) == 0)
        }
        let result = try ChildRun.run(["compare", Self.example, "-o", device])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileStatus.kind(device) == (geteuid() == 0 ? S_IFCHR : S_IFLNK))
        #expect(try scratch.contents() == ["d"])
    }

    @Test func writeErrorsOfADeviceExit73() throws {
        let result = try ChildRun.run(["compare", Self.example, "-o", "/dev/full"])
        #expect(result.status == 73)
        #expect(result.stderr == "qe-validate: error: /dev/full: cannot write: write failed: No space left on device\n")
        #expect(FileStatus.kind("/dev/full") == S_IFCHR)
        let toStandardOutput = try ChildRun.run(["compare", Self.example], script: "exec >/dev/full")
        #expect(toStandardOutput.status == 73, "standard output on a full device")
        #expect(toStandardOutput.stderr.contains("No space left on device"))
    }

    @Test(arguments: ["/dev/stdout", "/proc/self/fd/1", "-"])
    func standardOutputByAnyNameIsWrittenNotReplaced(name: String) throws {
        let result = try ChildRun.run(["import", "results", Self.example, "--out", name])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try ResultsFile(jsonBytes: Array(result.stdout.utf8), source: "stdout").benchmarks.count == 10)
        #expect(FileStatus.kind("/dev/stdout") == S_IFLNK)
    }

    @Test func aFIFOIsWrittenThrough() throws {
        let scratch = try ScratchDirectory()
        let fifo = scratch.file("verdict.fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = FIFOReader(path: fifo)
        let result = try ChildRun.run(["compare", Self.example, "--format", "csv", "-o", fifo])
        #expect(result.status == 0)
        let received = String(decoding: try #require(reader.wait()), as: UTF8.self)
        #expect(received.hasPrefix("name,baseline_variant"))
        #expect(FileStatus.kind(fifo) == S_IFIFO)
    }

    @Test func aLinkToAFileReplacesTheFile() throws {
        let scratch = try ScratchDirectory()
        let target = try scratch.write("old", to: "verdict.csv")
        #expect(symlink("verdict.csv", scratch.file("latest.csv")) == 0)
        let result = try ChildRun.run(["compare", Self.example, "--format", "csv", "-o", scratch.file("latest.csv")])
        #expect(result.status == 0)
        #expect(FileStatus.kind(scratch.file("latest.csv")) == S_IFLNK)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("name,baseline_variant"))
    }

    // MARK: - Protections, as a user without privileges

    // Only root can give a file to another user; run as another user, the suite checks the same
    // rule with the user's own read-only file (next test), and this one shows as skipped.
    @Test(.enabled(if: ChildRun.dropsPrivileges, "making another user's file needs root"))
    func anotherUsersFileIsNotReplaced() throws {
        let scratch = try Self.sharedScratch()
        let path = try scratch.write("root's verdict", to: "verdict.txt")
        #expect(chmod(path, 0o644) == 0)
        let result = try ChildRun.run(["compare", Self.example, "-o", path], as: .unprivileged)
        #expect(result.status == 73)
        #expect(result.stderr.contains("\(path): cannot write: the file is not writable for this user (mode 644); not replacing it"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "root's verdict")
        #expect(try scratch.contents() == ["verdict.txt"])
    }

    @Test func aReadOnlyFileIsNotReplaced() throws {
        let scratch = try Self.sharedScratch()
        let path = try scratch.write("kept", to: "verdict.txt")
        if ChildRun.dropsPrivileges { #expect(chown(path, ChildRun.nobody, ChildRun.nobody) == 0) }
        #expect(chmod(path, 0o444) == 0)
        let result = try ChildRun.run(["compare", Self.example, "-o", path], as: .unprivileged)
        #expect(result.status == 73)
        #expect(result.stderr.contains("not writable for this user (mode 444)"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "kept")
        #expect(try scratch.contents() == ["verdict.txt"])
    }

    @Test func aFileInADirectoryTheUserCannotWriteIsNotReplaced() throws {
        let scratch = try Self.sharedScratch()
        try FileManager.default.createDirectory(atPath: scratch.file("locked"), withIntermediateDirectories: false)
        let path = try scratch.write("kept", to: "locked/verdict.txt")
        #expect(chmod(path, 0o666) == 0)
        #expect(chmod(scratch.file("locked"), 0o555) == 0)
        defer { chmod(scratch.file("locked"), 0o755) }
        let result = try ChildRun.run(["compare", Self.example, "-o", path], as: .unprivileged)
        #expect(result.status == 73)
        #expect(result.stderr.contains("cannot create a temporary file in \(scratch.file("locked")): Permission denied"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "kept")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.file("locked")) == ["verdict.txt"])
    }

    @Test func aUsersOwnPrivateFileStaysPrivate() throws {
        let scratch = try Self.sharedScratch()
        let path = try scratch.write("old", to: "verdict.txt")
        if ChildRun.dropsPrivileges { #expect(chown(path, ChildRun.nobody, ChildRun.nobody) == 0) }
        #expect(chmod(path, 0o600) == 0)
        let result = try ChildRun.run(["compare", Self.example, "-o", path], as: .unprivileged)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileStatus.permissions(path) == 0o600)
        var status = stat()
        #expect(stat(path, &status) == 0 && status.st_uid == (ChildRun.dropsPrivileges ? ChildRun.nobody : geteuid()))
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("test-similarity"))
    }

    @Test func baselineUpdateKeepsAPrivateBaselinePrivate() throws {
        let scratch = try ScratchDirectory()
        let baseline = try scratch.write("{}", to: "baseline.json")
        #expect(chmod(baseline, 0o600) == 0)
        let result = try ChildRun.run(["baseline", "update", Self.example, "--to", baseline, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileStatus.permissions(baseline) == 0o600)
        #expect(try BaselineFile.read(from: baseline).provenance != nil)
    }
}
