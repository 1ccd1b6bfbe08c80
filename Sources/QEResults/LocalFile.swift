import Foundation

/// Reading and writing whole files, with POSIX calls so that every failure has its `errno` in
/// the message and its sysexits code (66 for input, 73 for output).
enum LocalFile {
    /// The whole content of the file at `path`, read by ``InputFile`` (size limit, memory check,
    /// no devices).
    /// - Throws: ``ResultsError`` `.noSuchFile` or `.unreadable` (exit 66).
    static func readBytes(at path: String) throws(ResultsError) -> [UInt8] {
        do {
            return try InputFile.read(path)
        } catch {
            let problem: ResultsError.Problem
            switch error.reason {
            case .missing: problem = .noSuchFile
            case .invalidLimitSetting: problem = .invalidSetting
            default: problem = .unreadable
            }
            throw ResultsError(file: path, problem: problem, detail: error.detail)
        }
    }

    /// Writes `bytes` to `path` with ``AtomicFileWriter`` (atomically for a regular file).
    /// - Throws: ``ResultsError`` `.cannotWrite` (exit 73).
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(ResultsError) {
        do {
            try AtomicFileWriter.write(bytes, to: path)
        } catch {
            throw ResultsError(file: path, problem: .cannotWrite, detail: error.detail)
        }
    }
}
