import Crypto
import CryptoExtras
import Foundation

/// An Ed25519 private key that signs reports, read from or written as PKCS#8 PEM
/// (`-----BEGIN PRIVATE KEY-----`), the form `openssl genpkey -algorithm ed25519` writes.
///
/// Signatures are RFC 8032 Ed25519 (pure, no pre-hash) over the exact bytes given: 64 raw bytes,
/// which `openssl pkeyutl -verify -pubin -inkey key.pub.pem -rawin -in FILE -sigfile FILE.sig`
/// checks. Ed25519 signing is deterministic: the same key and bytes give the same signature.
public struct ReportSigningKey: Sendable {
    let key: Curve25519.Signing.PrivateKey

    /// A new random key (from the system's secure random source).
    public init() {
        key = Curve25519.Signing.PrivateKey()
    }

    /// Reads a PKCS#8 PEM private key.
    /// - Parameter source: the file's path, for messages.
    /// - Throws: ``ReportError/invalidKey`` when the text is not an Ed25519 PKCS#8 PEM key.
    public init(pem: String, source: String) throws(ReportError) {
        do {
            key = try Curve25519.Signing.PrivateKey(pemRepresentation: pem)
        } catch {
            throw .invalidKey(path: source, reason: "not an Ed25519 private key in PKCS#8 PEM form (make one with 'qe-validate keygen' or 'openssl genpkey -algorithm ed25519')")
        }
    }

    /// Reads the PKCS#8 PEM private key at `path`.
    public init(contentsOf path: String) throws(ReportError) {
        try self.init(pem: try ReportFileReader.text(at: path, what: "key"), source: path)
    }

    /// The key as PKCS#8 PEM, ending with a newline.
    public var pemRepresentation: String { Self.withFinalNewline(key.pemRepresentation) }

    /// The matching public key.
    public var publicKey: ReportPublicKey { ReportPublicKey(key: key.publicKey) }

    /// The 64-byte Ed25519 signature of `bytes`.
    public func signature(for bytes: [UInt8]) throws(ReportError) -> [UInt8] {
        do {
            return Array(try key.signature(for: bytes))
        } catch {
            throw .internalFailure("Ed25519 signing failed: \(error)")
        }
    }

    static func withFinalNewline(_ text: String) -> String {
        text.hasSuffix("\n") ? text : text + "\n"
    }
}
