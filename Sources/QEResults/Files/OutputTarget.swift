import Foundation

/// What writing to an output path means, decided from what the path names now (DESIGN §4,
/// README "Output paths"):
///
/// - `-`, `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`: the process's own open
///   descriptor, written directly (as a shell does), so a redirection keeps its meaning.
/// - a regular file, or nothing yet: replaced (or created) atomically by ``AtomicFileWriter``.
/// - a symbolic link: followed; a link to a regular file (or to nothing yet) replaces or creates
///   the file it points to and leaves the link itself alone.
/// - anything else — a device, a FIFO, a socket, or a link to one: opened and written through,
///   never replaced; write errors (`/dev/full`) are reported.
/// - a directory: refused.
enum OutputTarget: Equatable {
    /// An already open descriptor of this process.
    case descriptor(Int32)
    /// A file that is not a regular file, opened for writing at `path`.
    case writeThrough(path: String)
    /// A regular file at `path` (links resolved) to replace, with its status; nil when nothing
    /// is there yet.
    case file(path: String, existing: FileStatus?)

    /// The parts of `stat` the writer keeps.
    struct FileStatus: Equatable {
        var mode: mode_t
        var owner: uid_t
        var group: gid_t
    }

    /// The longest chain of symbolic links followed, as Linux's `MAXSYMLINKS`.
    static let maximumLinks = 40

    /// Resolves `path`.
    /// - Throws: ``FileWriteError`` for a directory, a loop of links, or a path that cannot be
    ///   examined (a component that is not a directory, no permission to search).
    static func resolve(_ path: String) throws(FileWriteError) -> OutputTarget {
        if let descriptor = ownDescriptor(path) { return .descriptor(descriptor) }
        guard !path.isEmpty else { throw FileWriteError(path: path, reason: .failed("no file name given")) }
        guard !path.hasSuffix("/") else { throw FileWriteError(path: path, reason: .isDirectory) }
        // What the path names when every link, /proc's included, is followed: anything but a
        // file or a directory is written through at the path itself.
        var followed = stat()
        if stat(path, &followed) == 0, followed.st_mode & S_IFMT != S_IFREG, followed.st_mode & S_IFMT != S_IFDIR {
            return .writeThrough(path: path)
        }
        var current = path
        for _ in 0...maximumLinks {
            var status = stat()
            if lstat(current, &status) != 0 {
                let code = errno
                if code == ENOENT { return .file(path: current, existing: nil) }
                throw FileWriteError(path: path, reason: .failed(SystemErrorText.describe(code)))
            }
            switch status.st_mode & S_IFMT {
            case S_IFLNK:
                current = try linkDestination(of: current, reportedAs: path)
            case S_IFREG:
                return .file(path: current, existing: FileStatus(mode: status.st_mode, owner: status.st_uid, group: status.st_gid))
            case S_IFDIR:
                throw FileWriteError(path: path, reason: .isDirectory)
            default:
                return .writeThrough(path: current)
            }
        }
        throw FileWriteError(path: path, reason: .failed(SystemErrorText.describe(ELOOP)))
    }

    /// The descriptor a name of the process's own descriptors stands for, when it is open.
    static func ownDescriptor(_ path: String) -> Int32? {
        // "-" always means standard output, open or not (writing to a closed one fails with 73).
        if path == "-" { return STDOUT_FILENO }
        let number: Int32?
        switch path {
        case "/dev/stdout": number = STDOUT_FILENO
        case "/dev/stderr": number = STDERR_FILENO
        default:
            var digits: Substring?
            for prefix in ["/dev/fd/", "/proc/self/fd/", "/proc/\(getpid())/fd/"] where path.hasPrefix(prefix) {
                digits = path.dropFirst(prefix.count)
            }
            guard let digits, !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
            number = Int32(digits)
        }
        guard let number, fcntl(number, F_GETFD) != -1 else { return nil }
        return number
    }

    /// Where the symbolic link at `link` points, made absolute or relative to the link's
    /// directory as the kernel would read it.
    private static func linkDestination(of link: String, reportedAs path: String) throws(FileWriteError) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(link, &buffer, buffer.count - 1)
        guard count >= 0 else { throw FileWriteError(path: path, reason: .failed("cannot read the link \(link): \(SystemErrorText.describe(errno))")) }
        let destination = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if destination.hasPrefix("/") { return destination }
        return PathText.directory(of: link) + "/" + destination
    }
}
