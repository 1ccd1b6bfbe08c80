import QEResults

/// Why a report, a key or a signature could not be read or written. Each case names the file;
/// ``category`` decides the exit status (DESIGN §4). A report that was read but does not verify
/// is not an error: see ``ReportVerification``.
public enum ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not exist (missing input).
    case missingFile(path: String, what: String)
    /// The file exists but cannot be read (missing input).
    case unreadable(path: String, reason: String)
    /// An input file's content cannot be used (invalid data).
    case invalidInput(path: String, reason: String)
    /// Not an Ed25519 key in the expected PEM form (invalid data).
    case invalidKey(path: String, reason: String)
    /// Not a `qe-validate/report@1` document, or its embedded data cannot be read (invalid data).
    case malformedReport(path: String, reason: String)
    /// An output file cannot be written (cannot write).
    case cannotWrite(path: String, reason: String)
    /// An output file exists and the command does not replace it (cannot write).
    case exists(path: String, what: String)
    /// Something that cannot happen did (internal error).
    case internalFailure(String)

    public var description: String {
        switch self {
        case let .missingFile(path, what): return "\(path): no such file (\(what))"
        case let .unreadable(path, reason): return "\(path): cannot read: \(reason)"
        case let .invalidInput(path, reason): return "\(path): \(reason)"
        case let .invalidKey(path, reason): return "\(path): \(reason)"
        case let .malformedReport(path, reason): return "\(path): not a readable qe-validate report: \(reason)"
        case let .cannotWrite(path, reason): return "\(path): cannot write: \(reason)"
        case let .exists(path, what): return "\(path): \(what) exists; not replacing it (remove it first, or choose another path)"
        case let .internalFailure(message): return "internal error: \(message)"
        }
    }

    /// What kind of failure it is.
    public var category: FailureCategory {
        switch self {
        case .missingFile, .unreadable: return .missingInput
        case .invalidInput, .invalidKey, .malformedReport: return .invalidData
        case .cannotWrite, .exists: return .cannotWrite
        case .internalFailure: return .internalFailure
        }
    }
}
