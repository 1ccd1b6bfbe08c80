import ArgumentParser
import Foundation
import QEHistory

/// `qe-validate history export`: copy recorded results out of the store.
public struct HistoryExportCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write recorded results out of the store: results@1 files into a directory, or one CSV table.",
        discussion: """
            --out DIR writes one results@1 file per recorded file, named TIME-COMMIT-DIGEST.json, \
            each with a "history" member giving its commit, time and branch (every other command \
            still reads it as a results file). --out FILE.csv writes one table with a row per \
            sample. 'history import' reads either back, into the same or another backend, \
            without loss. Without a series option the files are exported whole; with one, only \
            the benchmarks it takes.

            Examples:
              qe-validate history export --out backup/
              qe-validate history export --benchmark test-similarity --since 2026-11-01 --out similarity.csv
              qe-validate history export --store sqlite:old.sqlite --out moved/ && qe-validate history import moved/ --store postgres://ci@db.example.org/perf

            Exit codes: 0 exported; 64 usage; 65 an unknown --since revision or commit; 66 the \
            store missing or unreadable; 73 output not writable; 70 anything else.
            """
    )

    @OptionGroup(title: "Series")
    var filter: SeriesFilterOptionGroup

    @Option(help: ArgumentHelp("A directory for results@1 files, or a file ending in .csv for one table.", valueName: "file|dir"))
    var out: String

    @OptionGroup(title: "Store")
    var store: StoreOptionGroup

    public init() {}

    public func validate() throws {
        guard !out.isEmpty, out != "-" else { throw ValidationError("--out needs a directory or a .csv file") }
    }

    public func run() async throws {
        do {
            let filter = try filter.filter()
            let recorded = try await store.withStore(creating: false) { history in
                try await history.recordedResults(matching: filter)
            }
            let form: String
            if out.lowercased().hasSuffix(".csv") {
                try HistoryExport.writeCSV(recorded, to: out)
                form = "one CSV table"
            } else {
                _ = try HistoryExport.writeResultsFiles(recorded, toDirectory: out)
                form = "results files"
            }
            let samples = recorded.reduce(0) { $0 + $1.results.benchmarks.reduce(0) { $0 + $1.sampleCount } }
            let location = try store.location()
            let line = "exported \(HistoryStatusLine.count(recorded.count, "recorded file")) (\(HistoryStatusLine.count(samples, "sample"))) "
                + "as \(form) to \(out), from \(location)\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        } catch {
            throw CommandFailure.exitCode(for: error)
        }
    }
}
