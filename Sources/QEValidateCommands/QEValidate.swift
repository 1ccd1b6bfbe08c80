import ArgumentParser

/// The root command: `qe-validate`.
public struct QEValidate: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "qe-validate",
        abstract: "Judge performance claims with statistics you can defend.",
        subcommands: [
            ValidateCommand.self, CompareCommand.self, RunCommand.self, ImportCommand.self, RunWorkerCommand.self,
            GateCommand.self, BaselineCommand.self, GateCalibrationCommand.self,
            VarianceCommand.self,
        ],
        defaultSubcommand: ValidateCommand.self
    )

    public init() {}
}
