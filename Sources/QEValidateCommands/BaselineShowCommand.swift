import ArgumentParser
import Foundation
import QEResults
import QEValidation

/// `qe-validate baseline show FILE`: what a baseline holds and where it came from.
public struct BaselineShowCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Summarise a baseline: benchmarks, runs, medians with intervals, noise, provenance.",
        discussion: """
            FILE may be git:REV:PATH to show the baseline of a git revision.

            Examples:
              qe-validate baseline show baselines/flash-attention.json
              qe-validate baseline show git:origin/main:baselines/flash-attention.json --format markdown

            Exit codes: 0 shown; 64 usage; 65 invalid baseline; 66 missing or unreadable.
            """
    )

    @Argument(help: ArgumentHelp("Baseline file, or git:REV:PATH.", valueName: "file"))
    var file: String

    @Option(help: "Output format: text, markdown or json.")
    var format: OutputFormat = .text

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    public init() {}

    public func validate() throws {
        if format == .csv { throw ValidationError("baseline show writes text, markdown or json") }
    }

    public func run() throws {
        do {
            try OutputPathCheck.check(outputs: [output], inputs: [BaselineSource.filePath(file)])
            let source = try BaselineSource(argument: file)
            let summary = try BaselineSummary(baseline: try source.load(), path: source.label)
            let text: String
            switch format {
            case .text, .csv: text = summary.text()
            case .markdown: text = summary.markdown()
            case .json: text = try VerdictJSON.encode(summary)
            }
            try OutputDestination(path: output).write(text)
        } catch {
            throw CommandFailure.exitCode(for: error)
        }
    }
}
