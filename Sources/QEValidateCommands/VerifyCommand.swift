import ArgumentParser
import Foundation
import QEPresentation
import QEReports

/// `qe-validate verify NAME.json`: check a report's signature and recompute everything it states.
public struct VerifyCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a report: its signature, the SHA-256 of its raw data, and every number and verdict it states.",
        discussion: """
            1. Signature: NAME.json.sig (or --signature) must be the Ed25519 signature of the exact \
            bytes of NAME.json. With --public-key, by that key (and the report's sign-off must name \
            it); without, by the key the report names — which shows the report is unchanged since \
            it was signed, but not who signed it. An unsigned report passes this step only without \
            --public-key.
            2. Raw data: the SHA-256 of each embedded results file must be the one the report states.
            3. Statistics: the judgement is run again on the embedded raw data with the options \
            the report records (claims, confidence, method, seed, replicates, variants), and every \
            value the report states — estimates, intervals, p-values, verdicts, summaries, \
            distributions, methods, limitations — must come out the same: exactly, unless \
            --tolerance allows a relative difference (for a report made with another platform's \
            floating-point library).

            The same check without qe-validate, for the signature only:
              openssl pkeyutl -verify -pubin -inkey key.pub.pem -rawin -in NAME.json -sigfile NAME.json.sig

            Exit codes: 0 every check holds; 1 a check failed (the message names it: signature, \
            raw data, or which number); 64 usage; 65 not a report, or not a key; 66 missing file.
            """
    )

    @Argument(help: "The report (NAME.json).")
    var report: String

    @Option(help: "The public key (SubjectPublicKeyInfo PEM) the signature must verify with.")
    var publicKey: String?

    @Option(help: "The detached signature (default: REPORT.sig).")
    var signature: String?

    @Option(help: "Largest relative difference accepted between recomputed numbers (default 0: exact).")
    var tolerance: Double = 0

    public init() {}

    public func validate() throws {
        guard OptionRange.tolerance.contains(tolerance) else {
            throw ValidationError("--tolerance must be \(OptionRange.tolerance.text) (got \(tolerance)); it is for last-digit differences, not for accepting other numbers")
        }
    }

    public func run() throws {
        let verification: ReportVerification
        do {
            let trusted = try publicKey.map { path throws(ReportError) in
                ReportVerifier.TrustedKey(key: try ReportPublicKey(contentsOf: path), source: path)
            }
            verification = try ReportVerifier(tolerance: tolerance, trustedKey: trusted).verify(reportAt: report, signatureAt: signature)
        } catch {
            throw CommandFailure.exitCode(for: error)
        }
        var output = "\(report)\n"
        for check in verification.checks {
            let status = check.passed ? "ok" : "FAILED"
            output += "  \(check.name.padding(toLength: 11, withPad: " ", startingAt: 0))\(status)\n"
            for detail in check.details.prefix(20) { output += "      \(TerminalText.escape(detail))\n" }
            if check.details.count > 20 { output += "      … and \(check.details.count - 20) more\n" }
        }
        output += verification.passed ? "verified\n" : "NOT VERIFIED\n"
        FileHandle.standardOutput.write(Data(output.utf8))
        guard verification.passed else {
            let failures = verification.failures
            let first = failures.first.map { "\($0.name): \($0.details.first ?? "failed")" } ?? "failed"
            let more = failures.reduce(0) { $0 + $1.details.count } - 1
            throw CommandFailure.report(
                "\(report): verification failed: \(first)\(more > 0 ? " (and \(more) more: see above)" : "")", .refutedOrRegression)
        }
    }
}
