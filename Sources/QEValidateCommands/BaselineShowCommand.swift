import ArgumentParser
import Foundation
import QEPresentation
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

    @OptionGroup(title: "Output")
    var output: OutputOptionGroup

    public init() {}

    public func validate() throws {
        try output.check(BaselineSummary.self, command: "baseline show")
    }

    public func run() throws {
        do {
            try OutputPathCheck.check(outputs: [output.output], inputs: [BaselineSource.filePath(file)])
            let source = try BaselineSource(argument: file)
            try output.write(try BaselineSummary(baseline: try source.load(), path: source.label))
        } catch {
            throw CommandFailure.exitCode(for: error)
        }
    }
}
