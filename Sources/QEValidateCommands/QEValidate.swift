import ArgumentParser

/// The root command: `qe-validate`.
public struct QEValidate: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "qe-validate",
        abstract: "Judge performance claims with statistics you can defend.",
        subcommands: [CompareCommand.self, RunCommand.self, RunWorkerCommand.self, ImportCommand.self]
    )

    public init() {}
}
