import ArgumentParser
import Foundation
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
            --method auto it comes from the hierarchical bootstrap (runs, then iterations within runs; \
            Kalibera & Jones 2013) when both sides have 3 or more runs, and otherwise from the \
            Hodges–Lehmann estimate on log times with the Bauer interval, as R's \
            wilcox.test(log(b), log(c), conf.int = TRUE). Every output says which was used.

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

    @Option(help: "Confidence of every interval, between 0 and 1.")
    var confidence: Double = 0.95

    @Option(help: "Seed of the bootstrap: the same seed gives the same answer on every machine.")
    var seed: UInt64 = ComparisonOptions.defaultSeed

    @Option(help: "Bootstrap replicates.")
    var replicates: Int = ComparisonOptions.defaultReplicates

    @Option(help: "Output format: text, markdown, json or csv.")
    var format: OutputFormat = .text

    @Option(name: .shortAndLong, help: "Write the output to this file (atomically) instead of standard output.")
    var output: String?

    public init() {}

    public func validate() throws {
        guard confidence > 0, confidence < 1 else {
            throw ValidationError("--confidence must be strictly between 0 and 1, for example 0.95 (got \(confidence))")
        }
        guard replicates >= 100 else {
            throw ValidationError("--replicates must be at least 100 (got \(replicates))")
        }
    }

    public func run() async throws {
        do {
            try OutputPathCheck.check(outputs: [output], inputs: [results, other])
            let document = try makeDocument()
            try OutputDestination(path: output).write(render(document))
        } catch {
            throw CommandFailure.exitCode(for: error)
        }
    }

    func makeDocument() throws -> ComparisonDocument {
        let options = ComparisonOptions(confidence: confidence, method: method, seed: seed, bootstrapReplicates: replicates)
        let importOptions = try input.importOptions()
        let first = try ResultsInput.load(path: results, options: importOptions)
        var inputWarnings = ResultsInput.warnings(for: first, path: results)
        let plan: ComparisonPlan
        let inputs: [ComparisonDocument.Input]
        if let other {
            let second = try ResultsInput.load(path: other, options: importOptions)
            inputWarnings += ResultsInput.warnings(for: second, path: other)
            plan = try ComparisonPlan(
                baseline: first, baselinePath: results, candidate: second, candidatePath: other,
                baselineVariant: baselineVariant, candidateVariant: candidateVariant)
            inputs = [
                .init(path: results, role: "baseline", suite: first.suite),
                .init(path: other, role: "candidate", suite: second.suite),
            ]
        } else {
            plan = try ComparisonPlan(
                file: first, path: results,
                baselineVariant: baselineVariant ?? "baseline",
                candidateVariant: candidateVariant ?? ComparisonPlan.defaultCandidateVariant(in: first, baseline: baselineVariant ?? "baseline"))
            inputs = [.init(path: results, role: "both", suite: first.suite)]
        }
        var document = try ComparisonDocument(plan: plan, inputs: inputs, options: options)
        document.warnings += inputWarnings
        return document
    }

    func render(_ document: ComparisonDocument) throws -> String {
        switch format {
        case .text: return ComparisonTextRenderer().render(document)
        case .markdown: return ComparisonMarkdownRenderer().render(document)
        case .csv: return ComparisonCSVRenderer().render(document)
        case .json: return try VerdictJSON.encode(document)
        }
    }
}

extension ComparisonMethod: ExpressibleByArgument {}
