import QEBench

/// The command that reproduces a report byte for byte: `qe-validate` and the arguments the
/// report command was given, as given — every option that shapes the report is there because
/// the user gave it, and a default stays a default — with the report's date pinned by `--date`
/// (replacing one given), since the date is part of the report.
enum ReproducingCommand {
    /// Shell-quoted, ready to paste.
    static func text(arguments: [String], date: String) -> String {
        var kept: [String] = []
        var skipValue = false
        for argument in arguments {
            if skipValue {
                skipValue = false
            } else if argument == "--date" {
                skipValue = true
            } else if !argument.hasPrefix("--date=") {
                kept.append(argument)
            }
        }
        return ShellQuoting.join(["qe-validate"] + kept + ["--date", date])
    }
}
