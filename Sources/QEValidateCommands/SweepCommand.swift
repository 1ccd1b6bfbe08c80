import ArgumentParser
import Foundation
import QEBench
import QEFormats
import QEKernels
import QEPresentation
import QEResults
import QEValidation

/// `qe-validate sweep`: where does a speedup hold, and how does cost grow? Measures the
/// built-in kernels or external commands over a grid of parameter values (or reads such a
/// measurement), then judges every point, finds the crossover and fits the growth.
public struct SweepCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Measure over a grid of sizes: the speedup at each point, where a claim starts to hold, how cost grows.",
        discussion: """
            Every point of the grid (the cross product of the --parameter values) is measured as \
            'run' measures: for the built-in kernels one worker process per run, inputs made \
            outside the timed region, outputs checked to agree, variants warmed up and \
            interleaved; for commands, each {NAME} replaced by the point's value, every \
            invocation a new process. The points are visited round by round (one run of each \
            point per round) in a seeded shuffled order, so a drift of the machine in time does \
            not pass for a trend in size. The results file (--out) holds one benchmark per point \
            and variant, with its parameters.

            Judged at each point: the speedup interval (baseline time ÷ candidate time) and, with \
            --claim, its verdict. Along the swept parameter (--along; default the first \
            numeric --parameter with two or more values, or for --results the numeric parameter \
            with the most values): the crossover, the smallest measured value from \
            which the claim holds (or, without a claim, the candidate is faster) at every larger \
            measured value, found by a fixed-sequence walk down from the largest value; with \
            several slices (other parameters) the intervals are Bonferroni-corrected over them. \
            For each variant and numeric parameter with three or more values: time ≈ a + b·nᵏ \
            with an interval for k (bootstrap over runs, --replicates resamples), the same for each memory figure, and \
            the lowest common class (1, n, n log n, n², n³) whose model with its lower-order terms \
            (n² is a + c·n + b·n²) fits as well as the power law with b confidently positive.

            --workload custom takes --parameter seqLen=… and --parameter dim=… (any positive \
            sizes); a catalogue workload takes its own shape where a parameter is not given. \
            The memory a point needs is checked against the machine's before anything runs.

            Examples:
              qe-validate sweep --workload custom --parameter seqLen=512,1024,2048,4096,8192 --parameter dim=64 --claim 1.2x --out sweep.json
              qe-validate sweep --workload code-embedding --parameter seqLen=256,1024,4096 --runs 3
              qe-validate sweep --command 'sort -n data/{n}.txt' --parameter n=1000,10000,100000,1000000 --format json
              qe-validate sweep --baseline-cmd 'python old.py {n}' --candidate-cmd 'python new.py {n}' --parameter n=10,100,1000
              qe-validate sweep --results sweep.json --claim 1.2x --format markdown --output sweep.md --plot sweep.svg

            Exit codes: 0 judged (with --claim: the claim holds from some measured value on); \
            1 with --claim, the claim holds nowhere in the measured range; 64 usage (bad \
            --parameter, a parameter in no command, a point that needs more memory than the \
            machine has, unknown workload or variant); 65 invalid data, not a sweep, outputs \
            disagree or a command failed; 66 --results missing or unreadable; 70 a worker \
            crashed or timed out; 73 output not writable. The results file and the output are \
            written before a non-zero exit.
            """
    )

    @Option(name: .customLong("parameter"), help: ArgumentHelp(
        "A parameter and its values, NAME=V1,V2,… (repeatable; the points are every combination).", valueName: "name=values"))
    var parameters: [String] = []

    @Option(help: ArgumentHelp("Built-in kernels to sweep: 'custom' (seqLen and dim from --parameter) or a catalogue workload.", valueName: "workload"))
    var workload: String?

    @Option(help: ArgumentHelp("One command to time at every point, with {NAME} where a parameter's value goes (no comparison: growth only).", valueName: "command"))
    var command: String?

    @Option(help: ArgumentHelp("Judge this sweep's results file instead of measuring.", valueName: "file"))
    var results: String?

    @OptionGroup(title: "Measuring")
    var measurement: MeasurementOptions

    @Option(help: ArgumentHelp("Write the measured results file here (atomically).", valueName: "file"))
    var out: String?

    @Option(help: "The claimed speedup, judged at every point, e.g. 1.2x or 2x-4x.")
    var claim: String?

    @Option(help: ArgumentHelp(
        "The parameter the crossover is found along (default: the first numeric --parameter with two or more values; with --results, the numeric parameter with the most values).",
        valueName: "name"))
    var along: String?

    @Option(help: "Baseline variant.")
    var baselineVariant: String = "baseline"

    @Option(help: "Candidate variant (default: flash, or the only other variant).")
    var candidateVariant: String?

    @Option(help: "auto, paired-runs, hierarchical-bootstrap or hodges-lehmann.")
    var method: ComparisonMethod = .auto

    @OptionGroup(title: "Statistics")
    var statistics: StatisticsOptionGroup

    @OptionGroup(title: "Output")
    var output: OutputOptionGroup

    @Option(help: ArgumentHelp(
        "Also write the log-log plot of time and working set against the swept parameter, with every run and the fitted curves, here (SVG, atomically).",
        valueName: "file"))
    var plot: String?

    public init() {}

    public func validate() throws {
        let sources = [workload != nil, command != nil, measurement.baselineCmd != nil, results != nil].filter { $0 }.count
        guard sources == 1 else {
            throw ValidationError("give one of --workload, --command, --baseline-cmd with --candidate-cmd, or --results")
        }
        if results != nil {
            guard parameters.isEmpty else { throw ValidationError("--parameter describes a sweep to measure; --results reads one already measured") }
            guard out == nil else { throw ValidationError("--out writes what a sweep measures; with --results nothing is measured") }
        } else {
            do {
                _ = try grid()
            } catch let error as SweepPlanError {
                throw ValidationError(error.description)
            }
        }
        if let claim {
            do {
                _ = try ClaimParser.parseRange(claim)
            } catch {
                throw ValidationError(error.description)
            }
        }
        try output.check(SweepDocument.self, command: "sweep")
    }

    public func run() async throws {
        let document: SweepDocument
        do {
            // Before anything is measured or read: no output may be an input or another output.
            try OutputPathCheck.check(outputs: [output.output, out, plot], inputs: [results])
            let (file, path) = try resultsFile()
            var judged = try SweepJudge(options: try options()).judge(file: file, path: path)
            if results != nil { judged.warnings += ResultsInput.warnings(for: file, path: path) }
            document = judged
            try output.write(document)
            if let plot {
                guard let svg = SweepPlot(document: document).svg() else {
                    throw SweepError.notASweep("nothing to plot: no parameter has three or more sizes to fit")
                }
                try OutputDestination(path: plot).write(svg)
            }
        } catch {
            throw CommandFailure.exitCode(for: error)
        }
        if document.claim != nil, document.candidateVariant != nil, document.crossover == nil { throw ExitStatus.refutedOrRegression.exitCode }
    }

    /// The sweep to judge: read from --results, or measured (and written to --out first).
    func resultsFile() throws -> (ResultsFile, String) {
        if let results {
            return (try ResultsInput.load(path: results, options: ImportOptions()), results)
        }
        let file = try measure()
        if let out { try file.write(to: out) }
        return (file, out ?? "the measured sweep")
    }

    /// Measures the grid as the options ask and returns the results file (not yet written).
    func measure() throws -> ResultsFile {
        let grid = try grid()
        let progress = ProgressDisplay(quiet: measurement.quiet)
        let createdAt = ISO8601Text.now()
        if let workload {
            let plan = try KernelSweepPlan(workload: workload, suite: measurement.suite, grid: grid)
            let variants = try KernelWorker.resolve(variants: measurement.variantList)
            try plan.checkMemory(variants: variants, machine: MachineMemory.current())
            let environment = EnvironmentProbe.capture(command: CommandLine.arguments, kernelISA: KernelISA.preferred.rawValue)
            let runner = KernelSweepRunner(
                plan: plan, suite: measurement.suite, variants: measurement.variantList, runs: measurement.runs,
                iterations: measurement.iterations, warmup: measurement.warmup, inputSeed: statistics.seed,
                orderSeed: statistics.seed, timeout: measurement.timeout, workerCommand: [RunCommand.ownExecutable(), "run-worker"])
            return try runner.run(progress: progress, environment: environment, createdAt: createdAt)
        }
        let templates: [CommandSweepRunner.Template]
        if let command {
            templates = [.init(variant: "command", command: command)]
        } else {
            templates = [
                .init(variant: "baseline", command: measurement.baselineCmd ?? ""),
                .init(variant: "candidate", command: measurement.candidateCmd ?? ""),
            ]
        }
        let runner = try CommandSweepRunner(
            grid: grid, templates: templates, name: measurement.name, runs: measurement.runs, iterations: measurement.iterations,
            warmup: measurement.warmup, orderSeed: statistics.seed, timeout: measurement.timeout)
        let environment = EnvironmentProbe.capture(command: CommandLine.arguments, kernelISA: nil)
        return try runner.run(progress: progress, environment: environment, createdAt: createdAt)
    }

    /// The grid of `--parameter`s, with the placeholders checked for command sweeps.
    /// - Throws: `SweepPlanError`.
    func grid() throws -> ParameterGrid {
        let grid = try ParameterGrid(try parameters.map(SweepParameter.parse))
        if workload == nil {
            let commands = [command, measurement.baselineCmd, measurement.candidateCmd].compactMap { $0 }
            _ = try CommandSweepRunner(
                grid: grid, templates: commands.map { .init(variant: "", command: $0) }, name: "", runs: 1, iterations: 1,
                warmup: 0, orderSeed: 0, timeout: 1)
        }
        return grid
    }

    /// When measuring: the first `--parameter` with two or more numeric values, the one the
    /// command line puts first; nil for `--results` (the judge's default then decides).
    func firstVaryingParameter() -> String? {
        guard results == nil else { return nil }
        return (try? parameters.map(SweepParameter.parse))?
            .first { $0.values.count >= 2 && $0.values.allSatisfy { $0.numberValue != nil } }?.name
    }

    func options() throws -> SweepOptions {
        SweepOptions(
            claim: try claim.map { try ClaimParser.parseRange($0) }, confidence: statistics.confidence, method: method,
            seed: statistics.seed, bootstrapReplicates: statistics.replicates, baselineVariant: baselineVariant,
            candidateVariant: candidateVariant, along: along ?? firstVaryingParameter(),
            scalingReplicates: statistics.replicates)
    }
}
