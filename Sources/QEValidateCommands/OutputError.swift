/// An output file could not be written.
struct OutputError: Error, CustomStringConvertible {
    var path: String
    /// What went wrong, e.g. "cannot write: No space left on device".
    var reason: String
    var description: String { "\(path): \(reason)" }
}
