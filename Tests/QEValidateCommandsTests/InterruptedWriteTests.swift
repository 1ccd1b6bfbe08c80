import Foundation
import QEResults
import QETestSupport
import Testing

/// Issue 12, case 4: a write interrupted by a signal leaves no temporary file behind — at once
/// for SIGTERM, SIGINT and SIGHUP, and at the next write for SIGKILL, which cannot be caught.
@Suite("Interrupted writes")
struct InterruptedWriteTests {
    /// A valid results file of about 16 MB (the size is in a long recorded command, which is quick
    /// to read), so that writing the baseline takes long enough to be interrupted in the middle.
    static func largeResults() -> [UInt8] {
        Array(#"{"schema": "qe-validate/results@1", "suite": "s", "unit": "ns", "environment": {"command": ""#.utf8)
            + [UInt8](repeating: UInt8(ascii: "a"), count: 16 << 20)
            + Array(#""}, "benchmarks": [{"name": "w", "variant": "baseline", "runs": [{"samples": [1, 2, 3]}]}]}"#.utf8)
    }

    /// The baseline is the old one, or the complete new one (the signal came as it was renamed).
    static func oldOrComplete(_ scratch: ScratchDirectory) throws -> Bool {
        let path = scratch.file("baseline.json")
        if try String(contentsOfFile: path, encoding: .utf8) == "the old baseline" { return true }
        return try BaselineFile.read(from: path).results.environment.command?.count == 16 << 20
    }

    static func temporaries(in directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.contains(".tmp-") }
    }

    /// Starts `baseline update` over an existing baseline and sends `signal` as soon as its
    /// temporary file appears; tries again (at most five times) when the write finished first.
    static func interruptedUpdate(_ signal: Int32, in scratch: ScratchDirectory) throws -> ChildRun? {
        for _ in 0..<5 {
            let child = try ChildRun.start(["baseline", "update", scratch.file("big.json"), "--to", scratch.file("baseline.json"), "--quiet"])
            var caught = false
            while child.isRunning {
                if try !temporaries(in: scratch.path).isEmpty {
                    kill(child.pid, signal)
                    caught = true
                    break
                }
                usleep(200)
            }
            let result = child.wait()
            if caught && result.signal == signal { return result }
        }
        Issue.record("the write always finished before the signal could be sent")
        return nil
    }

    static func prepared() throws -> ScratchDirectory {
        let scratch = try ScratchDirectory()
        try scratch.write(largeResults(), to: "big.json")
        try scratch.write("the old baseline", to: "baseline.json")
        return scratch
    }

    @Test(arguments: [SIGTERM, SIGINT, SIGHUP])
    func aCaughtSignalRemovesTheTemporaryFile(signal: Int32) throws {
        let scratch = try Self.prepared()
        guard try Self.interruptedUpdate(signal, in: scratch) != nil else { return }
        #expect(try Self.temporaries(in: scratch.path).isEmpty)
        #expect(try Self.oldOrComplete(scratch))
    }

    @Test func aKilledWritesTemporaryFileIsRemovedByTheNextWrite() throws {
        let scratch = try Self.prepared()
        // SIGKILL cannot be caught: the temporary file stays (unless the rename came first).
        var attempts = 0
        while try Self.temporaries(in: scratch.path).isEmpty && attempts < 5 {
            try scratch.write("the old baseline", to: "baseline.json")
            guard try Self.interruptedUpdate(SIGKILL, in: scratch) != nil else { return }
            attempts += 1
        }
        try #require(try Self.temporaries(in: scratch.path).count == 1)
        #expect(try String(contentsOfFile: scratch.file("baseline.json"), encoding: .utf8) == "the old baseline")
        let again = try ChildRun.run(["baseline", "update", scratch.file("big.json"), "--to", scratch.file("baseline.json"), "--quiet"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Self.temporaries(in: scratch.path).isEmpty)
        #expect(try scratch.contents() == ["baseline.json", "big.json"])
    }
}
