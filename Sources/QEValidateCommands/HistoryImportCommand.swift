import ArgumentParser
import Foundation
import QEHistory

/// `qe-validate history import`: record an export back into a store.
public struct HistoryImportCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Record what 'history export' wrote (a directory of results files, one of them, or a CSV table).",
        discussion: """
            Each file keeps the commit, time and branch the export gave it. A file already in \
            the store (the same content) changes nothing, so importing twice, or into a store \
            that holds part of the export, is safe. Every file is read and checked before \
            anything is recorded.

            Examples:
              qe-validate history import backup/
              qe-validate history import similarity.csv --store postgres://ci@db.example.org/perf

            Exit codes: 0 imported; 64 usage; 65 not an export, or invalid data; 66 the export \
            or the store missing or unreadable; 70 anything else.
            """
    )

    @Argument(help: ArgumentHelp("The export: a directory of results files, one results file, or a .csv table.", valueName: "file"))
    var file: String

    @OptionGroup(title: "Store")
    var store: StoreOptionGroup

    public init() {}

    public func run() async throws {
        do {
            let recordings = try HistoryExport.read(from: file).enumerated().map { index, recorded in
                try recorded.recording(source: "\(file) (file \(index + 1))")
            }
            let outcomes = try await store.withStore(creating: true) { history in
                try await history.add(recordings)
            }
            HistoryStatusLine.print(HistoryStatusLine.added(outcomes, store: try store.location()))
        } catch {
            throw CommandFailure.exitCode(for: error)
        }
    }
}
