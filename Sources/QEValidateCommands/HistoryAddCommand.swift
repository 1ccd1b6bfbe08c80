import ArgumentParser
import Foundation
import QEHistory
import QEResults

/// `qe-validate history add RESULTS...`: record results files in the history store.
public struct HistoryAddCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Record results files (or another tool's files) in the history store.",
        discussion: """
            Each file's commit is its environment.gitCommit and its time its createdAt; the \
            branch is the one checked out in the git work tree that holds the file. --commit, \
            --time and --branch say them instead, for every file of the call. A file without a \
            commit is refused unless --commit is given.

            Every file is read and checked before anything is recorded: if one is refused, none \
            is. Then each file is recorded in its own transaction; a file already recorded \
            (the same content) changes nothing and is reported as such. Another tool's file \
            (hyperfine, Google Benchmark, pytest-benchmark, Criterion.rs, Go, CSV) is recorded \
            as the results file 'qe-validate import' would make of it.

            Examples:
              qe-validate history add results.json
              qe-validate history add --commit "$(git rev-parse HEAD)" --branch main runs/*.json
              qe-validate history add bench.json --input-format pytest-benchmark --commit 3f2a9c1 --time 2026-11-26T15:00:00Z
              QE_VALIDATE_STORE=postgres://ci@db.example.org/perf qe-validate history add results.json

            Exit codes: 0 recorded (or already recorded); 64 usage; 65 a file without a commit, \
            time or branch, or invalid data; 66 a file or the store missing or unreadable; 70 \
            anything else.
            """
    )

    @Argument(help: ArgumentHelp("Results files (or another tool's files) to record.", valueName: "results"))
    var files: [String] = []

    @Option(help: ArgumentHelp("The commit the files measured (default: each file's environment.gitCommit).", valueName: "sha"))
    var commit: String?

    @Option(help: ArgumentHelp("The branch of that commit (default: the branch checked out where each file is).", valueName: "name"))
    var branch: String?

    @Option(help: ArgumentHelp("The commit's time, ISO 8601, which orders the series (default: each file's createdAt).",
                               valueName: "iso8601"))
    var time: String?

    @OptionGroup(title: "Store")
    var store: StoreOptionGroup

    @OptionGroup(title: "Other tools' files")
    var input: ImportOptionGroup

    public init() {}

    public func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one results file to record") }
        if let commit, !((7...64).contains(commit.count) && commit.allSatisfy(\.isHexDigit)) {
            throw ValidationError("--commit \(commit) is not a commit id (7 to 64 hexadecimal digits)")
        }
        if let branch, branch.isEmpty { throw ValidationError("--branch must not be empty") }
        _ = try overrides()
    }

    /// `--commit`, `--branch` and `--time` as the store takes them.
    func overrides() throws -> RecordingOverrides {
        var parsedTime: HistoryTimestamp?
        if let time {
            guard let parsed = HistoryTimestamp(iso8601: time) else {
                throw ValidationError("--time \(time) is not an ISO 8601 date or time (2026-11-26T15:00:00Z)")
            }
            parsedTime = parsed
        }
        return RecordingOverrides(commit: commit, branch: branch, time: parsedTime)
    }

    public func run() async throws {
        do {
            let recordings = try prepare()
            let outcomes = try await store.withStore(creating: true) { history in
                try await history.add(recordings)
            }
            HistoryStatusLine.print(HistoryStatusLine.added(outcomes, store: try store.location()))
        } catch {
            throw CommandFailure.exitCode(for: error)
        }
    }

    /// Reads and checks every file; when any is refused, says why for each and records none.
    private func prepare() throws -> [HistoryRecording] {
        let options = try input.importOptions()
        let overrides = try overrides()
        var recordings: [HistoryRecording] = []
        var firstFailure: (any Error)?
        var refused = 0
        // One git question per directory, not per file: a backfill adds thousands from a few.
        var branches: [String: String?] = [:]
        for path in files {
            do {
                let results = try ResultsInput.load(path: path, options: options)
                var fileOverrides = overrides
                if fileOverrides.branch == nil {
                    let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
                    if branches[directory] == nil { branches[directory] = GitWorkTree(directory: directory).currentBranch() }
                    fileOverrides.branch = branches[directory] ?? nil
                }
                recordings.append(try HistoryRecording(results: results, source: path, overrides: fileOverrides))
            } catch {
                refused += 1
                let failure = CommandFailure.exitCode(for: error)
                firstFailure = firstFailure ?? failure
            }
        }
        if let firstFailure {
            if files.count > 1 {
                FileHandle.standardError.write(Data("qe-validate: nothing recorded: \(refused) of \(files.count) files refused\n".utf8))
            }
            throw firstFailure
        }
        return recordings
    }
}
