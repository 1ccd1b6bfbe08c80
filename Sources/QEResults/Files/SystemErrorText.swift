import Foundation

/// The C library's words for an `errno` value ("No space left on device"), for messages that
/// say why a file could not be read or written.
public enum SystemErrorText {
    /// `strerror(code)`, or `error CODE` when the C library has no text for it.
    public static func describe(_ code: Int32) -> String {
        guard let message = strerror(code) else { return "error \(code)" }
        return String(cString: message)
    }
}
