/// Why an input file could not be read: exit 66 (`EX_NOINPUT`), except
/// ``Reason/invalidLimitSetting(_:)`` (64). The message starts with the path as the user gave it.
public struct FileReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// Nothing at the path.
        case missing
        /// A directory, where a file was expected.
        case isDirectory
        /// A device or other special file that is not read as input (it could be endless, as
        /// `/dev/zero` is): the kind, in words.
        case notAFile(String)
        /// Larger than the input size limit (``InputSizeLimit``).
        case tooLarge(size: Int?, limit: Int)
        /// Reading it would need more memory than the process can get.
        case outOfMemory(needed: Int)
        /// `QE_VALIDATE_MAX_INPUT_SIZE` is set to something that is not a size (a usage error,
        /// exit 64, rather than a silently ignored setting).
        case invalidLimitSetting(String)
        /// A system call failed: what was being done, and why.
        case failed(String)
    }

    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// Whether the file is simply not there (some commands word that differently).
    public var isMissing: Bool { reason == .missing }

    public var description: String { "\(path): \(detail)" }

    /// The message after the path: ``explanation``, after `cannot read: ` where that reads well.
    public var detail: String {
        switch reason {
        case .failed, .outOfMemory, .notAFile: return "cannot read: " + explanation
        default: return explanation
        }
    }

    /// Why, in words.
    public var explanation: String {
        switch reason {
        case .missing:
            return "no such file"
        case .isDirectory:
            return "is a directory, not a file"
        case let .notAFile(kind):
            return "is \(kind), not a file; give a regular file or a pipe"
        case let .tooLarge(size, limit):
            let what = size.map { "is \(ByteCount.text($0)), " } ?? "is "
            return "\(what)more than the input limit of \(ByteCount.text(limit)) (raise it with \(InputSizeLimit.environmentVariable), e.g. \(InputSizeLimit.environmentVariable)=8G)"
        case let .outOfMemory(needed):
            return "not enough memory (about \(ByteCount.text(needed)) needed; is a memory limit such as 'ulimit -v' set?)"
        case let .invalidLimitSetting(value):
            return "not read: \(InputSizeLimit.environmentVariable)='\(value)' is not a size such as 512M, 8G or a number of bytes"
        case let .failed(detail):
            return detail
        }
    }
}
