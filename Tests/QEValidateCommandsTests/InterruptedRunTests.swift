import Foundation
import QETestSupport
import Testing

/// Issue 12, case 7's family: a `run` stopped by a signal takes the command it is timing, and
/// what that command started, with it.
@Suite("Interrupted runs")
struct InterruptedRunTests {
    @Test(arguments: [SIGTERM, SIGINT, SIGHUP])
    func theTimedCommandDoesNotOutliveRun(signal: Int32) throws {
        let scratch = try ScratchDirectory()
        let pids = scratch.file("pids")
        // The shell and its background sleep are both in the command's process group.
        let command = "sleep 300 & echo $$ $! > '\(pids)'; wait"
        let child = try ChildRun.start([
            "run", "--baseline-cmd", command, "--candidate-cmd", "true", "--runs", "1", "--iterations", "1",
            "--warmup", "0", "--timeout", "600", "--out", scratch.file("r.json"),
        ])
        var waited = 0
        while (try? String(contentsOfFile: pids, encoding: .utf8))?.hasSuffix("\n") != true && waited < 3_000 {
            usleep(10_000)
            waited += 1
        }
        let started = try String(contentsOfFile: pids, encoding: .utf8).split(separator: " ").compactMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        try #require(started.count == 2)
        kill(child.pid, signal)
        let result = child.wait()
        #expect(result.signal == signal)
        var polls = 0
        while started.contains(where: ChildRun.isRunning) && polls < 500 {
            usleep(10_000)
            polls += 1
        }
        #expect(!started.contains(where: ChildRun.isRunning), "the timed command outlived run")
        #expect(try scratch.contents() == ["pids"], "no results file, no temporary file")
    }
}
