import ArgumentParser
import Foundation
import QEBench
import QEFormats
import QEResults
import QEValidation

/// `qe-validate baseline update RESULTS --to FILE`: adopt a results file as the baseline.
public struct BaselineUpdateCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Record a results file as the baseline (atomically; an old baseline is replaced only by a valid new one).",
        discussion: """
            The results are read and validated, the provenance is added (the time now, the \
            results file, the git commit of the measured code — the results' own, or this \
            repository's HEAD — and --signed-off-by), and the baseline is written to a \
            temporary file beside the target, flushed, and renamed over it. If anything fails \
            the old baseline is left exactly as it was.

            Examples:
              qe-validate run --out results.json
              qe-validate baseline update results.json --to baselines/flash-attention.json --signed-off-by "Ada <ada@example.org>"

            Exit codes: 0 written; 64 usage (a malformed --signed-off-by); 65 invalid results; \
            66 results missing; 73 the baseline cannot be written.
            """
    )

    @Argument(help: ArgumentHelp("Results file (qe-validate/results@1) to adopt.", valueName: "results"))
    var results: String

    @Option(help: ArgumentHelp("The baseline file to write, e.g. baselines/flash-attention.json.", valueName: "file"))
    var to: String

    @Option(help: ArgumentHelp("Who signs the baseline off, as 'Name <email>'.", valueName: "name-and-email"))
    var signedOffBy: String?

    @Flag(help: "Print nothing on success.")
    var quiet = false

    @OptionGroup(title: "Adopting another tool's results")
    var input: ImportOptionGroup

    public init() {}

    public func validate() throws {
        if let signedOffBy { try SignOffArgument.check(signedOffBy) }
        guard !to.isEmpty, !to.hasSuffix("/") else {
            throw ValidationError("--to needs a file name, for example baselines/flash-attention.json")
        }
    }

    public func run() throws {
        do {
            try OutputPathCheck.check(outputs: [to], inputs: [results])
            let file = try ResultsInput.load(path: results, options: try input.importOptions())
            let provenance = BaselineProvenance(
                recordedAt: ISO8601Text.now(), signedOffBy: signedOffBy,
                gitCommit: file.environment.gitCommit ?? Self.repositoryHead(),
                source: results, command: ShellQuoting.join(["qe-validate"] + CommandLine.arguments.dropFirst()))
            for warning in BaselineAdvice.warnings(for: file) + ResultsInput.warnings(for: file, path: results) {
                CommandFailure.warn(warning.hasPrefix(results) ? warning : "\(results): \(warning)")
            }
            try BaselineFile(results: file, provenance: provenance).write(to: to)
            if !quiet {
                let count = file.benchmarks.count
                print("wrote \(to): \(count) benchmark\(count == 1 ? "" : "s") from \(results), recorded \(provenance.recordedAt)"
                      + (signedOffBy.map { ", signed off by \($0)" } ?? ", not signed off"))
            }
        } catch {
            throw CommandFailure.exitCode(for: error)
        }
    }

    /// `git rev-parse HEAD` of the current directory, when it is a git checkout.
    static func repositoryHead() -> String? {
        let git = ChildProcess(executable: "/usr/bin/env", arguments: ["git", "rev-parse", "HEAD"], timeout: 10)
        guard let outcome = try? git.run(), outcome.ending == .exited(0) else { return nil }
        let commit = String(decoding: outcome.standardOutput, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return commit.isEmpty ? nil : commit
    }
}
