import ArgumentParser
import Foundation
import QEBench
import QEKernels
import QEResults

/// `qe-validate run`: time the built-in kernels, or two external commands, into a results file.
public struct RunCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Time the built-in attention kernels (or two external commands) into a results file.",
        discussion: """
            Each run is a separate worker process, so run-to-run variation is in the data. Inputs \
            are made (seeded) before timing; the variants' outputs are checked to agree first; each \
            variant is warmed up; variants are interleaved, alternating their order every iteration, \
            so that drift hits them alike. Times are per iteration, in nanoseconds, from a \
            monotonic clock. The results file records the environment and this exact command.

            With --baseline-cmd and --candidate-cmd, whole commands are timed the same way (each \
            invocation a new process through /bin/sh), as benchmark 'command' (or --name) with \
            variants 'baseline' and 'candidate'.

            Examples:
              qe-validate run --out results.json
              qe-validate run --workload test-similarity --runs 3 --iterations 20 --out quick.json
              qe-validate run --baseline-cmd 'node bench-old.js' --candidate-cmd 'node bench-new.js' --name sort --out js.json

            Results go to --out (written atomically) or standard output; progress to standard \
            error on a terminal. Exit codes: 0 done; 64 usage; 65 outputs disagree or a command \
            failed; 70 a worker crashed or timed out; 73 output not writable.
            """
    )

    @Option(help: "Suite of built-in kernels.")
    var suite: String = WorkloadCatalogue.defaultSuite

    @Option(name: .customLong("workload"), help: "A workload to run (repeatable; default: every workload of the suite).")
    var workloads: [String] = []

    @Option(help: "Variants to time, comma-separated; the first is the reference the others must agree with.")
    var variants: String = KernelVariant.allCases.map(\.rawValue).joined(separator: ",")

    @Option(help: "Runs (separate processes).")
    var runs: Int = 5

    @Option(help: "Timed iterations per variant per run.")
    var iterations: Int = 30

    @Option(help: "Warm-up iterations per variant per run (not part of the samples).")
    var warmup: Int = 3

    @Option(help: "Seed of the inputs.")
    var seed: UInt64 = 1

    @Option(help: "Seconds a worker run (or one external command) may take before it is stopped.")
    var timeout: Double = 600

    @Option(help: "Write the results file here (atomically) instead of standard output.")
    var out: String?

    @Option(help: "External command to time as the baseline.")
    var baselineCmd: String?

    @Option(help: "External command to time as the candidate.")
    var candidateCmd: String?

    @Option(help: "Benchmark name for external commands.")
    var name: String = "command"

    @Flag(help: "No progress on standard error.")
    var quiet = false

    public init() {}

    public func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1 (got \(runs))") }
        guard iterations >= 1 else { throw ValidationError("--iterations must be at least 1 (got \(iterations))") }
        guard warmup >= 0 else { throw ValidationError("--warmup cannot be negative (got \(warmup))") }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive (got \(timeout))") }
        guard (baselineCmd == nil) == (candidateCmd == nil) else {
            throw ValidationError("give both --baseline-cmd and --candidate-cmd, or neither")
        }
        if baselineCmd != nil, !workloads.isEmpty {
            throw ValidationError("--workload selects built-in kernels; it cannot be combined with --baseline-cmd")
        }
        guard !variantList.isEmpty else { throw ValidationError("--variants needs at least one variant") }
        if Set(variantList).count != variantList.count {
            throw ValidationError("--variants lists a variant twice")
        }
    }

    var variantList: [String] {
        variants.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    public func run() throws {
        do {
            let results = try measure()
            let destination = out ?? "-"
            if destination == "-" {
                FileHandle.standardOutput.write(Data(results.jsonBytes()))
            } else {
                try results.write(to: destination)
            }
        } catch {
            throw CommandFailure.exitCode(for: error)
        }
    }

    /// Times what the options ask for and returns the results file (not yet written).
    func measure() throws -> ResultsFile {
        let progress = ProgressDisplay(quiet: quiet)
        let createdAt = Timestamp.now()
        let environment = EnvironmentProbe.capture(command: CommandLine.arguments)
        if let baselineCmd, let candidateCmd {
            let benchmark = CommandBenchmark(
                variants: [.init(name: "baseline", command: baselineCmd), .init(name: "candidate", command: candidateCmd)],
                runs: runs, iterations: iterations, warmup: warmup, timeout: timeout)
            let timings = try benchmark.run(progress: progress)
            return ResultsAssembly.commands(
                timings: timings, name: name, suite: suite == WorkloadCatalogue.defaultSuite ? "external-commands" : suite,
                environment: environment, createdAt: createdAt)
        }
        let plan = KernelWorkerPlan(
            suite: suite, workloads: workloads, variants: variantList,
            iterations: iterations, warmup: warmup, seed: seed, run: 0)
        // Check names here, before starting any process, so a typo is a usage error at once.
        _ = try KernelWorker.resolve(workloads: workloads, suite: suite)
        _ = try KernelWorker.resolve(variants: variantList)
        let runner = KernelSuiteRunner(plan: plan, runs: runs, timeout: timeout, workerCommand: [Self.ownExecutable(), "run-worker"])
        let reports = try runner.run(progress: progress)
        return ResultsAssembly.kernels(reports: reports, suite: suite, environment: environment, createdAt: createdAt)
    }

    /// This program's own executable, to start workers with.
    static func ownExecutable() -> String {
        let link = "/proc/self/exe"
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: link) { return resolved }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }
}
