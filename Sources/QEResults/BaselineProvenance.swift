/// Where a baseline came from: when it was recorded, from which results, at which commit, and
/// who signed it off. Stored as the `"baseline"` member of a results file (see ``BaselineFile``).
///
/// The environment the samples were measured in is the results file's own `"environment"`;
/// the provenance adds what only the act of adopting the results as a baseline knows.
public struct BaselineProvenance: Hashable, Sendable {
    /// The schema of the `"baseline"` member.
    public static let schema = "qe-validate/baseline@1"

    /// When the baseline was recorded (ISO 8601, UTC).
    public var recordedAt: String
    /// Who signed it off, as `Name <email>`; nil when nobody did.
    public var signedOffBy: String?
    /// The git commit of the code that was measured (the results' own, or the repository's
    /// `HEAD` when the baseline was recorded).
    public var gitCommit: String?
    /// The results file the baseline was made from, as given on the command line.
    public var source: String?
    /// The command that recorded the baseline.
    public var command: String?

    /// Creates a provenance record.
    public init(recordedAt: String, signedOffBy: String? = nil, gitCommit: String? = nil, source: String? = nil, command: String? = nil) {
        self.recordedAt = recordedAt
        self.signedOffBy = signedOffBy
        self.gitCommit = gitCommit
        self.source = source
        self.command = command
    }
}
