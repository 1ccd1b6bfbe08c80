import ArgumentParser
import Foundation
import QEPresentation
import QEResults
import QEValidation

/// `qe-validate compare`: the statistics of a baseline against a candidate, without a claim.
public struct CompareCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare a baseline with a candidate: speedup with its interval, rank test, summaries.",
        discussion: """
            With one results file, each benchmark's baseline variant is compared with its candidate \
            variant. With two, the first file is the baseline set and the second the candidate set, \
            matched by (name, variant).

            The speedup is baseline time ÷ candidate time (above 1: the candidate is faster). With \
            --method auto it is chosen as --claim chooses it: paired runs (a t interval on the per-run \
            log speedups) when run k of both variants came from the same process and there are 3 or \
            more runs — one file, as 'qe-validate run' writes them; the hierarchical bootstrap (runs, \
            then iterations within runs; Kalibera & Jones 2013) when both sides have 3 or more runs \
            that are not paired (two files); otherwise the Hodges–Lehmann estimate on log times with \
            the Bauer interval, as R's wilcox.test(log(b), log(c), conf.int = TRUE). Every output \
            says which was used.

            Examples:
              qe-validate compare results.json
              qe-validate compare results.json --baseline-variant naive --candidate-variant tiled
              qe-validate compare main.json branch.json --format json --output verdict.json
              qe-validate compare results.json --method hodges-lehmann --confidence 0.99

            Exit codes: 0 compared; 64 usage; 65 invalid data; 66 missing or unreadable input; \
            73 output not writable.
            """
    )

    @Argument(help: ArgumentHelp("Results file (qe-validate/results@1), or another tool's output (see 'qe-validate import --help').", valueName: "results"))
    var results: String

    @Argument(help: ArgumentHelp("Second results file: the candidate set, compared with the first.", valueName: "other"))
    var other: String?

    @OptionGroup(title: "Input files")
    var input: ImportOptionGroup

    @Option(help: "Baseline variant (default: baseline; with two files: every variant of the first file).")
    var baselineVariant: String?

    @Option(help: "Candidate variant (default: flash, or the file's only other variant, such as 'candidate' from 'run --candidate-cmd'; with two files: the same variant as the baseline).")
    var candidateVariant: String?

    @Option(help: "How to compute the speedup interval: auto, hodges-lehmann, hierarchical-bootstrap or paired-runs (t on per-run log speedups; runs of one file).")
    var method: ComparisonMethod = .auto

    @OptionGroup(title: "Statistics")
    var statistics: StatisticsOptionGroup

    @OptionGroup(title: "Output")
    var output: OutputOptionGroup

    public init() {}

    public func validate() throws {
        try output.check(ComparisonDocument.self, command: "compare")
    }

    public func run() async throws {
        do {
            try OutputPathCheck.check(outputs: [output.output], inputs: [results, other])
            try output.write(try makeDocument())
        } catch {
            throw CommandFailure.exitCode(for: error)
        }
    }

    func makeDocument() throws -> ComparisonDocument {
        let options = ComparisonOptions(
            confidence: statistics.confidence, method: method, seed: statistics.seed, bootstrapReplicates: statistics.replicates)
        let importOptions = try input.importOptions()
        let files = try ([results] + (other.map { [$0] } ?? [])).map { path in
            (path: path, file: try ResultsInput.load(path: path, options: importOptions))
        }
        let plan = try ComparisonPlan(files: files, baselineVariant: baselineVariant, candidateVariant: candidateVariant)
        var document = try ComparisonDocument(plan: plan, options: options)
        document.warnings += files.flatMap { ResultsInput.warnings(for: $0.file, path: $0.path) }
        return document
    }
}
