import Foundation
import QEResults

/// Reads whole input files (keys, reports, signatures) with ``InputFile`` (size limit, memory
/// check, no devices), turning failures into ``ReportError``s that name the file.
public enum ReportFileReader {
    /// The file's bytes.
    /// - Parameter what: what the file is, for the message when it is missing ("key", "report").
    public static func bytes(at path: String, what: String) throws(ReportError) -> [UInt8] {
        do {
            return try InputFile.read(path)
        } catch {
            if error.isMissing { throw .missingFile(path: path, what: what) }
            throw .unreadable(path: path, reason: error.explanation)
        }
    }

    /// The file's text, which must be UTF-8.
    public static func text(at path: String, what: String) throws(ReportError) -> String {
        let bytes = try bytes(at: path, what: what)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .unreadable(path: path, reason: "not UTF-8 text")
        }
        return text
    }
}
