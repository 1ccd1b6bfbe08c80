import Foundation
import QETestSupport
import Testing

@testable import QEResults

/// Issue 12, cases 1, 3 and 4: what an output path names decides how it is written; links,
/// devices and FIFOs are not replaced by regular files; protections survive; temporary files
/// of dead processes do not pile up.
@Suite("The atomic file writer")
struct AtomicFileWriterTests {
    static let bytes = Array("new content\n".utf8)

    static func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func aDeviceIsWrittenThroughAndStaysADevice() throws {
        let scratch = try ScratchDirectory()
        let device = scratch.file("d")
        if geteuid() == 0 {
            // The null device under another name, as `mknod -m 666 d c 1 3` makes it.
            #expect(mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0)
        } else {
            // Users cannot make device nodes; a link to one follows the same rule.
            #expect(symlink("/dev/null", device) == 0)
        }
        try AtomicFileWriter.write(Self.bytes, to: device)
        #expect(FileStatus.kind(device) == (geteuid() == 0 ? S_IFCHR : S_IFLNK))
        #expect(FileStatus.kind("/dev/null") == S_IFCHR)
        #expect(try scratch.contents() == ["d"], "no temporary file, no replacement")
    }

    @Test func aFullDeviceIsAWriteError() throws {
        let error = try #require(throws: FileWriteError.self) { try AtomicFileWriter.write(Self.bytes, to: "/dev/full") }
        #expect(error.description == "/dev/full: cannot write: write failed: No space left on device")
        #expect(FileStatus.kind("/dev/full") == S_IFCHR)
    }

    @Test func aFIFOIsWrittenThroughToItsReader() throws {
        let scratch = try ScratchDirectory()
        let fifo = scratch.file("f")
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = FIFOReader(path: fifo)
        try AtomicFileWriter.write(Self.bytes, to: fifo)
        #expect(reader.wait().map(Array.init) == Self.bytes)
        #expect(FileStatus.kind(fifo) == S_IFIFO)
        #expect(try scratch.contents() == ["f"])
    }

