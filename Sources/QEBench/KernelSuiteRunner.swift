import Foundation

/// Runs the built-in kernels as `runs` separate worker processes (this program re-invoking
/// itself with a `KernelWorkerPlan`), one after another, so that run-to-run variation —
/// memory layout, frequency, the state of the machine — is in the data.
public struct KernelSuiteRunner: Sendable {
    /// The plan of every run; `run` is set per worker.
    public var plan: KernelWorkerPlan
    public var runs: Int
    /// The number of the first run (1 unless runs are being added to earlier ones).
    public var firstRun: Int
    /// Seconds one worker may take before it is stopped.
    public var timeout: Double
    /// The program to start as the worker, and the arguments that come before the plan.
    public var workerCommand: [String]

    /// Prefix of the standard-error lines a worker uses to report progress.
    public static let progressPrefix = "@progress "

    public init(plan: KernelWorkerPlan, runs: Int, firstRun: Int = 1, timeout: Double, workerCommand: [String]) {
        self.plan = plan
        self.runs = runs
        self.firstRun = firstRun
        self.timeout = timeout
        self.workerCommand = workerCommand
    }

    /// Runs every worker and returns their reports in run order.
    /// - Throws: `HarnessError` as soon as a worker fails, crashes or times out.
    public func run(progress: ProgressDisplay) throws -> [KernelWorkerReport] {
        var reports: [KernelWorkerReport] = []
        let decoder = JSONDecoder()
        let lastRun = firstRun + runs - 1
        for run in firstRun...lastRun {
            var runPlan = plan
            runPlan.run = run
            let planText = String(decoding: try JSONEncoder().encode(runPlan), as: UTF8.self)
            guard let executable = workerCommand.first else { preconditionFailure("no worker command") }
            let child = ChildProcess(
                executable: executable, arguments: Array(workerCommand.dropFirst()) + ["--plan", planText],
                timeout: timeout)
            progress.show("run \(run)/\(lastRun): starting")
            let outcome: ChildProcess.Outcome
            do {
                outcome = try child.run { line in
                guard line.hasPrefix(Self.progressPrefix),
                    let event = try? JSONDecoder().decode(
                        KernelWorker.Progress.self, from: Data(line.dropFirst(Self.progressPrefix.count).utf8))
                else { return }
                    progress.show("run \(event.run)/\(lastRun)  \(event.workload)  \(event.variant)  \(event.phase) \(event.done)/\(event.total)")
                }
            } catch {
                throw HarnessError.workerFailed(run: run, status: -1, message: error.description)
            }
            let message = Self.lastMessage(outcome.errorTail)
            switch outcome.ending {
            case .timedOut:
                throw HarnessError.workerTimedOut(run: run, seconds: timeout)
            case let .signalled(signal):
                throw HarnessError.workerCrashed(run: run, signal: signal, message: message)
            case let .exited(status) where status != 0:
                throw HarnessError.workerFailed(run: run, status: status, message: message)
            case .exited:
                do {
                    reports.append(try decoder.decode(KernelWorkerReport.self, from: outcome.standardOutput))
                } catch {
                    throw HarnessError.unreadableReport(run: run, reason: "\(error)")
                }
            }
        }
        progress.finish()
        return reports
    }

    /// The worker's last message that is not a progress line, without the program's prefix.
    static func lastMessage(_ lines: [String]) -> String {
        guard let line = lines.last(where: { !$0.hasPrefix(progressPrefix) && !$0.isEmpty }) else { return "" }
        for prefix in ["qe-validate: error: ", "Error: "] where line.hasPrefix(prefix) {
            return String(line.dropFirst(prefix.count))
        }
        return line
    }
}

