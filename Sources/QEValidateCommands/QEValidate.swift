import ArgumentParser

/// The root command: `qe-validate`.
public struct QEValidate: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "qe-validate",
        abstract: "Judge performance claims with statistics you can defend.",
        subcommands: [
            ValidateCommand.self, CompareCommand.self, RunCommand.self, GateCommand.self, BaselineCommand.self,
            VarianceCommand.self, SweepCommand.self, ImportCommand.self, ReportCommand.self, KeygenCommand.self, VerifyCommand.self,
            HistoryCommand.self, BisectCommand.self, RunWorkerCommand.self, GateCalibrationCommand.self,
        ],
        defaultSubcommand: ValidateCommand.self
    )

    public init() {}
}