    @Test func aDescriptorOfThisProcessIsWrittenDirectly() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]) }
        // The last is a link of /proc that only the kernel can follow: it is written through.
        let names = ["/dev/fd/\(ends[1])", "/proc/self/fd/\(ends[1])", "/proc/thread-self/fd/\(ends[1])"]
        for name in names {
            try AtomicFileWriter.write(Self.bytes, to: name)
        }
        close(ends[1])
        let received = FileHandle(fileDescriptor: ends[0]).readDataToEndOfFile()
        #expect(Array(received) == Array(repeating: Self.bytes, count: names.count).flatMap { $0 })
    }

    @Test func aLinkToARegularFileReplacesTheFileNotTheLink() throws {
        let scratch = try ScratchDirectory()
        try FileManager.default.createDirectory(atPath: scratch.file("elsewhere"), withIntermediateDirectories: false)
        let target = try scratch.write("old", to: "elsewhere/real.txt")
        #expect(symlink("elsewhere/real.txt", scratch.file("link")) == 0)
        try AtomicFileWriter.write(Self.bytes, to: scratch.file("link"))
        #expect(FileStatus.kind(scratch.file("link")) == S_IFLNK)
        #expect(try Self.text(target) == "new content\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.file("elsewhere")) == ["real.txt"],
                "the temporary file was made beside the file it replaced, and renamed")
    }

    @Test func aDanglingLinkCreatesTheFileItNames() throws {
        let scratch = try ScratchDirectory()
        #expect(symlink(scratch.file("made.txt"), scratch.file("link")) == 0)
        try AtomicFileWriter.write(Self.bytes, to: scratch.file("link"))
        #expect(FileStatus.kind(scratch.file("link")) == S_IFLNK)
        #expect(try Self.text(scratch.file("made.txt")) == "new content\n")
    }

    @Test func aLoopOfLinksAndADirectoryAreRefused() throws {
        let scratch = try ScratchDirectory()
        #expect(symlink("b", scratch.file("a")) == 0)
        #expect(symlink("a", scratch.file("b")) == 0)
        let loop = try #require(throws: FileWriteError.self) { try AtomicFileWriter.write(Self.bytes, to: scratch.file("a")) }
        #expect(loop.description == scratch.file("a") + ": cannot write: Too many levels of symbolic links")
        let directory = try #require(throws: FileWriteError.self) { try AtomicFileWriter.write(Self.bytes, to: scratch.path) }
        #expect(directory.reason == .isDirectory)
        #expect(try scratch.contents() == ["a", "b"])
    }

    @Test func pathsThatNameNoFileAreRefused() throws {
        let scratch = try ScratchDirectory()
        let empty = try #require(throws: FileWriteError.self) { try AtomicFileWriter.write(Self.bytes, to: "") }
        #expect(empty.description == ": cannot write: no file name given")
        let slash = try #require(throws: FileWriteError.self) { try AtomicFileWriter.write(Self.bytes, to: scratch.file("new/")) }
        #expect(slash.reason == .isDirectory)
        #expect(try scratch.contents().isEmpty)
    }

    @Test func aNameOfTheLongestLengthCanBeWritten() throws {
        let scratch = try ScratchDirectory()
        let name = String(repeating: "é", count: 127)  // 254 bytes: a valid name, too long with ".tmp-…"
        try scratch.write("old", to: name)
        let dead = try DeadProcess.identifier()
        let stale = "." + String(repeating: "é", count: 100) + ".tmp-\(dead)-1"
        try scratch.write("partial", to: stale)
        try AtomicFileWriter.write(Self.bytes, to: scratch.file(name))
        #expect(try Self.text(scratch.file(name)) == "new content\n")
        #expect(try scratch.contents() == [name], "the stale temporary file of the same target was removed")
    }

    @Test(arguments: [mode_t(0o600), 0o640, 0o604, 0o755])
    func aReplacedFileKeepsItsMode(mode: mode_t) throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("old", to: "r.json")
        #expect(chmod(path, mode) == 0)
        try AtomicFileWriter.write(Self.bytes, to: path)
        #expect(FileStatus.permissions(path) == mode)
        #expect(try Self.text(path) == "new content\n")
    }

    @Test func aReplacedFileKeepsItsOwnerWhereAllowed() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("old", to: "r.json")
        // As root the file is given to another user first: replacing it must give it back to
        // that user. Another user can only keep their own files, which is what is checked then.
        let (owner, group): (uid_t, gid_t) = geteuid() == 0 ? (65534, 65534) : (geteuid(), getegid())
        #expect(chown(path, owner, group) == 0)
        try AtomicFileWriter.write(Self.bytes, to: path)
        var status = stat()
        #expect(stat(path, &status) == 0)
        #expect(status.st_uid == owner && status.st_gid == group)
    }

    @Test func aNewFileGetsTheModeAskedForExactly() throws {
        let scratch = try ScratchDirectory()
        let previous = umask(0o077)
        defer { umask(previous) }
        try AtomicFileWriter.write(Self.bytes, to: scratch.file("public.pem"), mode: 0o644)
        try AtomicFileWriter.write(Self.bytes, to: scratch.file("plain.txt"))
        #expect(FileStatus.permissions(scratch.file("public.pem")) == 0o644)
        #expect(FileStatus.permissions(scratch.file("plain.txt")) == 0o600, "without a mode, the umask applies")
    }

    @Test func anExistingFileIsKeptWhenReplacingIsRefused() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("old key", to: "key.pem")
        let error = try #require(throws: FileWriteError.self) {
            try AtomicFileWriter.write(Self.bytes, to: path, mode: 0o600, existing: .refuse)
        }
        #expect(error.reason == .exists)
        #expect(try Self.text(path) == "old key")
        #expect(try scratch.contents() == ["key.pem"])
    }

    @Test func temporaryFilesOfDeadProcessesAreRemovedByTheNextWrite() throws {
        let scratch = try ScratchDirectory()
        let dead = try DeadProcess.identifier()
        let names = [
            ".r.json.tmp-\(dead)-1a2b",  // a dead process's: removed
            ".r.json.tmp-1-3c4d",  // a running process's (init): kept
            ".r.json.tmp-\(getpid())-5e6f",  // this process's own: kept
            ".other.json.tmp-\(dead)-7a8b",  // another target's: kept until that target is written
            "r.json.tmp-\(dead)-9c0d",  // not a name the writer makes: kept
        ]
        for name in names { try scratch.write("partial", to: name) }
        try AtomicFileWriter.write(Self.bytes, to: scratch.file("r.json"))
        #expect(try scratch.contents() == (["r.json"] + names.dropFirst()).sorted())
    }

    @Test func theRegistryForgetsEveryTemporaryFileOnceWritten() throws {
        let scratch = try ScratchDirectory()
        try AtomicFileWriter.write(Self.bytes, to: scratch.file("r.json"))
        #expect(throws: FileWriteError.self) { try AtomicFileWriter.write(Self.bytes, to: scratch.file("missing/r.json")) }
        #expect(!TemporaryFiles.shared.registered.contains { $0.hasPrefix(scratch.path) })
    }
}
