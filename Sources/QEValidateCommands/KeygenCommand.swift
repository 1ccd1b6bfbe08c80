import ArgumentParser
import Foundation
import QEReports
import QEResults

/// `qe-validate keygen --out key.pem`: a new Ed25519 key pair for signing reports.
public struct KeygenCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Make an Ed25519 key pair for signing reports: KEY.pem (private) and KEY.pub.pem (public).",
        discussion: """
            Writes the private key as PKCS#8 PEM with file mode 0600, and the public key beside \
            it as SubjectPublicKeyInfo PEM (key.pem → key.pub.pem). These are the forms \
            'openssl genpkey -algorithm ed25519' and 'openssl pkey -pubout' write, so either tool's \
            keys work with the other. Existing files are never replaced.

            Keep the private key out of any repository; publish the public key (commit it beside \
            the reports it checks).

            Examples:
              qe-validate keygen --out ~/.config/qe-validate/key.pem
              openssl genpkey -algorithm ed25519 -out key.pem && openssl pkey -in key.pem -pubout -out key.pub.pem

            Exit codes: 0 written; 64 usage; 73 a file exists or cannot be written.
            """
    )

    @Option(name: .customLong("out"), help: "Where to write the private key; the public key goes beside it as *.pub.pem.")
    var out: String

    public init() {}

    /// `key.pem` → `key.pub.pem`; any other name gets `.pub.pem` appended.
    static func publicKeyPath(for privateKeyPath: String) -> String {
        privateKeyPath.hasSuffix(".pem") ? String(privateKeyPath.dropLast(4)) + ".pub.pem" : privateKeyPath + ".pub.pem"
    }

    public func validate() throws {
        guard !out.isEmpty, !out.hasSuffix("/") else { throw ValidationError("--out must name a file, for example key.pem") }
        guard !out.hasSuffix(".pub.pem") else {
            throw ValidationError("--out names the private key; the public key goes beside it (key.pem → key.pub.pem)")
        }
    }

    public func run() throws {
        let publicPath = Self.publicKeyPath(for: out)
        do {
            let key = ReportSigningKey()
            try KeyFiles.write(privateKey: Array(key.pemRepresentation.utf8), to: out,
                               publicKey: Array(key.publicKey.pemRepresentation.utf8), to: publicPath)
            let message = """
                wrote \(out) (private key, mode 0600: keep it secret and out of any repository)
                wrote \(publicPath) (public key, fingerprint \(key.publicKey.fingerprint))

                """
            FileHandle.standardOutput.write(Data(message.utf8))
        } catch {
            throw CommandFailure.exitCode(for: error)
        }
    }
}
