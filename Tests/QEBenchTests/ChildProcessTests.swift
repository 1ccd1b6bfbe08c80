import Foundation
import Testing

@testable import QEBench

/// Issue 12, cases 5–7: a timed command starts with a clean signal state, its output cannot slow
/// the measurement down or fill memory, and it is timed until it exits — nothing it leaves
/// behind keeps running or holds the run up.
@Suite("Child processes")
struct ChildProcessTests {
    static func shell(_ script: String, timeout: Double = 30, capturesOutput: Bool = true) throws -> ChildProcess.Outcome {
        try ChildProcess(executable: "/bin/sh", arguments: ["-c", script], timeout: timeout, capturesOutput: capturesOutput).run()
    }

    /// Whether `pid` names a process that is still running (a zombie is not).
    static func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        return !stat[stat.index(after: close)...].hasPrefix(" Z")
    }

    @Test func theChildStartsWithNoSignalBlockedOrIgnored() throws {
        // Test threads (like Dispatch's) run with most signals blocked; a child must not inherit that.
        let outcome = try Self.shell("grep -E '^Sig(Blk|Ign)' /proc/self/status")
        #expect(outcome.ending == .exited(0))
        let masks = String(decoding: outcome.standardOutput, as: UTF8.self).split(separator: "\n").compactMap { line in
            line.split(separator: "\t").last.flatMap { UInt64($0, radix: 16) }
        }
        try #require(masks.count == 2)
        #expect(masks[0] == 0, "blocked signals")
        // glibc's posix_spawn itself ignores its two internal signals (32 and 33) in the child;
        // no standard signal (1–31) may be ignored.
        #expect(masks[1] & 0x7FFF_FFFF == 0, "ignored signals")
    }

    @Test func aShellThatWaitsForItsJobIsNotStuck() throws {
        // With SIGCHLD blocked, sh's `wait` never returned and the command ran into the timeout.
        let outcome = try Self.shell("sleep 0.1 & wait", timeout: 20)
        #expect(outcome.ending == .exited(0))
    }

    @Test func standardErrorWithoutNewlinesIsDrainedInBoundedMemory() throws {
        // 32 MB in one line: kept as the last 8 KiB; quadratic handling took minutes for this.
        let outcome = try Self.shell("head -c 33554432 /dev/zero | tr '\\0' a >&2; echo ' end' >&2", timeout: 120)
        #expect(outcome.ending == .exited(0))
        let last = try #require(outcome.errorTail.last)
        #expect(last.hasSuffix("aaaa end"))
        #expect(outcome.errorTail.joined().utf8.count <= 8192)
    }

    @Test func manyShortLinesKeepTheLastTwenty() throws {
        var lines: [String] = []
        let outcome = try ChildProcess(executable: "/bin/sh", arguments: ["-c", "seq 1 200000 >&2"], timeout: 60).run { lines.append($0) }
        #expect(outcome.ending == .exited(0))
        #expect(lines.count == 200_000 && lines.first == "1" && lines.last == "200000")
        #expect(outcome.errorTail == (199_981...200_000).map(String.init))
    }

    @Test func standardOutputBeyondTheLimitStopsTheChild() throws {
        let child = ChildProcess(executable: "/bin/sh", arguments: ["-c", "yes"], timeout: 60, outputLimit: 1 << 20)
        let outcome = try child.run()
        #expect(outcome.outputTruncated)
        #expect(outcome.standardOutput.count <= 1 << 20)
        #expect(outcome.ending == .signalled(SIGKILL))
    }

    @Test func aBackgroundProcessLeftBehindIsKilled() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("qe-validate-child-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let outcome = try Self.shell("sleep 306 >/dev/null 2>&1 & echo $! > '\(scratch)'; true")
        #expect(outcome.ending == .exited(0))
        #expect(outcome.killedLeftovers)
        let pid = try #require(Int32(try String(contentsOfFile: scratch, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        var polls = 0
        while Self.isRunning(pid) && polls < 500 {
            usleep(10_000)
            polls += 1
        }
        #expect(!Self.isRunning(pid), "the background sleep outlived the command")
    }

    @Test func aDetachedProcessHoldingThePipesDoesNotHoldTheRunUp() throws {
        // The subshell's sleep keeps standard error open; timing until the pipes closed waited
        // for the timeout.
        let outcome = try Self.shell("(sleep 304 &); true", timeout: 20)
        #expect(outcome.ending == .exited(0))
        #expect(outcome.killedLeftovers)
    }

    @Test func aCommandThatLeavesNothingBehindIsNotReported() throws {
        let outcome = try Self.shell("sleep 0.01; echo done")
        #expect(outcome.ending == .exited(0))
        #expect(!outcome.killedLeftovers)
        #expect(String(decoding: outcome.standardOutput, as: UTF8.self) == "done\n")
    }

    @Test func theBenchmarkWarnsOncePerCommandThatLeavesProcesses() throws {
        let benchmark = CommandBenchmark(
            variants: [.init(name: "baseline", command: "(sleep 300 &); true"), .init(name: "candidate", command: "true")],
            runs: 2, iterations: 2, warmup: 0, timeout: 20)
        var warnings: [String] = []
        let timings = try benchmark.run(progress: ProgressDisplay(quiet: true)) { warnings.append($0) }
        #expect(timings.allSatisfy { $0.runs.count == 2 })
        #expect(warnings == ["the command '(sleep 300 &); true' left processes running when it exited; they were killed (each invocation is timed until the shell exits)"])
    }

    @Test func anInfiniteTimeoutIsNoLimit() throws {
        let outcome = try ChildProcess(executable: "/bin/sh", arguments: ["-c", "true"], timeout: .infinity).run()
        #expect(outcome.ending == .exited(0))
    }

    @Test func cpuTimeCountsTheWorkOfProcessesTheChildWaitedFor() throws {
        // The loop runs in a grandchild that the outer shell waits for.
        let busy = ChildProcess(
            executable: "/bin/sh",
            arguments: ["-c", "sh -c 'i=0; while [ $i -lt 20000 ]; do i=$((i + 1)); done'; true"], timeout: 60)
        let outcome = try busy.run()
        #expect(outcome.ending == .exited(0))
        #expect(outcome.cpuNanoseconds > 0)

        // Sleeping takes time but almost no CPU.
        let sleeper = try ChildProcess(executable: "/bin/sh", arguments: ["-c", "sleep 0.2"], timeout: 60).run()
        #expect(sleeper.elapsedNanoseconds >= 0.2e9)
        #expect(sleeper.cpuNanoseconds < sleeper.elapsedNanoseconds / 2)
    }

    @Test func theStartHookGetsTheProcessGroupToStop() throws {
        var child = ChildProcess(executable: "/bin/sh", arguments: ["-c", "sleep 30; sleep 30"], timeout: 120)
        child.onStart = { pid in kill(-pid, SIGKILL) }
        let outcome = try child.run()
        #expect(outcome.ending == .signalled(SIGKILL))
    }
}

