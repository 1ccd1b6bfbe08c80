import ArgumentParser
import Foundation
import QEBench
import QEFormats
import QEKernels
import QEPresentation
import QEReports
import QEResults
import QEStatistics
import QEValidation

/// `qe-validate report RESULTS...`: judge a claim on results files and write the report —
/// Markdown, JSON with the raw data embedded, a self-contained HTML page with plots — signed
/// with an Ed25519 key when one is given.
public struct ReportCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a signed report of a claim's judgement: NAME.md, NAME.json, NAME.html, NAME.json.sig.",
        discussion: """
            Judges the claim on the results files exactly as 'qe-validate --claim ... --results' \
            does (the same claims, options and verdicts), then writes in --out:

              NAME.md        the report in Markdown
              NAME.json      the full report (qe-validate/report@1): the judgement, distributions, \
            methods, environment, the command, limitations, sign-off, and the raw results files \
            embedded byte for byte with their SHA-256 — everything 'verify' needs to recompute it
              NAME.html      one self-contained page with inline SVG plots: no script, nothing \
            loaded from the network; open it in any browser
              NAME.json.sig  with --sign-key: the raw 64-byte Ed25519 signature of NAME.json

            Every report has a run-to-run variance section (the analysis of 'qe-validate variance' \
            on the embedded results). With --baseline FILE|git:REV:PATH it has a gate section too: \
            the results judged against the baseline as 'qe-validate gate' judges them, the baseline \
            embedded; a baseline from another machine is not compared unless \
            --allow-foreign-machine, and the section states the refusal. The exit code stays the \
            claim's. Another tool's file (--input-format, or detected) is embedded as its converted \
            results file.

            Every file is written atomically, and all of them or none. NAME defaults to the suite's \
            name. The report records the command that reproduces it byte for byte, the date \
            included (--date; default: now).

            Examples:
              qe-validate run --out results.json
              qe-validate report results.json --claims builtin --out reports \\
                  --signed-off-by 'Ada <ada@example.org>' --sign-key ~/.config/qe-validate/key.pem
              qe-validate report r1.json r2.json --claim 2.49x-7.47x --name weekly --title 'Weekly check'
              qe-validate report results.json --claims builtin --baseline git:origin/main:baselines/flash-attention.json
              qe-validate report bench.json --input-format pytest-benchmark --claim 2x

            Exit codes: 0 validated; 1 not validated; 3 inconclusive (the report is written in \
            each case); 64 usage; 65 invalid data or key; 66 missing input; 73 cannot write.
            """
    )

    @Argument(help: "Results files to judge (several of one suite: pooled as runs).")
    var resultsFiles: [String] = []

    @OptionGroup(title: "The claim")
    var claim: ClaimOptionGroup

    @Option(help: ArgumentHelp("Directory to write the report in (it must exist).", valueName: "directory"))
    var out: String = "."

    @Option(help: "File name of the report, without extension (default: the suite's name).")
    var name: String?

    @Option(help: "Title of the report (default: suite, variants and what is judged).")
    var title: String?

    @Option(help: ArgumentHelp("Who signs the report off: 'Name <email>', one line.", valueName: "name-and-email"))
    var signedOffBy: String?

    @Option(help: "Ed25519 private key (PKCS#8 PEM, from 'qe-validate keygen' or openssl) to sign NAME.json with.")
    var signKey: String?

    @Option(help: "The report's date, ISO 8601 in UTC such as 2026-11-26T15:00:00Z (default: now).")
    var date: String?

    @Option(help: ArgumentHelp("Add the gate section: the results judged against this baseline as 'qe-validate gate' judges them (a file, or git:REV:PATH).", valueName: "file"))
    var baseline: String?

    @OptionGroup(title: "The gate section (with --baseline)")
    var gate: GateOptionGroup

    @Option(help: "With --baseline: the gate's interval method: auto, unpaired-runs, hierarchical-bootstrap or hodges-lehmann.")
    var gateMethod: GateMethod = .auto

    @OptionGroup(title: "Reading another tool's results (embedded as the converted qe-validate results file)")
    var input: ImportOptionGroup

    public init() {}

    public func validate() throws {
        guard !resultsFiles.isEmpty else {
            throw ValidationError("give the results files to report on, for example: qe-validate report results.json --claims builtin")
        }
        if let name { try Self.checkName(name) }
        if let signedOffBy { try SignOffArgument.check(signedOffBy) }
        if let baseline {
            do {
                _ = try BaselineSource(argument: baseline)
            } catch {
                throw ValidationError(error.description)
            }
        } else if !gate.isDefault || gateMethod != .auto {
            throw ValidationError("the gate's options (--max-regression, --threshold, --on-inconclusive, --allow-foreign-machine, --gate-method, --run-statistic) need --baseline")
        }
        if let date, ISO8601Text.date(from: date) == nil {
            throw ValidationError("--date must be ISO 8601 in UTC, for example 2026-11-26T15:00:00Z (got '\(date)')")
        }
    }

    public func run() throws {
        let report: Report
        do {
            if let name {
                let paths = ReportFiles.paths(directory: out, name: name)
                try OutputPathCheck.check(outputs: [paths.markdown, paths.json, paths.html, paths.signature], inputs: inputFiles)
            }
            let key = try signKey.map { path throws(ReportError) in try ReportSigningKey(contentsOf: path) }
            report = try makeReport(signingKey: key, arguments: Array(CommandLine.arguments.dropFirst()))
            let paths = ReportFiles.paths(directory: out, name: report.document.request.name)
            try OutputPathCheck.check(outputs: [paths.markdown, paths.json, paths.html, paths.signature], inputs: inputFiles)
            let files = try ReportFiles(report, signingKey: key)
            let written = try files.write(directory: out, name: report.document.request.name)
            let judgement = report.document.judgement
            var lines = ["wrote " + written.joined(separator: ", "), "verdict: \(judgement.verdict.rawValue) — \(judgement.reason)"]
            for judgement in report.document.gate?.judgements ?? [] {
                lines.append("gate (\(judgement.results) against \(report.document.gate?.baseline ?? "")): "
                    + (judgement.verdict.map { "\($0.rawValue) — \(judgement.reason ?? "")" } ?? "not judged — \(judgement.refusal ?? "")"))
            }
            if let fingerprint = report.document.signOff.publicKeyFingerprint {
                lines.append("signed with key \(fingerprint)")
            }
            FileHandle.standardOutput.write(Data(lines.map { TerminalText.escape($0) + "\n" }.joined().utf8))
        } catch let error as ValidationError {
            // Found only once the results are read (--claims builtin for a suite without any).
            throw CommandFailure.report(error.message, .usage)
        } catch {
            throw CommandFailure.exitCode(for: error)
        }
        let status = ExitStatus(report.document.judgement.verdict)
        if status != .success { throw status.exitCode }
    }

    /// Every file the report reads: results, the baseline, the claims file and the key.
    var inputFiles: [String?] {
        resultsFiles + [baseline.flatMap(BaselineSource.filePath), claim.claimsFile, signKey]
    }

    /// Reads the inputs, judges, and builds the report (nothing is written).
    /// - Parameters:
    ///   - arguments: the command's arguments after `qe-validate`, as given: the report records
    ///     them as the command that reproduces it (``ReproducingCommand``).
    ///   - gitDirectory: for tests (`git -C`).
    func makeReport(signingKey key: ReportSigningKey?, arguments: [String], gitDirectory: String? = nil) throws -> Report {
        var rawData: [EmbeddedResults] = []
        var suite: String?
        let importOptions = try input.importOptions()
        for path in resultsFiles {
            let (file, embedded) = try Self.readResults(path: path, options: importOptions)
            suite = suite ?? file.suite
            rawData.append(embedded)
        }
        var gate: ReportRequest.Gate?
        if let baseline {
            let source = try BaselineSource(argument: baseline)
            let bytes: [UInt8]
            switch source {
            case let .file(path): bytes = try ReportFileReader.bytes(at: path, what: "baseline")
            case .git: bytes = try source.gitBytes(gitDirectory: gitDirectory)
            case .history: throw BaselineSourceError.notAFile(source.label)
            }
            // Read as a baseline first: a bad one is refused with its own message.
            _ = try BaselineFile(jsonBytes: bytes, source: source.label)
            rawData.append(try EmbeddedResults(role: .baseline, path: source.label, bytes: bytes))
            gate = ReportRequest.Gate(
                baseline: source.label, thresholds: try self.gate.thresholds(), onInconclusive: self.gate.onInconclusive,
                method: gateMethod, runStatistic: self.gate.runStatistic, allowForeignMachine: self.gate.allowForeignMachine)
        }
        let suiteName = suite ?? "report"
        let claims = try claim.claimSet(suite: suiteName)
        let options = try claim.claimOptions()
        let reportName = name ?? Self.safeName(suiteName)
        let reportDate = date ?? ISO8601Text.now()
        let request = ReportRequest(
            name: reportName, title: title, command: ReproducingCommand.text(arguments: arguments, date: reportDate),
            claims: claims, options: options,
            signedOffBy: signedOffBy, date: reportDate, signingKey: key?.publicKey.pemRepresentation, gate: gate)
        return try ReportBuilder.build(request: request, rawData: rawData)
    }

    /// Reads one input: a qe-validate results file is embedded byte for byte; another tool's
    /// file (`--input-format`, or detected) is converted as `qe-validate import` would and
    /// embedded as the converted results file, so that `verify` reads it back without the tool.
    static func readResults(path: String, options: ImportOptions) throws -> (ResultsFile, EmbeddedResults) {
        var isDirectory: ObjCBool = false
        let folder = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        if !folder, options.format == .auto || options.format == .results {
            let bytes = try ReportFileReader.bytes(at: path, what: "results")
            do {
                let file = try ResultsFile(jsonBytes: bytes, source: path)
                return (file, try EmbeddedResults(path: path, bytes: bytes))
            } catch {
                // A qe-validate results file that does not validate is refused with its own
                // message; anything else may be another tool's file.
                if options.format == .results || (try? ResultsInput.detectFormat(path: path)) == .results { throw error }
            }
        }
        let format = options.format == .auto ? try ResultsInput.detectFormat(path: path) : options.format
        let file = try ResultsInput.load(path: path, options: options)
        return (file, try EmbeddedResults(path: path, bytes: file.jsonBytes(), convertedFrom: format.rawValue))
    }

    static func checkName(_ name: String) throws {
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix("."), name != ".." else {
            throw ValidationError("--name must be a file name without a directory or a leading dot (got '\(name)'); use --out for the directory")
        }
    }

    /// A file name made from a suite name: letters, digits, '-', '_' and '.' kept.
    static func safeName(_ suite: String) -> String {
        let kept = String(suite.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "-" })
        let trimmed = String(kept.drop { $0 == "." })
        return trimmed.isEmpty ? "report" : trimmed
    }
}
