/// A commit as the bisection names it: its full hash and the first line of its message.
public struct BisectCommit: Sendable, Codable, Equatable {
    public var commit: String
    public var subject: String

    public init(commit: String, subject: String) {
        self.commit = commit
        self.subject = subject
    }
}
