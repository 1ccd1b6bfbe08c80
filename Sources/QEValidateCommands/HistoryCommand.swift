import ArgumentParser

/// `qe-validate history`: record results files measured on a branch and follow each benchmark
/// over time (DESIGN §8).
public struct HistoryCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Record results in a history store and follow each benchmark over commits.",
        discussion: """
            The store keeps every results file once (by content digest) with its raw samples. A \
            series is one benchmark (suite, name, variant) on one kind of machine on one branch, \
            ordered by commit time; several files of one commit are pooled as more runs.

            The store is --store URL, else $QE_VALIDATE_STORE, else \
            sqlite:.qe-validate/history.sqlite at the top of the git work tree (keep it out of \
            git). A team's CI runners can share postgres://USER[:PASSWORD]@HOST[:PORT]/DB; a \
            password is never printed.

            Examples:
              qe-validate history add results.json
              qe-validate history add --commit "$(git rev-parse HEAD)" --branch main runs/*.json
              qe-validate history list --benchmark test-similarity --since 2026-11-01
              qe-validate history export --out backup/
              qe-validate history import backup/ --store postgres://ci@db.example.org/perf
              qe-validate history forget --before 2025-12-01
              qe-validate history detect --fail-on-regression
              qe-validate history report --out trends

            Exit codes: 0 done; 64 usage or a malformed store URL; 65 bad data (a file without \
            a commit, an unknown revision); 66 store or input missing or unreadable (a corrupt \
            file, an unreachable server, a refused login, a newer schema); 73 output not \
            writable; 70 anything else.
            """,
        subcommands: [
            HistoryAddCommand.self, HistoryListCommand.self, HistoryExportCommand.self, HistoryImportCommand.self,
            HistoryForgetCommand.self, HistoryDetectCommand.self, HistoryReportCommand.self,
        ]
    )

    public init() {}
}
