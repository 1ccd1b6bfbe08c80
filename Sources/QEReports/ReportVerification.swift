/// What `verify` found: one check per concern (signature, raw data, statistics), each passed or
/// failed with a sentence that says what was checked or what differs.
public struct ReportVerification: Sendable {
    /// One check.
    public struct Check: Sendable {
        /// `signature`, `sign-off`, `raw data` or `statistics`.
        public var name: String
        public var passed: Bool
        /// What was checked, or every difference found (one per element).
        public var details: [String]
    }

    public var checks: [Check]
    /// Whether a signature was checked and found valid.
    public var signed: Bool
    /// Whether the signature was checked with a key the user gave (rather than the one the
    /// report names).
    public var keyGiven: Bool

    /// Whether every check passed.
    public var passed: Bool { checks.allSatisfy(\.passed) }
    /// The checks that failed.
    public var failures: [Check] { checks.filter { !$0.passed } }
}
