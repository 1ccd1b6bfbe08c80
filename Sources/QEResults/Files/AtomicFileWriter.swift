import Foundation

/// The one way qe-validate writes a file a user gets: results, baselines, reports, keys and every
/// command's `--output`/`--out`.
///
/// A regular file (or a path where nothing is yet) is replaced atomically: the bytes go to a new
/// temporary file in the target's own directory (`.NAME.tmp-PID-RANDOM`, so the rename cannot
/// cross file systems), which is written, flushed to disk (`fsync`), given its mode, and renamed
/// over the target; the directory is then flushed so the rename itself survives a power cut.
/// Readers see the old file or the new one, never a mix; on any failure the temporary file is
/// removed and the target is left as it was. Every other kind of path is handled as
/// ``OutputTarget`` describes: `-` and the process's own descriptors are written directly,
/// devices and FIFOs are written through, links are followed, directories refused.
///
/// Protections survive a replacement: the new file gets the old one's permission bits (set-user-
/// and set-group-ID bits dropped) and, where the system allows it, its owner and group. A file
/// this user could not write (`faccessat(W_OK)`) is never replaced, even when the directory would
/// allow a rename over it. Temporary files are removed on SIGTERM, SIGINT and SIGHUP, and those
/// of dead processes on the next write to the same target (``TemporaryFiles``).
public enum AtomicFileWriter {
    /// What to do when the target already exists.
    public enum Existing: Sendable {
        /// Replace it (keeping its mode and owner).
        case replace
        /// Never replace it: fail with ``FileWriteError/Reason/exists`` (checked again at the
        /// moment the file is put in place, with `link(2)`, so a file created meanwhile is kept).
        case refuse
    }

