import Foundation
import QEHistory
import QEResults

/// A separate process that adds results files to a history store, for the store's reliability
/// tests (a process killed in the middle of a transaction; several processes adding at once).
/// Only the tests run it; the `qe-validate history` commands are the user's way in.
///
///     qe-history-test-child add STORE_URL BRANCH FILE...
///     qe-history-test-child add-and-hang STORE_URL BRANCH FILE
///
/// `add` prints `added DIGEST` or `already DIGEST` per file. `add-and-hang` prints
/// `in-transaction` once the file's rows are written and before they are committed, then waits
/// to be killed. A store error is printed on one line to standard error, with exit 66 (unreadable
/// store), 65 (bad data), 64 (bad location), 73 (cannot write) or 70.
@main
struct HistoryTestChild {
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.count >= 4, ["add", "add-and-hang"].contains(arguments[0]) else {
            FileHandle.standardError.write(Data("usage: qe-history-test-child add|add-and-hang STORE_URL BRANCH FILE...\n".utf8))
            exit(64)
        }
        let hang = arguments[0] == "add-and-hang"
        do throws(HistoryError) {
            let location = try StoreLocation(parsing: arguments[1])
            var recordings: [HistoryRecording] = []
            for path in arguments[3...] {
                let results: ResultsFile
                do {
                    results = try ResultsFile.read(from: path)
                } catch {
                    throw HistoryError(.badData, subject: path, detail: error.detail)
                }
                recordings.append(try HistoryRecording(results: results, source: path, overrides: RecordingOverrides(branch: arguments[2])))
            }
            let store = try await HistoryStores.open(location, creating: true)
            var hook: (@Sendable (HistoryRecording) -> Void)?
            if hang { hook = { _ in waitToBeKilled() } }
            let outcomes = try await store.add(recordings, beforeCommit: hook)
            for outcome in outcomes {
                switch outcome {
                case let .added(file): print("added \(file.digest)")
                case let .alreadyRecorded(file, _): print("already \(file.digest)")
                }
            }
            await store.close()
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            switch error.category {
            case .unreadableStore: exit(66)
            case .badData: exit(65)
            case .badLocation: exit(64)
            case .cannotWrite: exit(73)
            case .internalFailure: exit(70)
            }
        }
    }

    /// Says so on standard output, then sleeps until the process is killed.
    static func waitToBeKilled() -> Never {
        FileHandle.standardOutput.write(Data("in-transaction\n".utf8))
        while true { sleep(3600) }
    }
}
