import Foundation
import QEReports
import QETestSupport
import Testing

/// Ed25519 keys and signatures against openssl, both ways: keys made by either tool are read by
/// the other, and a signature made by either verifies with the other.
@Suite("Signing, with openssl as the independent check")
struct SigningTests {
    @Test func ourKeysAndSignaturesWorkWithOpenSSL() throws {
        let scratch = try ScratchDirectory()
        let key = ReportSigningKey()
        let keyPath = try scratch.write(key.pemRepresentation, to: "key.pem")
        let publicPath = try scratch.write(key.publicKey.pemRepresentation, to: "key.pub.pem")
        #expect(key.pemRepresentation.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        #expect(key.publicKey.pemRepresentation.hasPrefix("-----BEGIN PUBLIC KEY-----\n"))

        // openssl reads both, and derives the same public key from our private key.
        let derived = try OpenSSL.run(["pkey", "-in", keyPath, "-pubout"])
        #expect(derived.status == 0, "\(derived.error)")
        #expect(String(decoding: derived.output, as: UTF8.self) == key.publicKey.pemRepresentation)

        let message = Array("{\"schema\": \"qe-validate/report@1\"}\n".utf8)
        let messagePath = try scratch.write(message, to: "r.json")
        let signature = try key.signature(for: message)
        #expect(signature.count == 64)
        let signaturePath = try scratch.write(signature, to: "r.json.sig")
        let verified = try OpenSSL.run(["pkeyutl", "-verify", "-pubin", "-inkey", publicPath, "-rawin", "-in", messagePath, "-sigfile", signaturePath])
        #expect(verified.status == 0, "openssl rejects our signature: \(verified.error)")

        // One changed byte: openssl refuses it.
        var edited = message
        edited[3] ^= 1
        let editedPath = try scratch.write(edited, to: "edited.json")
        #expect(try OpenSSL.run(["pkeyutl", "-verify", "-pubin", "-inkey", publicPath, "-rawin", "-in", editedPath, "-sigfile", signaturePath]).status != 0)
    }

    @Test func openSSLKeysAndSignaturesWorkWithUs() throws {
        let scratch = try ScratchDirectory()
        let keyPath = scratch.file("key.pem")
        let publicPath = scratch.file("key.pub.pem")
        #expect(try OpenSSL.run(["genpkey", "-algorithm", "ed25519", "-out", keyPath]).status == 0)
        #expect(try OpenSSL.run(["pkey", "-in", keyPath, "-pubout", "-out", publicPath]).status == 0)

        let key = try ReportSigningKey(contentsOf: keyPath)
        let publicKey = try ReportPublicKey(contentsOf: publicPath)
        #expect(key.publicKey == publicKey)

        let message = Array((0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let messagePath = try scratch.write(message, to: "data.bin")
        let signed = try OpenSSL.run(["pkeyutl", "-sign", "-inkey", keyPath, "-rawin", "-in", messagePath])
        #expect(signed.status == 0, "\(signed.error)")
        #expect(publicKey.isValidSignature(signed.output, for: message), "openssl's signature does not verify with us")
        // Ed25519 is deterministic (RFC 8032): both implementations give the same 64 bytes.
        #expect(try key.signature(for: message) == signed.output)
        #expect(!publicKey.isValidSignature(signed.output, for: message + [0]))
    }

    @Test func theFingerprintIsTheSHA256OfTheDERPublicKey() throws {
        let scratch = try ScratchDirectory()
        let key = ReportSigningKey()
        let publicPath = try scratch.write(key.publicKey.pemRepresentation, to: "key.pub.pem")
        let der = try OpenSSL.run(["pkey", "-pubin", "-in", publicPath, "-outform", "DER"])
        #expect(der.status == 0)
        #expect(key.publicKey.fingerprint == "SHA256:" + ReportDigest.sha256(der.output))
    }

    @Test func otherKeysAreRefusedWithTheFileNamed() throws {
        let scratch = try ScratchDirectory()
        let ecPath = scratch.file("ec.pem")
        #expect(try OpenSSL.run(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", ecPath]).status == 0)
        #expect(throws: ReportError.self) { try ReportSigningKey(contentsOf: ecPath) }
        do {
            _ = try ReportSigningKey(contentsOf: ecPath)
        } catch {
            #expect(error.description.hasPrefix(ecPath))
            if case .invalidKey = error {} else { Issue.record("not an invalid-key error: \(error)") }
        }
        let garbage = try scratch.write("not a key\n", to: "garbage.pem")
        #expect(throws: ReportError.self) { try ReportPublicKey(contentsOf: garbage) }
        #expect(throws: ReportError.missingFile(path: scratch.file("none.pem"), what: "key")) {
            try ReportPublicKey(contentsOf: scratch.file("none.pem"))
        }
        // A private key where a public one belongs, and the reverse.
        let key = ReportSigningKey()
        #expect(throws: ReportError.self) { try ReportPublicKey(pem: key.pemRepresentation, source: "k") }
        #expect(throws: ReportError.self) { try ReportSigningKey(pem: key.publicKey.pemRepresentation, source: "k") }
    }
}
