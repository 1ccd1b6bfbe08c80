import Foundation

/// The largest input file qe-validate reads: 1 GiB unless the environment variable
/// `QE_VALIDATE_MAX_INPUT_SIZE` says otherwise (`512M`, `8G`, or a number of bytes).
///
/// Inputs are read whole into memory and parsed there, so a limit is what keeps a mistaken
/// path (`/dev/zero`, a 3 GB log) from exhausting the machine: a regular file above it is
/// refused before it is read, a pipe when it passes it. A results file of two million samples
/// is about 30 MB.
public enum InputSizeLimit {
    public static let environmentVariable = "QE_VALIDATE_MAX_INPUT_SIZE"
    public static let defaultBytes = 1 << 30

    /// The limit in force: the environment's, or the default when it is not set.
    /// - Throws: ``FileReadError/Reason/invalidLimitSetting(_:)`` (reported against `path`) when
    ///   the variable is set to something that is not a size.
    public static func bytes(reading path: String) throws(FileReadError) -> Int {
        guard let text = ProcessInfo.processInfo.environment[environmentVariable] else { return defaultBytes }
        guard let bytes = ByteCount.parse(text) else { throw FileReadError(path: path, reason: .invalidLimitSetting(text)) }
        return bytes
    }
}
