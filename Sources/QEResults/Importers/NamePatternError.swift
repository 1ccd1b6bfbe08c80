/// A `--name-pattern` that cannot be used.
public struct NamePatternError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The expression as given.
    public var pattern: String
    /// Why it cannot be used.
    public var reason: String

    /// `--name-pattern 'x(': not a valid regular expression: ...`.
    public var description: String { "--name-pattern '\(pattern)': \(reason)" }
}
