import Foundation
import QEResults

/// Checks a report (`qe-validate verify`): its Ed25519 signature, the SHA-256 of the raw data
/// it embeds, and every statistic and verdict it states, recomputed from that raw data with the
/// options it records.
///
/// The recomputation runs ``ReportBuilder`` on the report's own inputs (``ReportRequest`` and
/// the embedded results) and compares the result with the report value by value
/// (``StatedValueComparison``): exactly by default — the judge is deterministic (seeded
/// bootstrap, fixed chunking), so the same build gives the same bits — or within a relative
/// `tolerance` for a report made on a platform whose floating-point library differs.
public struct ReportVerifier: Sendable {
    /// A key the user trusts, and where it came from.
    public struct TrustedKey: Sendable {
        public var key: ReportPublicKey
        public var source: String

        public init(key: ReportPublicKey, source: String) {
            self.key = key
            self.source = source
        }
    }

    /// Largest relative difference accepted between non-integer numbers (0: exact).
    public var tolerance: Double
    /// The key the signature must verify with; nil: the key the report names (which shows the
    /// report is intact, not who made it).
    public var trustedKey: TrustedKey?

    public init(tolerance: Double = 0, trustedKey: TrustedKey? = nil) {
        self.tolerance = tolerance
        self.trustedKey = trustedKey
    }

    /// The inputs of a report: what ``ReportBuilder`` needs to build it again.
    private struct Inputs: Decodable {
        var schema: String
        var request: ReportRequest
        var rawData: [EmbeddedResults]
    }

    /// Verifies the report at `path`, with its signature at `signaturePath` (default: `path` +
    /// `.sig`).
    /// - Throws: ``ReportError`` when the report or the signature file cannot be read, or the
    ///   report is not a `qe-validate/report@1` document (missing input or invalid data). A
    ///   report that reads but does not verify is not an error: see ``ReportVerification/passed``.
    ///
    /// While a `report` that was interrupted has its switch to a new set pending
    /// (``ReportFiles/journalPath(forReport:)``), the new set's files are read, so the report and
    /// its signature always come from one set.
    public func verify(reportAt path: String, signatureAt signaturePath: String? = nil) throws(ReportError) -> ReportVerification {
        let journal = ReportFiles.journalPath(forReport: path)
        func current(_ file: String) -> String? {
            guard let journal else { return file }
            return AtomicFileSet.readablePath(of: file, journal: journal)
        }
        let bytes = try ReportFileReader.bytes(at: current(path) ?? path, what: "report")
        let signaturePath = signaturePath ?? path + ".sig"
        var signature: [UInt8]?
        if let readable = current(signaturePath) {
            do {
                signature = try ReportFileReader.bytes(at: readable, what: "signature")
            } catch .missingFile {
                signature = nil
            }
        }
        return try verify(bytes: bytes, path: path, signature: signature, signaturePath: signaturePath)
    }

    /// Verifies a report held in memory; see ``verify(reportAt:signatureAt:)``.
    /// - Parameter signature: the detached signature's bytes; nil when there is none.
    public func verify(bytes: [UInt8], path: String, signature: [UInt8]?, signaturePath: String) throws(ReportError) -> ReportVerification {
        let inputs = try ReportJSON.decode(Inputs.self, from: bytes, source: path)
        guard inputs.schema == ReportDocument.schemaName else {
            throw .malformedReport(path: path, reason: "schema is \"\(inputs.schema)\", expected \"\(ReportDocument.schemaName)\"")
        }
        var checks: [ReportVerification.Check] = []
        let signatureCheck = checkSignature(bytes: bytes, signature: signature, signaturePath: signaturePath, request: inputs.request, path: path)
        checks.append(signatureCheck.check)
        if let signOff = signatureCheck.signOff { checks.append(signOff) }
        checks.append(checkDigests(inputs.rawData))
        checks.append(checkStatistics(bytes: bytes, inputs: inputs, path: path))
        return ReportVerification(checks: checks, signed: signature != nil && signatureCheck.check.passed, keyGiven: trustedKey != nil)
    }

