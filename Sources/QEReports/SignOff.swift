/// Who signs the report off, when, and with which key.
public struct SignOff: Sendable, Codable, Equatable {
    /// `Name <email>`; nil when nobody signed it off.
    public var name: String?
    /// ISO 8601, UTC.
    public var date: String
    /// The signing key's fingerprint (see ``ReportPublicKey/fingerprint``); nil when unsigned.
    public var publicKeyFingerprint: String?
    /// The signing key's public half, SubjectPublicKeyInfo PEM; nil when unsigned.
    public var publicKey: String?
    /// What the sign-off says, in one sentence.
    public var statement: String
}
