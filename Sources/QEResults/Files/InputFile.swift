import Foundation

/// Reads whole input files — results, baselines, other tools' output, claims, reports, keys,
/// signatures — with a size limit and a memory check, so that no input can exhaust the
/// machine or end the process with an allocation failure.
///
/// - A regular file larger than ``InputSizeLimit`` is refused before it is read; a pipe or a
///   terminal is read up to the limit and refused when it passes it.
/// - Devices other than terminals (`/dev/zero`, `/dev/null`, a disk), sockets and directories
///   are refused: they are not files of data, and some never end.
/// - The memory the bytes need is asked of the allocator before they are read, and the memory
///   parsing them will need (``ParsedMemoryEstimate``) once they are; when it cannot be had
///   (`ulimit -v`, an exhausted machine) the file is refused with a message, where the process
///   would otherwise end in an allocation failure that Swift cannot recover from.
public enum InputFile {
    /// The whole content of the file at `path`.
    /// - Parameters:
    ///   - maximumBytes: a limit of the caller's, below ``InputSizeLimit`` (a claims file).
    ///   - parsed: whether the content will be parsed (JSON or text): then the memory for its
    ///     parsed form is checked too.
    /// - Throws: ``FileReadError`` (exit 66).
    /// - Complexity: O(n) in the size of the file.
    public static func read(_ path: String, maximumBytes: Int? = nil, parsed: Bool = true) throws(FileReadError) -> [UInt8] {
        let limit = min(try InputSizeLimit.bytes(reading: path), maximumBytes ?? .max)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)
        if descriptor < 0 {
            let code = errno
            switch code {
            case ENOENT: throw FileReadError(path: path, reason: .missing)
            case ELOOP: throw FileReadError(path: path, reason: .failed("too many levels of symbolic links (a loop of links?)"))
            default: throw FileReadError(path: path, reason: .failed("cannot open: \(SystemErrorText.describe(code))"))
            }
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw FileReadError(path: path, reason: .failed("cannot examine: \(SystemErrorText.describe(errno))"))
        }
        var expected = 0
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            let size = Int(status.st_size)
            if size > limit { throw FileReadError(path: path, reason: .tooLarge(size: size, limit: limit)) }
            expected = size
        case S_IFIFO:
            break
        case S_IFCHR where isatty(descriptor) == 1:
            break
        case S_IFDIR:
            throw FileReadError(path: path, reason: .isDirectory)
        case S_IFCHR:
            throw FileReadError(path: path, reason: .notAFile("a character device"))
        case S_IFBLK:
            throw FileReadError(path: path, reason: .notAFile("a block device"))
        default:
            throw FileReadError(path: path, reason: .notAFile("a socket"))
        }
        try reserve(2 * expected + 65_536, path: path)
        let bytes = try readAll(descriptor, expected: expected, limit: limit, path: path)
        if parsed { try reserve(ParsedMemoryEstimate.bytes(for: bytes), path: path) }
        return bytes
    }

    /// Reads until the end, or fails when more than `limit` bytes come.
    private static func readAll(_ descriptor: Int32, expected: Int, limit: Int, path: String) throws(FileReadError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(expected + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                let code = errno
                if code == EINTR { continue }
                if code == EISDIR { throw FileReadError(path: path, reason: .isDirectory) }
                throw FileReadError(path: path, reason: .failed(SystemErrorText.describe(code)))
            }
            if bytes.count + count > limit { throw FileReadError(path: path, reason: .tooLarge(size: nil, limit: limit)) }
            if bytes.count + count > bytes.capacity {
                try reserve(2 * (bytes.count + count), path: path)
            }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// Asks the allocator for `count` bytes and gives them back at once: when that fails, so
    /// would reading or parsing the file, which Swift cannot recover from.
    private static func reserve(_ count: Int, path: String) throws(FileReadError) {
        guard let block = malloc(max(count, 1)) else { throw FileReadError(path: path, reason: .outOfMemory(needed: count)) }
        free(block)
    }
}