    private func checkSignature(
        bytes: [UInt8], signature: [UInt8]?, signaturePath: String, request: ReportRequest, path: String
    ) -> (check: ReportVerification.Check, signOff: ReportVerification.Check?) {
        func check(_ passed: Bool, _ detail: String) -> ReportVerification.Check {
            .init(name: "signature", passed: passed, details: [detail])
        }
        let namedKey = request.signingKey.flatMap { try? ReportPublicKey(pem: $0, source: path) }
        if request.signingKey != nil && namedKey == nil {
            return (check(false, "the report names a signing key that is not an Ed25519 public key"), nil)
        }
        guard let signature else {
            if trustedKey != nil {
                return (check(false, "\(signaturePath): no such file, so the report is not signed"), nil)
            }
            if let namedKey {
                return (check(false, "the report says it is signed with key \(namedKey.fingerprint), but \(signaturePath) does not exist"), nil)
            }
            return (check(true, "not signed (no \(signaturePath)): only the figures were checked"), nil)
        }
        guard signature.count == 64 else {
            return (check(false, "\(signaturePath) has \(signature.count) bytes, not the 64 of a raw Ed25519 signature"), nil)
        }
        if let trustedKey {
            let valid = trustedKey.key.isValidSignature(signature, for: bytes)
            let named = namedKey.map { " (the report names key \($0.fingerprint))" } ?? " (the report names no key)"
            let signatureResult = valid
                ? check(true, "Ed25519 signature \(signaturePath) is valid for key \(trustedKey.key.fingerprint) (\(trustedKey.source))")
                : check(false, "\(signaturePath) does not verify with \(trustedKey.source) (key \(trustedKey.key.fingerprint))\(named): the report was changed after it was signed, or signed with another key")
            var signOff: ReportVerification.Check?
            if valid, namedKey != trustedKey.key {
                signOff = .init(
                    name: "sign-off", passed: false,
                    details: ["the report's sign-off names key \(namedKey?.fingerprint ?? "none"), but it was signed with \(trustedKey.key.fingerprint)"])
            }
            return (signatureResult, signOff)
        }
        guard let namedKey else {
            return (check(false, "\(signaturePath) exists but the report names no signing key: pass --public-key"), nil)
        }
        if namedKey.isValidSignature(signature, for: bytes) {
            return (check(true, "Ed25519 signature \(signaturePath) is valid for the key the report names, \(namedKey.fingerprint); that shows the report is unchanged since it was signed, not who signed it: pass --public-key with a key you trust"), nil)
        }
        return (check(false, "\(signaturePath) does not verify with the key the report names (\(namedKey.fingerprint)): the report was changed after it was signed, or the signature is not its own"), nil)
    }

    private func checkDigests(_ rawData: [EmbeddedResults]) -> ReportVerification.Check {
        var details: [String] = []
        var passed = true
        for entry in rawData {
            let utf8 = Array(entry.content.utf8)
            let digest = ReportDigest.sha256(utf8)
            if digest != entry.sha256 || utf8.count != entry.bytes {
                passed = false
                details.append(
                    "\(entry.path): the embedded data have SHA-256 \(digest) (\(utf8.count) bytes), but the report states \(entry.sha256) (\(entry.bytes) bytes): the raw data were changed")
            } else {
                details.append("\(entry.path): SHA-256 \(digest) (\(utf8.count) bytes) as stated")
            }
        }
        if rawData.isEmpty {
            passed = false
            details.append("the report embeds no raw data")
        }
        return .init(name: "raw data", passed: passed, details: details)
    }

    private func checkStatistics(bytes: [UInt8], inputs: Inputs, path: String) -> ReportVerification.Check {
        let rebuiltData = inputs.rawData.map { EmbeddedResults(role: $0.role, path: $0.path, content: $0.content, convertedFrom: $0.convertedFrom) }
        let recomputed: JSONTree
        let stated: JSONTree
        do {
            let report = try ReportBuilder.build(request: inputs.request, rawData: rebuiltData)
            recomputed = try ReportJSON.decode(JSONTree.self, from: try ReportJSON.encode(report.document), source: path)
            stated = try ReportJSON.decode(JSONTree.self, from: bytes, source: path)
        } catch {
            return .init(name: "statistics", passed: false, details: ["the embedded raw data cannot be judged again: \(error)"])
        }
        var comparison = StatedValueComparison(tolerance: tolerance)
        comparison.compare(stated: stated, recomputed: recomputed, path: "")
        if comparison.differences.isEmpty {
            let how = tolerance > 0 ? "within a relative \(tolerance)" : "all equal"
            return .init(name: "statistics", passed: true, details: ["\(comparison.compared) stated values recomputed from the raw data, \(how)"])
        }
        return .init(name: "statistics", passed: false, details: comparison.differences)
    }
}
