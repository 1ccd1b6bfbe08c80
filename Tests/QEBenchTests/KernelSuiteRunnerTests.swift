import Foundation
import QEBench
import QETestSupport
import Testing

@Suite("Worker processes that fail", .tags(.slow), .skippedWhenFast)
struct KernelSuiteRunnerTests {
    static let plan = KernelWorkerPlan(
        suite: "flash-attention", workloads: ["pattern-adaptation"], variants: ["baseline", "flash"],
        iterations: 2, warmup: 1, seed: 1, run: 0)

    /// A "worker" that is a shell script; the runner appends `--plan JSON`, which `sh -c`
    /// receives as positional parameters and ignores.
    static func runner(script: String, timeout: Double = 30, runs: Int = 2) -> KernelSuiteRunner {
        KernelSuiteRunner(plan: plan, runs: runs, timeout: timeout, workerCommand: ["/bin/sh", "-c", script, "worker"])
    }

    @Test func aCrashIsReportedWithItsRunAndSignal() throws {
        #expect(throws: HarnessError.workerCrashed(run: 1, signal: SIGSEGV, message: "about to fail")) {
            try Self.runner(script: "echo 'about to fail' >&2; kill -SEGV $$").run(progress: ProgressDisplay(quiet: true))
        }
    }

    @Test func aNonZeroExitCarriesTheWorkersMessage() throws {
        #expect(throws: HarnessError.workerFailed(run: 1, status: 4, message: "boom")) {
            try Self.runner(script: "echo 'qe-validate: error: boom' >&2; exit 4").run(progress: ProgressDisplay(quiet: true))
        }
    }

    @Test func aHangIsStoppedAtTheTimeout() throws {
        // A worker that outlived the timeout would end with an unreadable report, not this error.
        #expect(throws: HarnessError.workerTimedOut(run: 1, seconds: 0.5)) {
            try Self.runner(script: "sleep 30", timeout: 0.5).run(progress: ProgressDisplay(quiet: true))
        }
    }

    @Test func aReportThatIsNotJSONIsRefused() throws {
        do {
            _ = try Self.runner(script: "echo not-json").run(progress: ProgressDisplay(quiet: true))
            Issue.record("expected an error")
        } catch let error as HarnessError {
            guard case .unreadableReport(run: 1, reason: _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
        }
    }

    @Test func theSecondRunFailingStopsEverything() throws {
        // The first run succeeds with a valid report; the second fails.
        let report = #"{"run":1,"series":[],"maxOutputDifference":{}}"#
        let script = "if [ -e \"$TMPDIR_MARK\" ]; then exit 9; fi; touch \"$TMPDIR_MARK\"; echo '\(report)'"
        let mark = FileManager.default.temporaryDirectory.appendingPathComponent("qe-mark-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: mark) }
        let runner = Self.runner(script: "TMPDIR_MARK='\(mark)'; " + script)
        #expect(throws: HarnessError.workerFailed(run: 2, status: 9, message: "")) {
            try runner.run(progress: ProgressDisplay(quiet: true))
        }
    }
}
