import Foundation
import QEResults

/// Where a command's output goes: standard output (no path, or `-`), or the path given, written
/// with ``AtomicFileWriter`` (a regular file atomically; a device or FIFO written through).
struct OutputDestination {
    var path: String?

    func write(_ text: String) throws(OutputError) {
        do {
            try AtomicFileWriter.write(Array(text.utf8), to: path ?? "-")
        } catch {
            throw OutputError(path: error.path == "-" ? "(standard output)" : error.path, reason: error.detail)
        }
    }
}
