import ArgumentParser
import Foundation
import QEKernels
import QEPresentation
import QEResults
import QEValidation

/// `qe-validate --claim RANGE` (also `qe-validate validate --claim RANGE`): judge a claimed
/// speedup, on the built-in suite measured here or on results files.
public struct ValidateCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Judge a claimed speedup: holds, exceeds, refuted or inconclusive, per workload and overall.",
        discussion: """
            Without --results, the built-in kernels are measured first (the options of 'run'), \
            then judged. With --results, the files are judged; several files of one suite are \
            pooled as more runs of the same benchmarks.

            Claims: 2.49x-7.47x, 2.49-7.47, 3x (at least 3), >=2.49x; NAME=RANGE for one \
            workload (repeat --claim); --claims builtin for the catalogue's own claims; \
            --claims FILE (JSON or YAML: workload names or 'default' mapped to ranges).

            Per workload, with the speedup interval [L, U] (simultaneous over the judged \
            workloads, Bonferroni): holds when L reaches the claimed minimum, exceeds when L is \
            above the claimed maximum, refuted when U is below the claimed minimum, inconclusive \
            otherwise (with an estimate of the runs that would decide). Overall: validated, \
            not-validated, inconclusive.

            --method auto uses paired runs (t on per-run log speedups) when run k of both \
            variants came from the same process and there are 3 or more runs, the hierarchical \
            bootstrap for 3 or more unpaired runs, Hodges–Lehmann otherwise.

            --until-decided keeps adding runs (measuring only) until every workload is decided \
            or the budget is spent. Look j spends α·6/(π²j²) of the error rate, so the family \
            error rate stays at most α however many looks are taken.

            Examples:
              qe-validate --claim 2.49x-7.47x
              qe-validate --claims builtin --memory-claim 50%-75%
              qe-validate --claim 3x --results run1.json run2.json --format json --output verdict.json
              qe-validate --claim 2x --claim coverage-analysis=50x-100x --until-decided --budget 5m
              qe-validate --claim 1.5x --baseline-cmd 'node old.js' --candidate-cmd 'node new.js'

            Exit codes: 0 validated; 1 not validated; 3 inconclusive; 64 usage (including a \
            malformed claim); 65 invalid data; 66 missing input; 70 a measurement failed; 73 \
            output not writable. The verdict is written before a non-zero exit.
            """
    )

    @Option(name: .customLong("results"), parsing: .upToNextOption, help: "Results files to judge (several: pooled as runs).")
    var resultsFiles: [String] = []

    @Flag(help: "Keep adding runs until every workload is decided or the budget is spent (measuring only).")
    var untilDecided = false

    @Option(help: "Time budget for --until-decided, e.g. 90s, 10m, 1h; at most a week.")
    var budget: DurationArgument = DurationArgument(seconds: 600)

    @Option(help: "Also write the measured results file here (atomically).")
    var saveResults: String?

    @OptionGroup(title: "Output")
    var output: OutputOptionGroup

    @OptionGroup(title: "The claim")
    var claim: ClaimOptionGroup

    @OptionGroup(title: "Reading other tools' files (with --results)")
    var input: ImportOptionGroup

    @OptionGroup(title: "Measuring (without --results)")
    var measurement: MeasurementOptions

    public init() {}

    public func validate() throws {
        try OptionRange.budget.check(budget.seconds, unit: " s")
        if untilDecided && !resultsFiles.isEmpty {
            throw ValidationError("--until-decided measures more runs, so it cannot be combined with --results")
        }
        if measurement.baselineCmd != nil && !resultsFiles.isEmpty {
            throw ValidationError("--baseline-cmd measures commands; it cannot be combined with --results")
        }
        try output.check(ClaimDocument.self, command: "--claim")
        if saveResults == "-" {
            throw ValidationError("--save-results needs a file: standard output carries the verdict")
        }
    }

    public func run() throws {
        let document: ClaimDocument
        do {
            try OutputPathCheck.check(outputs: [output.output, saveResults], inputs: resultsFiles + [claim.claimsFile])
            document = try judge()
            try output.write(document)
        } catch {
            throw CommandFailure.exitCode(for: error)
        }
        let status = ExitStatus(document.verdict)
        if status != .success { throw status.exitCode }
    }

    func judge() throws -> ClaimDocument {
        let options = try claim.claimOptions()
        if !resultsFiles.isEmpty {
            let importOptions = try input.importOptions()
            var sources: [ResultsPool.Source] = []
            var inputWarnings: [String] = []
            for path in resultsFiles {
                let file = try ResultsInput.load(path: path, options: importOptions)
                sources.append(.init(path: path, file: file))
                inputWarnings += ResultsInput.warnings(for: file, path: path)
            }
            let pool = try ResultsPool(sources)
            var document = try ClaimJudge(claims: try claim.claimSet(suite: pool.suite), options: options).judge(pool: pool)
            document.warnings += inputWarnings
            return document
        }
        let judge = ClaimJudge(claims: try claim.claimSet(suite: measurement.suite), options: options)
        let measurer = SuiteMeasurer(options: measurement, workloads: claim.workload, seed: claim.statistics.seed)
        try measurer.checkNames()
        let start = Date()
        var look = 1
        var results = try measurer.measure(runs: measurement.runs)
        while true {
            try saveResults.map { try results.write(to: $0) }
            let alpha = SequentialDesign.alpha(look: look, family: 1 - claim.statistics.confidence)
            var document = try judge.judge(
                pool: try ResultsPool([.init(path: "(measured here)", file: results)]), familyAlpha: untilDecided ? alpha : nil)
            guard untilDecided else { return document }
            switch SequentialDesign.decision(
                after: document, look: look, alpha: alpha, elapsedSeconds: Date().timeIntervalSince(start),
                runsMeasured: measurer.runsMeasured, defaultRuns: measurement.runs, budgetSeconds: budget.seconds) {
            case let .stop(sequential):
                document.sequential = sequential
                return document
            case let .measure(runs):
                look += 1
                results = try measurer.measure(runs: runs)
            }
        }
    }
}
