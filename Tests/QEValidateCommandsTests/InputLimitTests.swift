import Foundation
import QETestSupport
import Testing

/// Issue 12, cases 14 and 17, through the executable: unbounded and huge inputs, inputs that
/// need more memory than the process may have, and what `verify` says about odd paths.
@Suite("Input limits and odd input paths")
struct InputLimitTests {
    @Test func anEndlessDeviceUnderAMemoryLimitIsRefused() throws {
        let result = try ChildRun.run(["compare", "/dev/zero"], script: "ulimit -v 4000000")
        #expect(result.status == 66)
        #expect(result.stderr == "qe-validate: error: /dev/zero: cannot read: is a character device, not a file; give a regular file or a pipe\n")
    }

    @Test func aHugeFileIsRefusedUnlessTheLimitIsRaised() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("", to: "sparse.json")
        #expect(truncate(path, 3 << 30) == 0)
        let refused = try ChildRun.run(["compare", path], script: "ulimit -v 4000000")
        #expect(refused.status == 66)
        #expect(refused.stderr.contains("is 3 GiB, more than the input limit of 1 GiB"))
        let small = try ChildRun.run(["compare", OutputPathTests.example], environment: ["QE_VALIDATE_MAX_INPUT_SIZE": "1K"])
        #expect(small.status == 66)
        #expect(small.stderr.contains("more than the input limit of 1 KiB"))
        let wrong = try ChildRun.run(["compare", OutputPathTests.example], environment: ["QE_VALIDATE_MAX_INPUT_SIZE": "lots"])
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("QE_VALIDATE_MAX_INPUT_SIZE='lots' is not a size"))
    }

    @Test func aPipeIsReadUpToTheLimit() throws {
        let fine = try ChildRun.run(["compare", "/dev/stdin", "--format", "csv"], script: "exec < '\(OutputPathTests.example)'")
        #expect(fine.status == 0, "\(fine.stderr)")
        let endless = try ChildRun.run(["compare", "/dev/stdin"], script: "exec < /dev/zero", environment: ["QE_VALIDATE_MAX_INPUT_SIZE": "1M"])
        #expect(endless.status == 66, "/dev/stdin is the device itself here: \(endless.stderr)")
        let piped = try ChildRun.run(["compare", "/dev/stdin"], script: "head -c 5000000 /dev/zero |", environment: ["QE_VALIDATE_MAX_INPUT_SIZE": "1M"])
        #expect(piped.status == 66)
        #expect(piped.stderr.contains("is more than the input limit of 1 MiB"))
    }

    @Test func anInputThatNeedsMoreMemoryThanAllowedIsRefusedNotCrashed() throws {
        // 32 MB of tiny objects parse into about a gigabyte.
        let scratch = try ScratchDirectory()
        let text = "[" + Array(repeating: #"{"a":1}"#, count: 4_000_000).joined(separator: ",") + "]"
        let path = try scratch.write(text, to: "objects.json")
        let limited = try ChildRun.run(["compare", path], script: "ulimit -v 800000")
        #expect(limited.status == 66, "\(limited.stderr)")
        #expect(limited.signal == nil)
        #expect(limited.stderr.hasPrefix("qe-validate: error: \(path): cannot read: not enough memory (about "))
        let unlimited = try ChildRun.run(["compare", path])
        #expect(unlimited.status == 65, "read and refused as not a results file: \(unlimited.stderr)")
    }

    @Test func verifySaysWhatIsWrongWithOddPaths() throws {
        let null = try ChildRun.run(["verify", "/dev/null"])
        #expect(null.status == 66)
        #expect(null.stderr == "qe-validate: error: /dev/null: cannot read: is a character device, not a file; give a regular file or a pipe\n")
        #expect(!null.stderr.contains("permission"))
        let scratch = try ScratchDirectory()
        #expect(symlink("b.json", scratch.file("a.json")) == 0)
        #expect(symlink("a.json", scratch.file("b.json")) == 0)
        let loop = try ChildRun.run(["verify", scratch.file("a.json")])
        #expect(loop.status == 66)
        #expect(loop.stderr == "qe-validate: error: \(scratch.file("a.json")): cannot read: too many levels of symbolic links (a loop of links?)\n")
        let directory = try ChildRun.run(["verify", scratch.path])
        #expect(directory.status == 66)
        #expect(directory.stderr.contains("is a directory, not a file"))
    }
}
