import Foundation

/// Reading and atomically replacing whole files, with POSIX calls so that every failure has its
/// `errno` in the message and its sysexits code (66 for input, 73 for output).
enum LocalFile {
    /// The whole content of the file at `path`.
    /// - Throws: ``ResultsError`` `.noSuchFile` or `.unreadable` (exit 66).
    static func readBytes(at path: String) throws(ResultsError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            let code = errno
            if code == ENOENT {
                throw ResultsError(file: path, problem: .noSuchFile, detail: "no such file")
            }
            throw ResultsError(file: path, problem: .unreadable, detail: "cannot open: \(describe(code))")
        }
        defer { close(descriptor) }
        var status = stat()
        let expectedSize = fstat(descriptor, &status) == 0 ? max(Int(status.st_size), 0) : 0

        // Read straight into the array (a results file can be tens of megabytes); the loop
        // goes on past the size fstat reported in case the file is still growing.
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: expectedSize + 1) { buffer, initialized in
            initialized = 0
            while initialized < buffer.count {
                let count = read(descriptor, buffer.baseAddress?.advanced(by: initialized), buffer.count - initialized)
                if count == 0 { return }
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                initialized += count
            }
        }
        if failure == 0 && bytes.count == expectedSize + 1 {
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count == 0 { break }
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                bytes.append(contentsOf: chunk[0..<count])
            }
        }
        if failure != 0 {
            let reason = failure == EISDIR ? "is a directory, not a file" : "cannot read: \(describe(failure))"
            throw ResultsError(file: path, problem: .unreadable, detail: reason)
        }
        return bytes
    }

    /// Replaces the file at `path` with `bytes` atomically: the bytes go to a new temporary file
    /// in the same directory (so the rename cannot cross file systems), which is flushed to disk
    /// and then renamed over `path`. Readers see the old file or the new one, never a mix. On
    /// any failure the temporary file is removed.
    /// - Throws: ``ResultsError`` `.cannotWrite` (exit 73).
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(ResultsError) {
        func fail(_ what: String, _ code: Int32) -> ResultsError {
            ResultsError(file: path, problem: .cannotWrite, detail: "\(what): \(describe(code))")
        }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let temporaryPath = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())-"
            + String(UInt32.random(in: 0...UInt32.max), radix: 16)

        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        if descriptor < 0 {
            throw fail("cannot create a temporary file in \(directory)", errno)
        }
        var written = 0
        var failure: ResultsError?
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress?.advanced(by: written), buffer.count - written)
            }
            if count < 0 {
                let code = errno
                if code == EINTR { continue }
                failure = fail("cannot write", code)
                break
            }
            written += count
        }
        if failure == nil && fsync(descriptor) != 0 { failure = fail("cannot flush to disk", errno) }
        if close(descriptor) != 0 && failure == nil { failure = fail("cannot close", errno) }
        if failure == nil && rename(temporaryPath, path) != 0 {
            failure = fail("cannot replace the file", errno)
        }
        if let failure {
            unlink(temporaryPath)
            throw failure
        }
    }

    private static func describe(_ code: Int32) -> String {
        guard let message = strerror(code) else { return "error \(code)" }
        return String(cString: message)
    }
}
