import Foundation
import QEResults

/// Writes a new key pair: the private key with mode 0600 and the public key beside it, neither
/// ever replacing an existing file (checked before either is written, and again as each is put
/// in place).
public enum KeyFiles {
    /// - Throws: ``ReportError/exists(path:what:)`` when either file exists (nothing is then
    ///   written), ``ReportError/cannotWrite(path:reason:)`` otherwise (a private key already
    ///   written is removed again, so no half pair is left).
    public static func write(privateKey: [UInt8], to privatePath: String, publicKey: [UInt8], to publicPath: String) throws(ReportError) {
        for path in [privatePath, publicPath] {
            var status = stat()
            if lstat(path, &status) == 0 { throw .exists(path: path, what: "a file") }
        }
        do {
            try AtomicFileWriter.write(privateKey, to: privatePath, mode: 0o600, existing: .refuse)
        } catch {
            throw ReportError(error)
        }
        do {
            try AtomicFileWriter.write(publicKey, to: publicPath, mode: 0o644, existing: .refuse)
        } catch {
            unlink(privatePath)
            throw ReportError(error)
        }
    }
}
