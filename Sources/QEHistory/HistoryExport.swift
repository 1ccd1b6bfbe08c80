import Foundation
import QEResults

/// Files that carry recorded results out of a store and back in (`history export` and
/// `history import`): a store moves between backends, or is backed up and restored, without
/// loss.
///
/// Two forms: a directory of `results@1` files, each with a `"history"` member giving its
/// commit, time and branch (``RecordedResultsFile``; still ordinary results files for every
/// other command), or one CSV table with a row per sample (``HistoryCSV``).
public enum HistoryExport {
    /// Writes each file into `directory` (created if missing) as
    /// `TIME-COMMIT12-DIGEST12.json`, e.g. `20261126T150000Z-3f2a9c1b7d4e-0c1d2e3f4a5b.json`,
    /// so that a listing sorts by time. Each file is written atomically.
    /// - Returns: the paths written, in the order of `files`.
    /// - Throws: ``HistoryError`` (cannot write).
    public static func writeResultsFiles(_ files: [RecordedResults], toDirectory directory: String) throws(HistoryError) -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw HistoryError(.cannotWrite, subject: directory, detail: "cannot create the directory: \((error as NSError).localizedDescription)")
        }
        var paths: [String] = []
        for recorded in files {
            let compactTime = recorded.time.description.prefix(19).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
            let name = "\(compactTime)Z-\(recorded.commit.prefix(12))-\(ContentDigest.of(recorded.results).prefix(12)).json"
            let path = directory + "/" + name
            try ExportFileWriter.write(try RecordedResultsFile.encode(recorded), to: path)
            paths.append(path)
        }
        return paths
    }

    /// Writes every file into one CSV table at `path`, atomically.
    /// - Throws: ``HistoryError`` (cannot write).
    public static func writeCSV(_ files: [RecordedResults], to path: String) throws(HistoryError) {
        try ExportFileWriter.write(try HistoryCSV.encode(files), to: path)
    }

    /// Reads an export back: every `*.json` file of a directory (in name order), one exported
    /// results file, or a CSV table (a path ending in `.csv`).
    /// - Throws: ``HistoryError``: bad data for a file that is not an export (naming it and the
    ///   problem); unreadable store when the path cannot be read.
    public static func read(from path: String) throws(HistoryError) -> [RecordedResults] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw HistoryError(.unreadableStore, subject: path, detail: "no such file or directory")
        }
        if isDirectory.boolValue {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".json") }.sorted()
            } catch {
                throw HistoryError(.unreadableStore, subject: path, detail: "cannot list the directory: \((error as NSError).localizedDescription)")
            }
            var files: [RecordedResults] = []
            for name in names {
                let file = path + "/" + name
                files.append(try RecordedResultsFile.decode(try bytes(of: file), source: file))
            }
            return files
        }
        let content = try bytes(of: path)
        if path.lowercased().hasSuffix(".csv") { return try HistoryCSV.decode(content, source: path) }
        return [try RecordedResultsFile.decode(content, source: path)]
    }

    private static func bytes(of path: String) throws(HistoryError) -> [UInt8] {
        do {
            return try InputFile.read(path)
        } catch {
            throw HistoryError(.unreadableStore, subject: path, detail: error.detail)
        }
    }
}
