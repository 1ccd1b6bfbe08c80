import Foundation

/// Reads whole input files — results, baselines, other tools' output, claims, reports, keys,
/// signatures — with a size limit and a memory check, so that no input can exhaust the
/// machine or end the process with an allocation failure.
///
/// - A regular file larger than ``InputSizeLimit`` is refused before it is read; a pipe or a
///   terminal is read up to the limit and refused when it passes it.
/// - Devices other than terminals (`/dev/zero`, `/dev/null`, a disk), sockets and directories
///   are refused: they are not files of data, and some never end.
/// - Before reading, the memory the caller will need (`memoryPerByte` times the size: the bytes
///   themselves and what parsing them makes) is asked of the allocator; when it cannot be had
///   (`ulimit -v`, an exhausted machine) the file is refused with a message instead of the
///   process ending in an allocation failure.
public enum InputFile {
    /// Memory per input byte that the JSON reader needs in the worst case (the bytes, plus the
    /// parsed tree of a document made only of empty objects); see `InputFileTests`.
    public static let jsonMemoryPerByte = 16

    /// The whole content of the file at `path`.
    /// - Parameters:
    ///   - maximumBytes: a limit of the caller's, below ``InputSizeLimit`` (a claims file).
    ///   - memoryPerByte: bytes of memory needed per input byte, the input included (at least 1).
    /// - Throws: ``FileReadError`` (exit 66).
    /// - Complexity: O(n) in the size of the file.
    public static func read(_ path: String, maximumBytes: Int? = nil, memoryPerByte: Int = jsonMemoryPerByte) throws(FileReadError) -> [UInt8] {
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
        try reserve(expected, times: memoryPerByte, path: path)
        let bytes = try readAll(descriptor, expected: expected, limit: limit, path: path)
        if bytes.count > expected {
            // A pipe, or a file that grew: check the memory for what was actually read.
            try reserve(bytes.count, times: memoryPerByte, path: path)
        }
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
                try reserve(2 * (bytes.count + count), times: 1, path: path)
            }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// Asks the allocator for `count × perByte` bytes and gives them back at once: when that
    /// fails, so would reading and parsing the file, which Swift cannot recover from.
    private static func reserve(_ count: Int, times perByte: Int, path: String) throws(FileReadError) {
        let (needed, overflow) = max(count, 1).multipliedReportingOverflow(by: max(perByte, 1))
        guard !overflow, let block = malloc(needed) else {
            throw FileReadError(path: path, reason: .outOfMemory(needed: overflow ? Int.max : needed))
        }
        free(block)
    }
}
