import ArgumentParser

/// `qe-validate baseline`: record and inspect committed baselines.
public struct BaselineCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Record a results file as a committed baseline, or show one.",
        discussion: """
            A baseline is a results file (raw samples kept) with its provenance: when it was \
            recorded, from which results, at which git commit, and who signed it off. It stays \
            a valid results file, so compare and --claim --results read it as it is.

            Examples:
              qe-validate baseline update results.json --to baselines/flash-attention.json --signed-off-by "Ada <ada@example.org>"
              qe-validate baseline show baselines/flash-attention.json
              qe-validate baseline show git:origin/main:baselines/flash-attention.json
            """,
        subcommands: [BaselineUpdateCommand.self, BaselineShowCommand.self]
    )

    public init() {}
}
