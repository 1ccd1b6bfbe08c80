import Foundation
import QEResults

/// A recorded file as an export writes it: the `results@1` file exactly as it was added, with
/// one more top-level member after `"schema"` that says where it belongs in history:
///
///     "history": {"branch": "main", "commit": "3f2a…", "schema": "qe-validate/history-record@1", "time": "2026-11-26T15:00:00Z"},
///
/// Every results reader ignores the member (unknown top-level keys are ignored), so an exported
/// file is also an ordinary results file for `compare`, `gate` or `report`.
enum RecordedResultsFile {
    static let schema = "qe-validate/history-record@1"

    /// The file's text.
    static func encode(_ recorded: RecordedResults) throws(HistoryError) -> [UInt8] {
        var bytes = recorded.results.jsonBytes()
        let member: [String: String] = ["schema": schema, "commit": recorded.commit, "time": recorded.time.description,
                                        "branch": recorded.branch]
        let object: Data
        do {
            object = try JSONSerialization.data(withJSONObject: member, options: [.sortedKeys, .withoutEscapingSlashes])
        } catch {
            throw HistoryError(.internalFailure, subject: "export", detail: "cannot encode the history member: \(error)")
        }
        // The encoder writes "{\n" and then the schema line; the member goes right after it.
        guard let first = bytes.firstIndex(of: UInt8(ascii: "\n")),
              let second = bytes[(first + 1)...].firstIndex(of: UInt8(ascii: "\n")) else {
            throw HistoryError(.internalFailure, subject: "export", detail: "unexpected results encoding")
        }
        bytes.insert(contentsOf: Array("  \"history\": ".utf8) + Array(object) + Array(",\n".utf8), at: second + 1)
        return bytes
    }

    /// Reads an exported file back.
    /// - Throws: ``HistoryError`` (bad data) when the results are invalid or the `"history"`
    ///   member is missing or malformed; (unreadable store) is never thrown here.
    static func decode(_ bytes: [UInt8], source: String) throws(HistoryError) -> RecordedResults {
        let results: ResultsFile
        do {
            results = try ResultsFile(jsonBytes: bytes, source: source)
        } catch {
            throw HistoryError(.badData, subject: source, detail: error.detail)
        }
        let top = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
        guard let member = top?["history"] as? [String: Any] else {
            throw HistoryError(.badData, subject: source, detail: "no \"history\" member: not a file exported from a history store (add it with history add and --commit, --branch, --time)")
        }
        guard member["schema"] as? String == schema else {
            throw HistoryError(.badData, subject: source, detail: "\"history.schema\" is not \"\(schema)\"")
        }
        guard let commit = member["commit"] as? String, let branch = member["branch"] as? String,
              let timeText = member["time"] as? String else {
            throw HistoryError(.badData, subject: source, detail: "\"history\" needs the strings commit, time and branch")
        }
        guard let time = HistoryTimestamp(iso8601: timeText) else {
            throw HistoryError(.badData, subject: source, detail: "history.time \"\(timeText)\" is not an ISO 8601 time")
        }
        return RecordedResults(results: results, commit: commit, time: time, branch: branch)
    }
}
