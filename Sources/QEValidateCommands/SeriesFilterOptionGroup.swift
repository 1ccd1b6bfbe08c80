import ArgumentParser
import Foundation
import QEHistory

/// Which series of the history store a command takes: `--benchmark NAME` (repeatable),
/// `--variant`, `--branch`, `--machine`, `--suite` and `--since REV|DATE`. Declared once for
/// `history list`, `history export` and the commands that judge a series (`history detect`,
/// `history report`).
///
/// Every option left out takes everything. `--machine` matches a machine's identifier (or a
/// prefix of 4 or more digits) or part of its summary (`EPYC`, `avx512f`); `--since` takes an
/// ISO 8601 date or time, a commit id (4 or more hex digits) or a git revision (`main~20`).
struct SeriesFilterOptionGroup: ParsableArguments {
    @Option(name: .customLong("benchmark"), help: ArgumentHelp(
        "Only this benchmark (workload) name; repeat for several.", valueName: "name"))
    var benchmarks: [String] = []

    @Option(help: ArgumentHelp("Only this variant.", valueName: "variant"))
    var variant: String?

    @Option(help: ArgumentHelp("Only this branch.", valueName: "branch"))
    var branch: String?

    @Option(help: ArgumentHelp(
        "Only this machine: its identifier (or 4+ leading digits), or part of its summary such as EPYC or avx512f.",
        valueName: "machine"))
    var machine: String?

    @Option(help: ArgumentHelp("Only this suite.", valueName: "suite"))
    var suite: String?

    @Option(help: ArgumentHelp(
        "Only points from this ISO 8601 date or time, commit id, or git revision (main~20) on.", valueName: "rev|date"))
    var since: String?

    init() {}

    func validate() throws {
        for (name, value) in [("--variant", variant), ("--branch", branch), ("--machine", machine), ("--suite", suite), ("--since", since)] {
            if let value, value.isEmpty { throw ValidationError("\(name) must not be empty") }
        }
        if benchmarks.contains(where: \.isEmpty) { throw ValidationError("--benchmark must not be empty") }
    }

    /// The filter the options describe; a `--since` revision is resolved in the git work tree
    /// of `workingDirectory`.
    /// - Throws: `HistoryError` (bad data) when `--since` is neither a date, a commit id nor a
    ///   revision.
    func filter(workingDirectory: String = FileManager.default.currentDirectoryPath) throws(HistoryError) -> SeriesFilter {
        let start = try since.map { text throws(HistoryError) in
            try HistorySince.parse(text, git: GitWorkTree(directory: workingDirectory))
        }
        return SeriesFilter(benchmarks: benchmarks, variant: variant, branch: branch, machine: machine, suite: suite, since: start)
    }
}
