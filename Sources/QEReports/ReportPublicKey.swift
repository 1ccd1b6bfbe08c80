import Crypto
import CryptoExtras
import Foundation

/// An Ed25519 public key that checks report signatures, read from or written as
/// SubjectPublicKeyInfo PEM (`-----BEGIN PUBLIC KEY-----`), the form
/// `openssl pkey -in key.pem -pubout` writes.
public struct ReportPublicKey: Sendable, Equatable {
    let key: Curve25519.Signing.PublicKey

    init(key: Curve25519.Signing.PublicKey) {
        self.key = key
    }

    /// Reads an SPKI PEM public key.
    /// - Parameter source: the file's path (or where the text came from), for messages.
    /// - Throws: ``ReportError/invalidKey`` when the text is not an Ed25519 SPKI PEM key.
    public init(pem: String, source: String) throws(ReportError) {
        do {
            key = try Curve25519.Signing.PublicKey(pemRepresentation: pem)
        } catch {
            throw .invalidKey(path: source, reason: "not an Ed25519 public key in SubjectPublicKeyInfo PEM form (-----BEGIN PUBLIC KEY-----)")
        }
    }

    /// Reads the SPKI PEM public key at `path`.
    public init(contentsOf path: String) throws(ReportError) {
        try self.init(pem: try ReportFileReader.text(at: path, what: "key"), source: path)
    }

    /// The key as SubjectPublicKeyInfo PEM, ending with a newline.
    public var pemRepresentation: String { ReportSigningKey.withFinalNewline(key.pemRepresentation) }

    /// The key's fingerprint: `SHA256:` and the lowercase hex SHA-256 of its SubjectPublicKeyInfo
    /// DER bytes, which `openssl pkey -pubin -in key.pub.pem -outform DER | sha256sum` prints too.
    public var fingerprint: String {
        "SHA256:" + ReportDigest.hex(SHA256.hash(data: key.derRepresentation))
    }

    /// Whether `signature` is this key's Ed25519 signature of exactly `bytes`.
    public func isValidSignature(_ signature: [UInt8], for bytes: [UInt8]) -> Bool {
        signature.count == 64 && key.isValidSignature(signature, for: bytes)
    }

    public static func == (lhs: ReportPublicKey, rhs: ReportPublicKey) -> Bool {
        lhs.key.rawRepresentation == rhs.key.rawRepresentation
    }
}
