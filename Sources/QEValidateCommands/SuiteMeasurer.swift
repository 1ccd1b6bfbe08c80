import Foundation
import QEBench
import QEFormats
import QEKernels
import QEResults

/// Measures the built-in kernels or two external commands, a few runs at a time, and keeps
/// everything measured so far as one results file (new runs are appended as more runs).
final class SuiteMeasurer {
    let options: MeasurementOptions
    let workloads: [String]
    let seed: UInt64
    private let environment: EnvironmentInfo
    private let createdAt = ISO8601Text.now()
    private let progress: ProgressDisplay
    private var reports: [KernelWorkerReport] = []
    private var commandTimings: [CommandBenchmark.Timings] = []

    init(options: MeasurementOptions, workloads: [String], seed: UInt64) {
        self.options = options
        self.workloads = workloads
        self.seed = seed
        self.environment = EnvironmentProbe.capture(
            command: CommandLine.arguments,
            kernelISA: options.baselineCmd == nil ? KernelISA.preferred.rawValue : nil)
        self.progress = ProgressDisplay(quiet: options.quiet)
    }

    /// Runs measured so far.
    var runsMeasured: Int {
        options.baselineCmd == nil ? reports.count : (commandTimings.first?.runs.count ?? 0)
    }

    /// Checks suite, workload and variant names before anything is started.
    func checkNames() throws {
        guard options.baselineCmd == nil else { return }
        _ = try KernelWorker.resolve(workloads: workloads, suite: options.suite)
        _ = try KernelWorker.resolve(variants: options.variantList)
    }

    /// Measures `runs` more runs and returns every run so far as a results file.
    func measure(runs: Int) throws -> ResultsFile {
        let firstRun = runsMeasured + 1
        if let baselineCmd = options.baselineCmd, let candidateCmd = options.candidateCmd {
            let benchmark = CommandBenchmark(
                variants: [.init(name: "baseline", command: baselineCmd), .init(name: "candidate", command: candidateCmd)],
                runs: runs, iterations: options.iterations, warmup: options.warmup, timeout: options.timeout)
            let new = try benchmark.run(progress: progress, warn: CommandFailure.warn)
            if commandTimings.isEmpty {
                commandTimings = new
            } else {
                for index in commandTimings.indices { commandTimings[index].runs += new[index].runs }
            }
            return ResultsAssembly.commands(
                timings: commandTimings, name: options.name, suite: suiteForCommands,
                environment: environment, createdAt: createdAt)
        }
        let plan = KernelWorkerPlan(
            suite: options.suite, workloads: workloads, variants: options.variantList,
            iterations: options.iterations, warmup: options.warmup, seed: seed, run: 0)
        let runner = KernelSuiteRunner(
            plan: plan, runs: runs, firstRun: firstRun, timeout: options.timeout,
            workerCommand: [RunCommand.ownExecutable(), "run-worker"])
        reports += try runner.run(progress: progress)
        return ResultsAssembly.kernels(reports: reports, suite: options.suite, environment: environment, createdAt: createdAt)
    }

    private var suiteForCommands: String {
        options.suite == "flash-attention" ? "external-commands" : options.suite
    }
}
