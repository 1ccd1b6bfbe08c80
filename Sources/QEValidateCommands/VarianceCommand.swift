import ArgumentParser
import Foundation
import QEPresentation
import QEResults
import QEValidation

/// `qe-validate variance`: how much runs differ, whether that is real, and how to plan runs so
/// that it stops mattering (DESIGN §3, Kalibera & Jones 2013).
public struct VarianceCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "variance",
        abstract: "Run-to-run variance, for analysts: variance components, runs that stand out, drift, warm-up, planning.",
        discussion: """
            For every benchmark (name, variant) of each results file: runs and iterations; within-run \
            and between-run coefficients of variation and the share of the variance between runs \
            (Kalibera & Jones' T1² and T2²); a Kruskal–Wallis test that all runs come from one \
            distribution (as R's kruskal.test); the runs that stand out (a run median further from the \
            median of run medians, in robust deviations, than a cut-off calibrated for the number of \
            runs — 7.9 for 5 runs at 95% — and at least 1% away); drift within runs (seasonal Kendall \
            test, first versus last third); whether the warm-up looks sufficient (drift and slow-start \
            tests are Holm-adjusted over the benchmarks); \
            Kalibera & Jones' optimal iterations per run from the measured costs, and the runs needed \
            for a --confidence interval of the mean --target-width wide (2% is ±1%).

            With several files of one suite, each variant's time and each benchmark's speedup are \
            compared across files, run by run (one-way ANOVA of per-run log values grouped by file): \
            do the files differ more than the runs inside each file explain?

            Text output counts runs from 1 ("run 3 of 5"); --format json gives 0-based indexes. Other \
            tools' files are read as compare reads them (--input-format, --name-pattern, --variant); \
            where one file of a tool is one run (pytest-benchmark, hyperfine, Criterion), combine the \
            runs first: qe-validate import FORMAT FILE... --out results.json.

            Examples:
              qe-validate variance results.json
              qe-validate variance results.json --workload code-embedding --format json
              qe-validate variance run1.json run2.json
              qe-validate variance results.json --target-width 1% --run-overhead 1.2s
              qe-validate variance results.json --format csv --output variance.csv

            Exit codes: 0 analysed (whatever was found); 64 usage (bad option, unknown --workload); \
            65 invalid data; 66 missing or unreadable input; 73 output not writable.
            """
    )

    @Argument(help: ArgumentHelp("Results files (qe-validate/results@1, or other tools' output: see 'qe-validate import --help'); several files of one suite are also compared with each other.", valueName: "results"))
    var results: [String]

    @OptionGroup(title: "Input files")
    var input: ImportOptionGroup

    @Option(name: .customLong("workload"), help: ArgumentHelp("Only this benchmark name (repeatable; default: every benchmark).", valueName: "name"))
    var workloads: [String] = []

    @Option(help: ArgumentHelp("Relative width (high − low) ÷ mean of the interval to plan for, above 0% and at most 100%: 2% is ±1%.", valueName: "percent"))
    var targetWidth: PercentageArgument = .init(fraction: 0.02)

    @Option(help: "Confidence of the intervals and tests, strictly between 0.5 and 1.")
    var confidence: Double = 0.95

    @Option(help: ArgumentHelp("Time to start a run beyond its recorded warm-up (process start, set-up), e.g. 1.5s or 200ms; part of the cost of a new run.", valueName: "duration"))
    var runOverhead: RunOverheadArgument = .init(seconds: 0)

    @Option(help: "Baseline variant of the speedup compared between files.")
    var baselineVariant: String = "baseline"

    @Option(help: "Candidate variant of the speedup compared between files (default: flash, or the file's only other variant).")
    var candidateVariant: String?

    @OptionGroup(title: "Output")
    var output: OutputOptionGroup

    public init() {}

    public func validate() throws {
        guard !results.isEmpty else { throw ValidationError("give at least one results file") }
        try OptionRange.confidence.check(confidence)
        try OptionRange.targetWidth.check(targetWidth.fraction * 100, unit: "%")
        try OptionRange.runOverhead.check(runOverhead.seconds, unit: " s")
        try output.check(RunVarianceDocument.self, command: "variance")
    }

    public func run() async throws {
        do {
            try OutputPathCheck.check(outputs: [output.output], inputs: results)
            try output.write(try makeDocument())
        } catch {
            throw CommandFailure.exitCode(for: error)
        }
    }

    func makeDocument() throws -> RunVarianceDocument {
        // Every file is read (and validated) before anything is analysed or written.
        let importOptions = try input.importOptions()
        let files = try results.map { path in (path: path, file: try ResultsInput.load(path: path, options: importOptions)) }
        let options = RunVarianceOptions(
            confidence: confidence, targetWidth: targetWidth.fraction, runOverheadSeconds: runOverhead.seconds,
            baselineVariant: baselineVariant, candidateVariant: candidateVariant)
        var document = try RunVarianceDocument(files: files, workloads: workloads, options: options)
        document.warnings += files.flatMap { ResultsInput.warnings(for: $0.file, path: $0.path) }
        return document
    }
}
