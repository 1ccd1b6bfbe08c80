import Foundation

/// The one place where the history store writes a file (exports): all at once, through a
/// temporary file renamed over the target, so a reader never sees half a file and a failed
/// export leaves no partial output.
enum ExportFileWriter {
    /// Writes `bytes` to `path` atomically.
    /// - Throws: ``HistoryError`` (``HistoryError/Category/cannotWrite``).
    static func write(_ bytes: [UInt8], to path: String) throws(HistoryError) {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw HistoryError(.cannotWrite, subject: path, detail: "cannot write: \((error as NSError).localizedDescription)")
        }
    }
}