@Suite("The end of a stream, in bounded memory")
struct StreamTailTests {
    static func feed(_ chunks: [String], capacity: Int = 16, maximumLineLength: Int = 8) -> (tail: StreamTail, lines: [String]) {
        var tail = StreamTail(capacity: capacity, maximumLineLength: maximumLineLength)
        var lines: [String] = []
        for chunk in chunks {
            Array(chunk.utf8).withUnsafeBytes { tail.append($0) { lines.append($0) } }
        }
        return (tail, lines)
    }

    @Test func linesSplitAcrossReadsAreWhole() {
        let (tail, lines) = Self.feed(["ab", "c\nde", "f\n", "g"])
        #expect(lines == ["abc", "def"])
        #expect(tail.lastLines(5) == ["abc", "def", "g"])
    }

    @Test func onlyTheLastBytesAreKept() {
        let (tail, lines) = Self.feed(["first line\n", "second\n", "third\n", "fourth\n"])
        #expect(tail.total == 31)
        // The last 16 bytes are "nd\nthird\nfourth\n": the end of "second" is cut, so dropped.
        #expect(tail.lastLines(10) == ["third", "fourth"])
        #expect(lines == ["second", "third", "fourth"], "a line longer than 8 bytes is not handed out")
    }

    @Test func oneHugeChunkKeepsItsEnd() {
        let (tail, _) = Self.feed([String(repeating: "x", count: 1000) + "\nlast"])
        #expect(tail.lastLines(2) == ["last"])
    }
}
