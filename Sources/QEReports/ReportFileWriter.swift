import Foundation

/// Writes a set of files atomically: every file goes to a temporary file beside its target
/// (same directory, so the rename cannot cross file systems), flushed to disk; only when all of
/// them are written are they renamed into place. A failure before the renames leaves every
/// target as it was and removes the temporary files, so a reader sees the old file or the new
/// one, never a mix — and a failed `report` leaves no partial set behind.
public enum ReportFileWriter {
    /// One file to write.
    public struct Output: Sendable {
        public var path: String
        public var bytes: [UInt8]
        /// Permission bits of the new file, e.g. `0o600` for a private key. Set exactly (the
        /// umask does not apply), and from the moment the temporary file exists.
        public var mode: mode_t
        /// Whether an existing file at `path` may be replaced.
        public var replace: Bool

        public init(path: String, bytes: [UInt8], mode: mode_t = 0o644, replace: Bool = true) {
            self.path = path
            self.bytes = bytes
            self.mode = mode
            self.replace = replace
        }
    }

    /// Writes every output, or none.
    /// - Throws: ``ReportError/cannotWrite(path:reason:)`` or, for an output that may not
    ///   replace an existing file, ``ReportError/exists(path:what:)`` (checked before anything
    ///   is written, and again atomically when the file is put in place).
    public static func write(_ outputs: [Output]) throws(ReportError) {
        for output in outputs where !output.replace && FileManager.default.fileExists(atPath: output.path) {
            throw .exists(path: output.path, what: "a file")
        }
        var staged: [(output: Output, temporary: String)] = []
        func discard() { for entry in staged { unlink(entry.temporary) } }
        for output in outputs {
            do {
                staged.append((output, try stage(output)))
            } catch {
                discard()
                throw error
            }
        }
        for (index, entry) in staged.enumerated() {
            if entry.output.replace {
                if rename(entry.temporary, entry.output.path) != 0 {
                    let reason = describe(errno)
                    for later in staged[index...] { unlink(later.temporary) }
                    throw .cannotWrite(path: entry.output.path, reason: "cannot put the file in place: \(reason)")
                }
            } else {
                // link(2) fails when the target exists: a no-clobber rename.
                let status = link(entry.temporary, entry.output.path)
                let code = errno
                unlink(entry.temporary)
                if status != 0 {
                    for later in staged[(index + 1)...] { unlink(later.temporary) }
                    if code == EEXIST { throw .exists(path: entry.output.path, what: "a file") }
                    throw .cannotWrite(path: entry.output.path, reason: "cannot put the file in place: \(describe(code))")
                }
            }
        }
    }

    /// Writes `output` to a new temporary file beside it; returns the temporary file's path.
    private static func stage(_ output: Output) throws(ReportError) -> String {
        let url = URL(fileURLWithPath: output.path)
        let directory = url.deletingLastPathComponent().path
        let temporary = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())-"
            + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, output.mode)
        if descriptor < 0 {
            let code = errno
            let reason = code == ENOENT ? "no such directory: \(directory)" : describe(code)
            throw .cannotWrite(path: output.path, reason: reason)
        }
        var failure: String?
        if fchmod(descriptor, output.mode) != 0 { failure = "cannot set the file's mode: \(describe(errno))" }
        var written = 0
        while failure == nil && written < output.bytes.count {
            let count = output.bytes.withUnsafeBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress?.advanced(by: written), buffer.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                failure = describe(errno)
            } else {
                written += count
            }
        }
        if failure == nil && fsync(descriptor) != 0 { failure = "cannot flush to disk: \(describe(errno))" }
        if close(descriptor) != 0 && failure == nil { failure = "cannot close: \(describe(errno))" }
        if let failure {
            unlink(temporary)
            throw .cannotWrite(path: output.path, reason: failure)
        }
        return temporary
    }

    static func describe(_ code: Int32) -> String {
        guard let message = strerror(code) else { return "error \(code)" }
        return String(cString: message)
    }

    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return describe(Int32(underlying.code))
        }
        if nsError.domain == NSPOSIXErrorDomain { return describe(Int32(nsError.code)) }
        return nsError.localizedDescription
    }
}
