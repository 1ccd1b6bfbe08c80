import ArgumentParser
import QEValidation

/// What `bisect` builds and measures in each commit's worktree: `--bench` or `--command`,
/// `--benchmark`, `--clock` and `--build`.
struct BisectMeasurementOptionGroup: ParsableArguments {
    @Option(help: ArgumentHelp(
        "A command that writes a results file to {out} (any format 'import' reads); its benchmark's samples are the measurement.",
        valueName: "command"))
    var bench: String?

    @Option(help: ArgumentHelp("A command timed as a whole process, as 'run --baseline-cmd' times one.", valueName: "command"))
    var command: String?

    @Option(help: ArgumentHelp(
        "With --bench: the benchmark to use when the results file has several, by name or as 'name (variant)'.",
        valueName: "name"))
    var benchmark: String?

    @Option(help: "With --command: what a process's time is: wall (elapsed) or cpu (user + system time of the process and what it waited for; unmoved by other programs on the machine).")
    var clock: BisectSetup.Clock?

    @Option(help: ArgumentHelp("A command run once in each commit's worktree before it is measured (default: none).", valueName: "command"))
    var build: String?

    func validate() throws {
        switch (bench, command) {
        case (nil, nil):
            throw ValidationError("give what to measure: --bench 'CMD … {out}' or --command 'CMD'")
        case (.some, .some):
            throw ValidationError("give --bench or --command, not both")
        case (let bench?, nil):
            guard bench.contains(BisectSetup.outputPlaceholder) else {
                throw ValidationError("the --bench command must write its results file to {out}, for example '.build/release/qe-validate run --workload code-embedding --runs 1 --out {out}'")
            }
            guard clock == nil else { throw ValidationError("--clock applies to --command; a --bench results file has its own times") }
        case (nil, .some):
            guard benchmark == nil else { throw ValidationError("--benchmark applies to --bench") }
        }
        for (name, value) in [("--bench", bench), ("--command", command), ("--build", build)] {
            if let value, value.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError("\(name) is empty")
            }
        }
    }

    /// The setup these options describe (after `validate()`).
    var setup: BisectSetup {
        if let bench {
            return BisectSetup(kind: .bench, command: bench, benchmark: benchmark, build: build)
        }
        return BisectSetup(kind: .command, command: command ?? "", clock: clock ?? .wall, build: build)
    }
}
