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

    @Option(name: .customLong("workload"), help: "A workload to run (repeatable; default: every workload of the suite).")
    var workloads: [String] = []

    @Option(help: "Seed of the inputs.")
    var seed: UInt64 = 1

    @Option(help: "Write the results file here (atomically) instead of standard output.")
    var out: String?

    @OptionGroup
    var measurement: MeasurementOptions

    public init() {}

    public func validate() throws {
        if measurement.baselineCmd != nil, !workloads.isEmpty {
            throw ValidationError("--workload selects built-in kernels; it cannot be combined with --baseline-cmd")
        }
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
        let measurer = SuiteMeasurer(options: measurement, workloads: workloads, seed: seed)
        // Check names here, before starting any process, so a typo is a usage error at once.
        try measurer.checkNames()
        return try measurer.measure(runs: measurement.runs)
    }

    /// This program's own executable, to start workers with.
    static func ownExecutable() -> String {
        let link = "/proc/self/exe"
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: link) { return resolved }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }
}
