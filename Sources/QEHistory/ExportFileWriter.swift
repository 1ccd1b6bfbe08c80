import Foundation
import QEResults

/// The one place where the history store writes a file (exports), through QEResults'
/// ``AtomicFileWriter``: a regular file is replaced all at once (a reader never sees half a file,
/// a failed export leaves no partial output), and `-`, devices, links and protections follow the
/// rules every output of qe-validate follows.
enum ExportFileWriter {
    /// Writes `bytes` to `path`.
    /// - Throws: ``HistoryError`` (``HistoryError/Category/cannotWrite``).
    static func write(_ bytes: [UInt8], to path: String) throws(HistoryError) {
        do {
            try AtomicFileWriter.write(bytes, to: path)
        } catch {
            throw HistoryError(.cannotWrite, subject: path, detail: error.detail)
        }
    }
}
