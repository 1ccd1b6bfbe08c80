/// What kind of failure an error is. The commands give each category its exit status
/// (DESIGN §4); modules below them only say which category their errors belong to.
public enum FailureCategory: Sendable, Hashable, CaseIterable {
    /// An input file is missing or cannot be read.
    case missingInput
    /// An input's content is invalid.
    case invalidData
    /// A setting (a command-line option, an environment variable) is invalid.
    case invalidUsage
    /// An output file cannot be written.
    case cannotWrite
    /// Something that cannot happen did.
    case internalFailure
}
