import Foundation
import QEReports
import QEResults
import QETestSupport
import Testing

/// `qe-validate report`, `keygen` and `verify`, run as a user runs them (the built executable),
/// with openssl as the independent check of the signatures.
@Suite("qe-validate report, keygen and verify", .tags(.slow), .skippedWhenFast)
struct ReportCommandTests {
    static let date = "2026-11-27T09:00:00Z"

    /// A results file with the given true speedups (5 paired runs × 30 iterations).
    static func results(_ speedups: [String: Double], in scratch: ScratchDirectory, name: String = "results.json") throws -> String {
        let path = scratch.file(name)
        try SyntheticResults.file(speedups: speedups, runs: 5, iterations: 30).write(to: path)
        return path
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try ExecutableTests.run(arguments)
    }

    static func openssl(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Makes a key pair with `qe-validate keygen` and a signed report of `speedups` judged
    /// against `claim`; returns the report's path, the public key's path and the exit status.
    static func signedReport(
        _ speedups: [String: Double] = ["a": 3.0, "b": 4.0], claim: String = "2.49x-7.47x", in scratch: ScratchDirectory
    ) throws -> (json: String, publicKey: String, status: Int32) {
        let input = try results(speedups, in: scratch)
        #expect(try run(["keygen", "--out", scratch.file("key.pem")]).status == 0)
        let report = try run([
            "report", input, "--claim", claim, "--out", scratch.path, "--name", "r", "--signed-off-by", "Ada <ada@example.org>",
            "--sign-key", scratch.file("key.pem"), "--date", date,
        ])
        return (scratch.file("r.json"), scratch.file("key.pub.pem"), report.status)
    }

    @Test func aSignedReportIsWrittenAndVerifies() throws {
        let scratch = try ScratchDirectory()
        let report = try Self.signedReport(in: scratch)
        #expect(report.status == 0, "both workloads hold: validated")
        #expect(try scratch.contents() == ["key.pem", "key.pub.pem", "r.html", "r.json", "r.json.sig", "r.md", "results.json"])
        let verify = try Self.run(["verify", report.json, "--public-key", report.publicKey])
        #expect(verify.status == 0, "\(verify.stdout) \(verify.stderr)")
        #expect(verify.stdout.contains("signature  ok") && verify.stdout.contains("raw data   ok") && verify.stdout.contains("statistics ok"))
        #expect(verify.stdout.hasSuffix("verified\n"))
        #expect(verify.stderr.isEmpty)
        // openssl checks the signature without qe-validate.
        #expect(try Self.openssl(["pkeyutl", "-verify", "-pubin", "-inkey", report.publicKey, "-rawin", "-in", report.json, "-sigfile", report.json + ".sig"]) == 0)
        let markdown = try String(contentsOfFile: scratch.file("r.md"), encoding: .utf8)
        #expect(markdown.contains("**Verdict: validated**"))
        let html = try String(contentsOfFile: scratch.file("r.html"), encoding: .utf8)
        #expect(html.contains("data-verdict=\"validated\"") && !html.contains("<script"))
    }

    @Test func anOpenSSLKeySignsAndOpenSSLSignaturesVerify() throws {
        let scratch = try ScratchDirectory()
        let input = try Self.results(["a": 3.0], in: scratch)
        let key = scratch.file("ossl.pem")
        let publicKey = scratch.file("ossl.pub.pem")
        #expect(try Self.openssl(["genpkey", "-algorithm", "ed25519", "-out", key]) == 0)
        #expect(try Self.openssl(["pkey", "-in", key, "-pubout", "-out", publicKey]) == 0)
        // openssl's key, our signature, openssl's check.
        #expect(try Self.run(["report", input, "--claim", "2x", "--out", scratch.path, "--name", "r", "--sign-key", key, "--date", Self.date]).status == 0)
        #expect(try Self.openssl(["pkeyutl", "-verify", "-pubin", "-inkey", publicKey, "-rawin", "-in", scratch.file("r.json"), "-sigfile", scratch.file("r.json.sig")]) == 0)
        #expect(try Self.run(["verify", scratch.file("r.json"), "--public-key", publicKey]).status == 0)

        // The reverse: our key, openssl's signature, our check.
        #expect(try Self.run(["keygen", "--out", scratch.file("ours.pem")]).status == 0)
        #expect(try Self.run(["report", input, "--claim", "2x", "--out", scratch.path, "--name", "s", "--date", Self.date]).status == 0)
        #expect(try Self.openssl(["pkeyutl", "-sign", "-inkey", scratch.file("ours.pem"), "-rawin", "-in", scratch.file("s.json"), "-out", scratch.file("s.json.sig")]) == 0)
        // The report names no key (it was made unsigned), so the key must be given.
        let verified = try Self.run(["verify", scratch.file("s.json"), "--public-key", scratch.file("ours.pub.pem")])
        #expect(verified.status == 1, "signed afterwards, the report's sign-off names no key")
        #expect(verified.stderr.contains("sign-off"))
        #expect(verified.stdout.contains("signature  ok"), "the signature itself verifies: \(verified.stdout)")
    }

    @Test func keygenWritesAPrivateKeyOnlyItsOwnerCanReadAndNeverReplacesOne() throws {
        let scratch = try ScratchDirectory()
        let result = try Self.run(["keygen", "--out", scratch.file("key.pem")])
        #expect(result.status == 0)
        #expect(result.stdout.contains("fingerprint SHA256:"))
        let mode = try FileManager.default.attributesOfItem(atPath: scratch.file("key.pem"))[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        let before = try String(contentsOfFile: scratch.file("key.pem"), encoding: .utf8)
        #expect(before.hasPrefix("-----BEGIN PRIVATE KEY-----"))
        #expect(try String(contentsOfFile: scratch.file("key.pub.pem"), encoding: .utf8).hasPrefix("-----BEGIN PUBLIC KEY-----"))
        // openssl reads it.
        #expect(try Self.openssl(["pkey", "-in", scratch.file("key.pem"), "-noout"]) == 0)

        let again = try Self.run(["keygen", "--out", scratch.file("key.pem")])
        #expect(again.status == 73)
        #expect(again.stderr.contains("key.pem") && again.stderr.contains("not replacing"))
        #expect(try String(contentsOfFile: scratch.file("key.pem"), encoding: .utf8) == before)
        #expect(try scratch.contents() == ["key.pem", "key.pub.pem"])
    }

    @Test func editedNumbersFail() throws {
        let scratch = try ScratchDirectory()
        let report = try Self.signedReport(in: scratch)
        var text = try String(contentsOfFile: report.json, encoding: .utf8)
        let range = try #require(text.range(of: "\"pClaimMinimum\" : "))
        text.insert("1", at: range.upperBound)  // 0.0001 → 10.0001: a different number, same JSON shape
        try text.write(toFile: report.json, atomically: true, encoding: .utf8)
        let result = try Self.run(["verify", report.json, "--public-key", report.publicKey])
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
        #expect(result.stderr.contains("verification failed: signature"))
        #expect(result.stdout.contains("statistics FAILED"))
        #expect(result.stdout.contains("pClaimMinimum: the report states"))
        #expect(result.stdout.hasSuffix("NOT VERIFIED\n"))
    }

    @Test func editedRawDataFail() throws {
        let scratch = try ScratchDirectory()
        let report = try Self.signedReport(in: scratch)
        var text = try String(contentsOfFile: report.json, encoding: .utf8)
        // The embedded results file is a JSON string: change its first sample's first digit.
        let range = try #require(text.range(of: "\\\"samples\\\": ["))
        let digit = text[range.upperBound]
        text.replaceSubrange(range.upperBound...range.upperBound, with: digit == "9" ? "8" : "9")
        try text.write(toFile: report.json, atomically: true, encoding: .utf8)
        // Even without the key: the signature does not verify with the key the report names,
        // and the digest no longer matches.
        let result = try Self.run(["verify", report.json])
        #expect(result.status == 1)
        #expect(result.stdout.contains("raw data   FAILED"))
        #expect(result.stdout.contains("the raw data were changed"))
        #expect(result.stdout.contains("signature  FAILED"))
    }

    @Test func anEditedSignatureOrAnotherKeyFails() throws {
        let scratch = try ScratchDirectory()
        let report = try Self.signedReport(in: scratch)
        // Another key.
        #expect(try Self.run(["keygen", "--out", scratch.file("other.pem")]).status == 0)
        let other = try Self.run(["verify", report.json, "--public-key", scratch.file("other.pub.pem")])
        #expect(other.status == 1)
        #expect(other.stderr.contains("verification failed: signature") && other.stderr.contains("other.pub.pem"))
        #expect(try Self.openssl(["pkeyutl", "-verify", "-pubin", "-inkey", scratch.file("other.pub.pem"), "-rawin", "-in", report.json, "-sigfile", report.json + ".sig"]) != 0)
        // An edited signature.
        var signature = try Data(contentsOf: URL(fileURLWithPath: report.json + ".sig"))
        signature[0] ^= 0x80
        try signature.write(to: URL(fileURLWithPath: report.json + ".sig"))
        let edited = try Self.run(["verify", report.json, "--public-key", report.publicKey])
        #expect(edited.status == 1)
        #expect(edited.stderr.contains("verification failed: signature"))
        #expect(edited.stdout.contains("statistics ok"), "the figures themselves are intact")
    }

    @Test func unreadableInputsHaveTheirExitCodes() throws {
        let scratch = try ScratchDirectory()
        let missing = try Self.run(["verify", scratch.file("none.json")])
        #expect(missing.status == 66 && missing.stderr.contains("none.json"))
        let notJSON = try scratch.write("[1, 2", to: "bad.json")
        let malformed = try Self.run(["verify", notJSON])
        #expect(malformed.status == 65 && malformed.stderr.contains("bad.json: not a readable qe-validate report"))
        let report = try Self.signedReport(in: scratch)
        #expect(try Self.run(["verify", report.json, "--public-key", scratch.file("nokey.pem")]).status == 66)
        let notAKey = try scratch.write("hello\n", to: "notakey.pem")
        let badKey = try Self.run(["verify", report.json, "--public-key", notAKey])
        #expect(badKey.status == 65 && badKey.stderr.contains("notakey.pem"))
        #expect(try Self.run(["verify", report.json, "--tolerance", "0.5"]).status == 64)
    }

    @Test func aFailedReportWritesNothing() throws {
        let scratch = try ScratchDirectory()
        let bad = try scratch.write("{\"schema\": \"qe-validate/results@1\", \"suite\": \"s\", \"unit\": \"ns\", \"benchmarks\": [{\"name\": \"w\", \"variant\": \"baseline\", \"runs\": [{\"samples\": [1, -2]}]}]}", to: "bad.json")
        let out = scratch.file("out")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false)
        let result = try Self.run(["report", bad, "--claim", "2x", "--out", out])
        #expect(result.status == 65)
        #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.contains("bad.json"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)

        let input = try Self.results(["a": 3.0], in: scratch)
        let missingDirectory = try Self.run(["report", input, "--claim", "2x", "--out", scratch.file("no/such/dir")])
        #expect(missingDirectory.status == 73)
        #expect(try Self.run(["report", scratch.file("none.json"), "--claim", "2x", "--out", out]).status == 66)
        #expect(try Self.run(["report", input, "--out", out]).status == 64, "no claim")
        #expect(try Self.run(["report", input, "--claims", "builtin", "--out", out]).status == 64, "suite 'synthetic' has no built-in claims")
        #expect(try Self.run(["report", input, "--claim", "2x", "--out", out, "--sign-key", bad]).status == 65)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
    }

    @Test func aRefutedClaimIsReportedThenExitsOne() throws {
        let scratch = try ScratchDirectory()
        let report = try Self.signedReport(["a": 2.0], in: scratch)
        #expect(report.status == 1)
        #expect(FileManager.default.fileExists(atPath: report.json) && FileManager.default.fileExists(atPath: scratch.file("r.html")))
        #expect(try Self.run(["verify", report.json, "--public-key", report.publicKey]).status == 0, "verified: the report is true, the claim is not")
    }

    @Test func theRecordedCommandReproducesTheReportByteForByte() throws {
        let scratch = try ScratchDirectory()
        let first = try Self.signedReport(in: scratch)
        let document = try ReportJSON.decode(ReportDocument.self, from: Array(try Data(contentsOf: URL(fileURLWithPath: first.json))), source: first.json)
        #expect(document.request.command.hasPrefix("qe-validate report \(scratch.file("results.json")) --claim 2.49x-7.47x --out \(scratch.path) --name r --signed-off-by 'Ada <ada@example.org>' --sign-key \(scratch.file("key.pem")) --date \(Self.date)"))
        let json = try Data(contentsOf: URL(fileURLWithPath: first.json))
        let signature = try Data(contentsOf: URL(fileURLWithPath: first.json + ".sig"))
        let html = try Data(contentsOf: URL(fileURLWithPath: scratch.file("r.html")))
        #expect(try Self.run([
            "report", scratch.file("results.json"), "--claim", "2.49x-7.47x", "--out", scratch.path, "--name", "r",
            "--signed-off-by", "Ada <ada@example.org>", "--sign-key", scratch.file("key.pem"), "--date", Self.date,
        ]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: first.json)) == json)
        #expect(try Data(contentsOf: URL(fileURLWithPath: first.json + ".sig")) == signature)
        #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.file("r.html"))) == html)
        // The embedded raw data are the input file byte for byte.
        #expect(document.rawData[0].content == (try String(contentsOfFile: scratch.file("results.json"), encoding: .utf8)))
        #expect(document.rawData[0].sha256 == ReportDigest.sha256(Array(try Data(contentsOf: URL(fileURLWithPath: scratch.file("results.json"))))))
    }

    /// Another tool's file is read with the import options, embedded as its converted results
    /// file, and verifies; its batch means are warned about.
    @Test func aPytestBenchmarkFileIsReportedAndVerifies() throws {
        let scratch = try ScratchDirectory()
        let input = ClaimImportedTests.fixtures.appendingPathComponent("pytest-benchmark/sum.json").path
        #expect(try Self.run(["keygen", "--out", scratch.file("key.pem")]).status == 0)
        let report = try Self.run([
            "report", input, "--claim", "3x", "--out", scratch.path, "--name", "py", "--input-format", "pytest-benchmark",
            "--name-pattern", "(?<name>\\w+)\\[(?<variant>\\w+)\\]", "--sign-key", scratch.file("key.pem"), "--date", Self.date,
        ])
        #expect(report.status == 1, "refuted, as the claim command finds: \(report.stdout) \(report.stderr)")
        let verify = try Self.run(["verify", scratch.file("py.json"), "--public-key", scratch.file("key.pub.pem")])
        #expect(verify.status == 0, "\(verify.stdout) \(verify.stderr)")
        let json = scratch.file("py.json")
        let document = try ReportJSON.decode(ReportDocument.self, from: Array(try Data(contentsOf: URL(fileURLWithPath: json))), source: json)
        let embedded = try #require(document.rawData.first)
        #expect(embedded.convertedFrom == "pytest-benchmark" && embedded.role == .results)
        // The embedded text is a qe-validate results file, which reads back as the import does.
        let converted = try ResultsFile(jsonBytes: Array(embedded.content.utf8), source: "embedded")
        #expect(converted.benchmarks.map(\.variant).sorted() == ["baseline", "candidate"])
        #expect(document.judgement.warnings.contains { $0.contains("mean of a batch") })
        #expect(document.limitations.contains { $0.contains("mean of a batch") })
        #expect(document.request.command.contains("--input-format pytest-benchmark --name-pattern"))
        let markdown = try String(contentsOfFile: scratch.file("py.md"), encoding: .utf8)
        #expect(markdown.contains("(converted from pytest-benchmark)"))
    }

    /// The report committed under `reports/` verifies from a clean checkout, with the public key
    /// committed beside it.
    @Test func theCommittedReportVerifies() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let report = root.appendingPathComponent("reports/flash-attention.json").path
        let key = root.appendingPathComponent("reports/flash-attention.pub.pem").path
        let result = try Self.run(["verify", report, "--public-key", key])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("signature  ok") && result.stdout.hasSuffix("verified\n"))
        // Judged against the study's own claims, on a release build of the built-in suite.
        let document = try ReportJSON.decode(ReportDocument.self, from: Array(try Data(contentsOf: URL(fileURLWithPath: report))), source: report)
        #expect(document.request.command.contains("--claims builtin"))
        #expect(document.judgement.benchmarks.count == 5)
        #expect(document.environment.allSatisfy { $0.build?.hasPrefix("release") == true && $0.outputsVerified == true })
        // Signed off by the project's maintainers, as a sign-off must be written.
        #expect(document.signOff.name == "qe-validate maintainers <maintainers@qe-validate.invalid>")
        #expect(document.signOff.publicKey == (try String(contentsOfFile: key, encoding: .utf8)))
    }

    /// Only public keys are committed: no file under reports/ holds a private key.
    @Test func noPrivateKeyIsCommitted() throws {
        let reports = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("reports")
        for name in try FileManager.default.contentsOfDirectory(atPath: reports.path) {
            let bytes = try Data(contentsOf: reports.appendingPathComponent(name))
            #expect(!String(decoding: bytes, as: UTF8.self).contains("PRIVATE KEY"), "\(name)")
        }
    }
}
