import Foundation

/// Reads whole input files (keys, reports, signatures), turning failures into ``ReportError``s
/// that name the file.
public enum ReportFileReader {
    /// The file's bytes.
    /// - Parameter what: what the file is, for the message when it is missing ("key", "report").
    public static func bytes(at path: String, what: String) throws(ReportError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .missingFile(path: path, what: what)
        }
        if isDirectory.boolValue { throw .unreadable(path: path, reason: "is a directory, not a file") }
        do {
            return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw .unreadable(path: path, reason: ReportFileWriter.reason(error))
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
