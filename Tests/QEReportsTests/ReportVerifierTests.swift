import Foundation
import QEReports
import QEResults
import QEValidation
import Testing

/// `verify` on reports held in memory: intact reports pass; edited numbers, edited raw data,
/// edited signatures and other keys fail, with a message that names what failed.
@Suite("Report verification")
struct ReportVerifierTests {
    struct Signed {
        var json: [UInt8]
        var signature: [UInt8]
        var key: ReportSigningKey
    }

    static func signed() throws -> Signed {
        let key = ReportSigningKey()
        let files = try ReportFiles(try ReportFixture.report(key: key), signingKey: key)
        return Signed(json: files.json, signature: try #require(files.signature), key: key)
    }

    static func verify(_ json: [UInt8], signature: [UInt8]?, key: ReportPublicKey?, tolerance: Double = 0) throws -> ReportVerification {
        try ReportVerifier(tolerance: tolerance, trustedKey: key.map { .init(key: $0, source: "key.pub.pem") })
            .verify(bytes: json, path: "r.json", signature: signature, signaturePath: "r.json.sig")
    }

    /// `json` with the first occurrence of `old` replaced by `new`.
    static func replacing(_ json: [UInt8], _ old: String, _ new: String) throws -> [UInt8] {
        let text = String(decoding: json, as: UTF8.self)
        let range = try #require(text.range(of: old), "\(old) not in the report")
        return Array(text.replacingCharacters(in: range, with: new).utf8)
    }

    @Test func anIntactReportVerifies() throws {
        let report = try Self.signed()
        let verification = try Self.verify(report.json, signature: report.signature, key: report.key.publicKey)
        #expect(verification.passed, "\(verification.failures.map(\.details))")
        #expect(verification.signed && verification.keyGiven)
        #expect(verification.checks.map(\.name) == ["signature", "raw data", "statistics"])
        let statistics = try #require(verification.checks.last)
        #expect(statistics.details[0].contains("stated values recomputed from the raw data, all equal"))
        // Without a key: checked with the key the report names, and said so.
        let selfChecked = try Self.verify(report.json, signature: report.signature, key: nil)
        #expect(selfChecked.passed)
        #expect(selfChecked.checks[0].details[0].contains("not who signed it"))
    }

    @Test func anEditedNumberFailsAndIsNamed() throws {
        let report = try Self.signed()
        let json = String(decoding: report.json, as: UTF8.self)
        // The speedup estimate of the first workload, as written.
        let estimateLine = try #require(json.components(separatedBy: "\n").first { $0.contains("\"estimate\" : ") })
        let edited = try Self.replacing(report.json, estimateLine, estimateLine.replacingOccurrences(of: ": ", with: ": 1") )
        // Re-signed by the same key, so only the recomputation can catch it.
        let verification = try Self.verify(edited, signature: try report.key.signature(for: edited), key: report.key.publicKey)
        #expect(!verification.passed)
        let statistics = try #require(verification.failures.first)
        #expect(statistics.name == "statistics")
        #expect(statistics.details[0].contains("judgement.benchmarks[0 fast]"))
        #expect(statistics.details[0].contains("estimate: the report states 1"))
        // Without re-signing, the signature fails too.
        let unsigned = try Self.verify(edited, signature: report.signature, key: report.key.publicKey)
        #expect(unsigned.failures.map(\.name) == ["signature", "statistics"])
    }

    @Test func anEditedVerdictFails() throws {
        let report = try Self.signed()
        let edited = try Self.replacing(report.json, "\"verdict\" : \"refuted\"", "\"verdict\" : \"holds\"")
        let verification = try Self.verify(edited, signature: try report.key.signature(for: edited), key: report.key.publicKey)
        #expect(verification.failures.map(\.name) == ["statistics"])
        #expect(verification.failures[0].details.contains { $0.contains("verdict: the report states \"holds\", the raw data give \"refuted\"") })
    }

    @Test func editedRawDataFailTheDigestAndTheStatistics() throws {
        let report = try Self.signed()
        let document = try ReportJSON.decode(ReportDocument.self, from: report.json, source: "r.json")
        let content = document.rawData[0].content
        // Change one sample of the embedded results (the first number after "samples": [).
        let marker = try #require(content.range(of: "\"samples\": ["))
        let digitEnd = try #require(content[marker.upperBound...].firstIndex(where: { !$0.isNumber }))
        let sample = String(content[marker.upperBound..<digitEnd])
        var editedDocument = document
        editedDocument.rawData[0].content = content.replacingCharacters(in: marker.upperBound..<digitEnd, with: String((Int(sample) ?? 0) / 2))
        let edited = try ReportJSON.encode(editedDocument)
        let verification = try Self.verify(edited, signature: try report.key.signature(for: edited), key: report.key.publicKey)
        #expect(verification.failures.map(\.name) == ["raw data", "statistics"])
        #expect(verification.failures[0].details[0].contains("the raw data were changed"))

        // With the digest made to match, the recomputed numbers still give it away.
        editedDocument.rawData[0] = EmbeddedResults(path: "results.json", content: editedDocument.rawData[0].content)
        let consistent = try ReportJSON.encode(editedDocument)
        let second = try Self.verify(consistent, signature: try report.key.signature(for: consistent), key: report.key.publicKey)
        #expect(second.failures.map(\.name) == ["statistics"])
        #expect(second.failures[0].details.contains { $0.contains("distributions[0 fast].baseline") || $0.contains("judgement.benchmarks[0 fast]") })
    }

    @Test func anEditedSignatureFails() throws {
        let report = try Self.signed()
        var signature = report.signature
        signature[10] ^= 0x01
        let verification = try Self.verify(report.json, signature: signature, key: report.key.publicKey)
        #expect(verification.failures.map(\.name) == ["signature"])
        #expect(verification.failures[0].details[0].contains("does not verify with key.pub.pem"))
        let truncated = try Self.verify(report.json, signature: Array(signature.prefix(63)), key: report.key.publicKey)
        #expect(truncated.failures[0].details[0].contains("not the 64 of a raw Ed25519 signature"))
    }

    @Test func anotherKeyFails() throws {
        let report = try Self.signed()
        let other = ReportSigningKey()
        let verification = try Self.verify(report.json, signature: report.signature, key: other.publicKey)
        #expect(verification.failures.map(\.name) == ["signature"])
        #expect(verification.failures[0].details[0].contains(other.publicKey.fingerprint))
        #expect(verification.failures[0].details[0].contains(report.key.publicKey.fingerprint), "names the key the report names")

        // Re-signed by the other key but still naming the first: the sign-off check fails.
        let resigned = try other.signature(for: report.json)
        let mismatch = try Self.verify(report.json, signature: resigned, key: other.publicKey)
        #expect(mismatch.failures.map(\.name) == ["sign-off"])
        // And without --public-key, the named key does not verify the other key's signature.
        #expect(try Self.verify(report.json, signature: resigned, key: nil).failures.map(\.name) == ["signature"])
    }

    @Test func unsignedReports() throws {
        let files = try ReportFiles(try ReportFixture.report(), signingKey: nil)
        #expect(files.signature == nil)
        let plain = try Self.verify(files.json, signature: nil, key: nil)
        #expect(plain.passed && !plain.signed)
        #expect(plain.checks[0].details[0].contains("not signed"))
        // Asking for a key's signature on an unsigned report fails.
        let keyed = try Self.verify(files.json, signature: nil, key: ReportSigningKey().publicKey)
        #expect(keyed.failures.map(\.name) == ["signature"])
        // A signed report whose .sig went missing fails even without a key.
        let report = try Self.signed()
        #expect(try Self.verify(report.json, signature: nil, key: nil).failures.map(\.name) == ["signature"])
    }

    @Test func notAReportIsAnError() throws {
        #expect(throws: ReportError.self) { try Self.verify(Array("{\"schema\": 3}".utf8), signature: nil, key: nil) }
        #expect(throws: ReportError.self) { try Self.verify(Array("[1, 2".utf8), signature: nil, key: nil) }
        do {
            _ = try Self.verify(Array("{\"schema\": \"qe-validate/verdict@1\", \"request\": {}, \"rawData\": []}".utf8), signature: nil, key: nil)
            Issue.record("a verdict document verified as a report")
        } catch let error as ReportError {
            if case .malformedReport = error {} else { Issue.record("not a malformed-report error: \(error)") }
            #expect(error.description.hasPrefix("r.json: not a readable qe-validate report"))
        }
    }

    @Test func theToleranceAcceptsLastDigitDifferencesOnly() throws {
        let report = try Self.signed()
        let document = try ReportJSON.decode(ReportDocument.self, from: report.json, source: "r.json")
        var nudged = document
        nudged.judgement.benchmarks[0].speedup.low *= 1 + 1e-13
        let json = try ReportJSON.encode(nudged)
        #expect(!(try Self.verify(json, signature: nil, key: nil).passed), "exact by default")
        #expect(try Self.verify(json, signature: nil, key: nil, tolerance: 1e-9).checks[2].passed)
        nudged.judgement.benchmarks[0].speedup.low *= 1.001
        #expect(!(try Self.verify(try ReportJSON.encode(nudged), signature: nil, key: nil, tolerance: 1e-9).passed))
    }
}