    /// Writes `bytes` to `path` as described above.
    /// - Parameters:
    ///   - mode: permission bits of a new file, set exactly (the umask does not apply); nil:
    ///     `0666` less the umask, as any program's new file. An existing file keeps its own.
    ///   - existing: whether an existing file may be replaced.
    /// - Throws: ``FileWriteError`` (exit 73).
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t? = nil, existing: Existing = .replace) throws(FileWriteError) {
        switch try OutputTarget.resolve(path) {
        case let .descriptor(descriptor):
            if existing == .refuse { throw FileWriteError(path: path, reason: .exists) }
            try writeAll(bytes, to: descriptor, path: path)
        case let .writeThrough(target):
            if existing == .refuse { throw FileWriteError(path: path, reason: .exists) }
            try writeThrough(bytes, to: target, path: path)
        case let .file(target, status):
            if status != nil && existing == .refuse { throw FileWriteError(path: path, reason: .exists) }
            let staged = try stage(bytes, target: target, path: path, mode: mode, existing: status)
            try staged.putInPlace(replacing: existing == .replace)
        }
    }

    /// A complete temporary file waiting to be renamed over its target.
    struct StagedFile {
        /// The path as the caller gave it, for messages.
        var path: String
        /// The regular file it replaces (links resolved).
        var target: String
        var temporary: String

        /// Renames (or, when not replacing, links) the temporary file into place and flushes
        /// the directory; on failure removes the temporary file.
        func putInPlace(replacing: Bool) throws(FileWriteError) {
            defer { TemporaryFiles.shared.unregister(temporary) }
            if replacing {
                guard rename(temporary, target) == 0 else {
                    let code = errno
                    // The temporary file may be gone because a signal is ending the process.
                    TerminationCleanup.shared.holdIfEnding()
                    unlink(temporary)
                    throw FileWriteError(path: path, reason: .failed("cannot put the file in place: \(SystemErrorText.describe(code))"))
                }
            } else {
                // link(2) fails when the target exists: a rename that never replaces.
                let status = link(temporary, target)
                let code = errno
                unlink(temporary)
                guard status == 0 else {
                    if code == EEXIST { throw FileWriteError(path: path, reason: .exists) }
                    throw FileWriteError(path: path, reason: .failed("cannot put the file in place: \(SystemErrorText.describe(code))"))
                }
            }
            try AtomicFileWriter.flushDirectory(of: target, path: path)
        }

        /// Removes the temporary file (the write is abandoned).
        func discard() {
            unlink(temporary)
            TemporaryFiles.shared.unregister(temporary)
        }
    }

    /// Writes `bytes` to a new temporary file beside `target`, flushed and with its final mode
    /// and owner. Refuses an existing target this user may not write. `processID` names the
    /// temporary file (tests name it after a process that no longer exists).
    static func stage(
        _ bytes: [UInt8], target: String, path: String, mode: mode_t?, existing: OutputTarget.FileStatus?,
        processID: pid_t = getpid()
    ) throws(FileWriteError) -> StagedFile {
        if let existing, faccessat(AT_FDCWD, target, W_OK, AT_EACCESS) != 0 {
            let code = errno
            if code == EACCES || code == EPERM { throw FileWriteError(path: path, reason: .notWritable(mode: UInt32(existing.mode))) }
            throw FileWriteError(path: path, reason: .failed(SystemErrorText.describe(code)))
        }
        TemporaryFiles.removeStale(besides: target)
        let temporary = TemporaryFiles.path(besides: target, processID: processID)
        let directory = PathText.directory(of: target)
        TemporaryFiles.shared.register(temporary)
        // An existing file's content stays private until it has its old mode back.
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, existing == nil ? (mode ?? 0o666) : 0o600)
        if descriptor < 0 {
            let code = errno
            TemporaryFiles.shared.unregister(temporary)
            let reason = code == ENOENT || code == ENOTDIR
                ? "no such directory: \(directory)"
                : "cannot create a temporary file in \(directory): \(SystemErrorText.describe(code))"
            throw FileWriteError(path: path, reason: .failed(reason))
        }
        var failure: FileWriteError?
        do throws(FileWriteError) {
            try writeAll(bytes, to: descriptor, path: path)
            if let existing {
                // The owner only where allowed (root, or a group of this user's); the mode always.
                _ = fchown(descriptor, existing.owner, existing.group)
                if fchmod(descriptor, existing.mode & 0o1777) != 0 { throw failed("cannot set the file's mode", path: path) }
            } else if let mode, fchmod(descriptor, mode) != 0 {
                throw failed("cannot set the file's mode", path: path)
            }
            if fsync(descriptor) != 0 { throw failed("cannot flush to disk", path: path) }
        } catch {
            failure = error
        }
        if close(descriptor) != 0 && failure == nil { failure = failed("cannot close", path: path) }
        let staged = StagedFile(path: path, target: target, temporary: temporary)
        if let failure {
            staged.discard()
            throw failure
        }
        return staged
    }

    /// Opens a device, FIFO or socket and writes `bytes` to it (no temporary file: there is no
    /// file to replace). A FIFO blocks until a reader opens it, as a shell's `>` does.
    private static func writeThrough(_ bytes: [UInt8], to target: String, path: String) throws(FileWriteError) {
        let descriptor = open(target, O_WRONLY | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { throw failed("cannot open", path: path) }
        var failure: FileWriteError?
        do throws(FileWriteError) {
            try writeAll(bytes, to: descriptor, path: path)
        } catch {
            failure = error
        }
        if close(descriptor) != 0 && failure == nil && errno != EINTR { failure = failed("cannot close", path: path) }
        if let failure { throw failure }
    }

    /// Writes every byte to `descriptor`, retrying interrupted and partial writes and waiting
    /// on a non-blocking descriptor that is full.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(FileWriteError) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress?.advanced(by: written), buffer.count - written)
            }
            if count >= 0 {
                written += count
                continue
            }
            switch errno {
            case EINTR:
                continue
            case EAGAIN:
                var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                _ = poll(&ready, 1, -1)
            default:
                throw failed("write failed", path: path)
            }
        }
    }

    /// Flushes the directory holding `target`, so that a rename in it survives a crash. File
    /// systems that cannot flush a directory (`EINVAL`) are not an error.
    static func flushDirectory(of target: String, path: String) throws(FileWriteError) {
        let directory = open(PathText.directory(of: target), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directory >= 0 else { return }
        defer { close(directory) }
        if fsync(directory) != 0 && errno != EINVAL && errno != EROFS {
            throw failed("cannot flush the directory to disk", path: path)
        }
    }

    private static func failed(_ what: String, path: String) -> FileWriteError {
        FileWriteError(path: path, reason: .failed("\(what): \(SystemErrorText.describe(errno))"))
    }
}
