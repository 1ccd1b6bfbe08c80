import ArgumentParser
import Foundation
import QEHistory

/// `qe-validate history forget`: remove recorded results (one commit, or everything before a
/// date).
public struct HistoryForgetCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Remove the results of one commit, or of every commit before a date, in one transaction.",
        discussion: """
            Removes the recorded files with their runs and raw samples, and the series and \
            machines left without any, and says what it removed. Nothing else changes if it \
            fails. Export first to keep a copy ('history export --out backup/').

            Examples:
              qe-validate history forget --commit 3f2a9c1b
              qe-validate history forget --before 2025-12-01

            Exit codes: 0 done (also when nothing matched); 64 usage; 65 a commit prefix that \
            names several commits; 66 the store missing or unreadable; 70 anything else.
            """
    )

    @Option(help: ArgumentHelp("Forget every file of this commit (a full id, or a prefix of 4+ digits naming one commit).",
                               valueName: "sha"))
    var commit: String?

    @Option(help: ArgumentHelp("Forget every file whose commit time is before this ISO 8601 date or time.", valueName: "date"))
    var before: String?

    @OptionGroup(title: "Store")
    var store: StoreOptionGroup

    public init() {}

    public func validate() throws {
        _ = try selection()
    }

    /// What `--commit` or `--before` picks.
    func selection() throws -> ForgetSelection {
        switch (commit, before) {
        case let (commit?, nil):
            guard (4...64).contains(commit.count), commit.allSatisfy(\.isHexDigit) else {
                throw ValidationError("--commit \(commit) is not a commit id or a prefix of one (4 to 64 hexadecimal digits)")
            }
            return .commit(commit.lowercased())
        case let (nil, before?):
            guard let time = HistoryTimestamp(iso8601: before) else {
                throw ValidationError("--before \(before) is not an ISO 8601 date or time (2026-11-26 or 2026-11-26T15:00:00Z)")
            }
            return .before(time)
        case (nil, nil):
            throw ValidationError("give --commit SHA or --before DATE")
        case (_?, _?):
            throw ValidationError("give --commit or --before, not both")
        }
    }

    public func run() async throws {
        do {
            let selection = try selection()
            let report = try await store.withStore(creating: false) { history in
                try await history.forget(selection)
            }
            HistoryStatusLine.print(HistoryStatusLine.forgotten(report, store: try store.location()))
        } catch {
            throw CommandFailure.exitCode(for: error)
        }
    }
}
