import ArgumentParser
import Foundation
import QEBench
import QEKernels
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

    @Option(name: .customLong("out"), help: "Directory to write the report in (it must exist).")
    var outDirectory: String = "."

    @Option(help: "File name of the report, without extension (default: the suite's name).")
    var name: String?

    @Option(help: "Title of the report (default: suite, variants and what is judged).")
    var title: String?

    @Option(help: "Who signs the report off: 'Name <email>'.")
    var signedOffBy: String?

    @Option(help: "Ed25519 private key (PKCS#8 PEM, from 'qe-validate keygen' or openssl) to sign NAME.json with.")
    var signKey: String?

    @Option(help: "The report's date, ISO 8601 in UTC such as 2026-11-26T15:00:00Z (default: now).")
    var date: String?

    @Option(help: ArgumentHelp("Add the gate section: the results judged against this baseline as 'qe-validate gate' judges them (a file, or git:REV:PATH).", valueName: "file"))
    var baseline: String?

    @Option(help: ArgumentHelp("With --baseline: largest slowdown allowed for every benchmark, e.g. 5%.", valueName: "percent"))
    var maxRegression: String = "5%"

    @Option(name: .customLong("threshold"), help: ArgumentHelp("With --baseline: threshold for one benchmark name (repeatable), e.g. code-embedding=10%.", valueName: "name=percent"))
    var thresholdTexts: [String] = []

    @Option(help: "With --baseline: what an inconclusive benchmark does to the gate's verdict: pass or fail.")
    var onInconclusive: GateInconclusivePolicy = .pass

    @Flag(help: "With --baseline: compare with a baseline from a different machine or build (otherwise the gate section states the refusal).")
    var allowForeignMachine = false

    @Option(help: "With --baseline: the gate's interval method: auto, unpaired-runs, hierarchical-bootstrap or hodges-lehmann.")
    var gateMethod: GateMethod = .auto

    @Option(help: "With --baseline: what stands for a run in the gate's unpaired-runs interval: minimum, median or geometric-mean.")
    var runStatistic: RunStatistic = GateOptions.defaultRunStatistic

    @OptionGroup(title: "Reading another tool's results (embedded as the converted qe-validate results file)")
    var input: ImportOptionGroup

    public init() {}

    public func validate() throws {
        guard !resultsFiles.isEmpty else {
            throw ValidationError("give the results files to report on, for example: qe-validate report results.json --claims builtin")
        }
        if let name { try Self.checkName(name) }
        if let baseline {
            guard claim.confidence > 0.5 else {
                throw ValidationError("--baseline: the gate needs --confidence above 0.5 (got \(claim.confidence))")
            }
            do {
                _ = try gateThresholds()
                _ = try BaselineSource(argument: baseline)
            } catch let error as GateThresholds.ParseError {
                throw ValidationError(error.description)
            } catch let error as BaselineSourceError {
                throw ValidationError(error.description)
            }
        } else if !thresholdTexts.isEmpty || maxRegression != "5%" || onInconclusive != .pass || allowForeignMachine
            || gateMethod != .auto || runStatistic != GateOptions.defaultRunStatistic {
            throw ValidationError("the gate's options (--max-regression, --threshold, --on-inconclusive, --allow-foreign-machine, --gate-method, --run-statistic) need --baseline")
        }
        if let date, Self.parseDate(date) == nil {
            throw ValidationError("--date must be ISO 8601 in UTC, for example 2026-11-26T15:00:00Z (got '\(date)')")
        }
    }

    public func run() throws {
        let report: Report
        do {
            if let name {
                let paths = ReportFiles.paths(directory: outDirectory, name: name)
                try OutputPathCheck.check(outputs: [paths.markdown, paths.json, paths.html, paths.signature], inputs: inputFiles)
            }
            let key = try signKey.map { path throws(ReportError) in try ReportSigningKey(contentsOf: path) }
            report = try makeReport(signingKey: key)
            let paths = ReportFiles.paths(directory: outDirectory, name: report.document.request.name)
            try OutputPathCheck.check(outputs: [paths.markdown, paths.json, paths.html, paths.signature], inputs: inputFiles)
            let files = try ReportFiles(report, signingKey: key)
            let written = try files.write(directory: outDirectory, name: report.document.request.name)
            let judgement = report.document.judgement
            var summary = "wrote " + written.joined(separator: ", ") + "\n"
            summary += "verdict: \(judgement.verdict.rawValue) — \(judgement.reason)\n"
            for judgement in report.document.gate?.judgements ?? [] {
                summary += "gate (\(judgement.results) against \(report.document.gate?.baseline ?? "")): "
                summary += judgement.verdict.map { "\($0.rawValue) — \(judgement.reason ?? "")" } ?? "not judged — \(judgement.refusal ?? "")"
                summary += "\n"
            }
            if let fingerprint = report.document.signOff.publicKeyFingerprint {
                summary += "signed with key \(fingerprint)\n"
            }
            FileHandle.standardOutput.write(Data(summary.utf8))
        } catch let error as ValidationError {
            // Found only once the results are read (--claims builtin for a suite without any).
            throw CommandFailure.report(error.message, .usage)
        } catch {
            throw CommandFailure.exitCode(for: error)
        }
        let status = report.document.judgement.exitStatus
        if status != 0 { throw ExitCode(status) }
    }

    /// Every file the report reads: results, the baseline, the claims file and the key.
    var inputFiles: [String?] {
        resultsFiles + [baseline.flatMap(BaselineSource.filePath), claim.claimsFile, signKey]
    }

    func gateThresholds() throws -> GateThresholds {
        var thresholds = GateThresholds(default: try GateThresholds.parsePercent(maxRegression))
        for text in thresholdTexts {
            let (name, value) = try GateThresholds.parseNamed(text)
            thresholds.perName[name] = value
        }
        return thresholds
    }

    /// Reads the inputs, judges, and builds the report (nothing is written); `gitDirectory` is
    /// for tests (`git -C`).
    func makeReport(signingKey key: ReportSigningKey?, gitDirectory: String? = nil) throws -> Report {
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
            }
            // Read as a baseline first: a bad one is refused with its own message.
            _ = try BaselineFile(jsonBytes: bytes, source: source.label)
            rawData.append(try EmbeddedResults(role: "baseline", path: source.label, bytes: bytes))
            gate = ReportRequest.Gate(
                baseline: source.label, thresholds: try gateThresholds(), onInconclusive: onInconclusive, method: gateMethod,
                runStatistic: runStatistic, allowForeignMachine: allowForeignMachine)
        }
        let suiteName = suite ?? "report"
        let builtin: [Workload]
        if claim.claimsSource == "builtin" {
            guard let catalogue = WorkloadCatalogue.suites[suiteName] else {
                throw ValidationError(
                    "--claims builtin: no built-in claims for suite '\(suiteName)' (built-in suites: \(WorkloadCatalogue.suites.keys.sorted().joined(separator: ", "))); give --claim or a claims file")
            }
            builtin = catalogue
        } else {
            builtin = []
        }
        let claims = try claim.claimSet(builtin: builtin)
        let options = try claim.claimOptions()
        let reportName = name ?? Self.safeName(suiteName)
        let reportDate = date ?? Self.format(Date())
        let request = ReportRequest(
            name: reportName, title: title, command: commandLine(date: reportDate), claims: claims, options: options,
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

    /// The command that reproduces the report: every option that shapes it, the date included.
    func commandLine(date: String) -> String {
        var arguments = ["qe-validate", "report"] + resultsFiles + claim.arguments
        if let baseline {
            arguments += ["--baseline", baseline]
            if maxRegression != "5%" { arguments += ["--max-regression", maxRegression] }
            for text in thresholdTexts { arguments += ["--threshold", text] }
            if onInconclusive != .pass { arguments += ["--on-inconclusive", onInconclusive.rawValue] }
            if allowForeignMachine { arguments += ["--allow-foreign-machine"] }
            if gateMethod != .auto { arguments += ["--gate-method", gateMethod.rawValue] }
            if runStatistic != GateOptions.defaultRunStatistic { arguments += ["--run-statistic", runStatistic.rawValue] }
        }
        if outDirectory != "." { arguments += ["--out", outDirectory] }
        if let name { arguments += ["--name", name] }
        if let title { arguments += ["--title", title] }
        if let signedOffBy { arguments += ["--signed-off-by", signedOffBy] }
        if let signKey { arguments += ["--sign-key", signKey] }
        if input.inputFormat != .auto { arguments += ["--input-format", input.inputFormat.rawValue] }
        if let namePattern = input.namePattern { arguments += ["--name-pattern", namePattern] }
        if let variant = input.variant { arguments += ["--variant", variant] }
        if let unit = input.inputUnit { arguments += ["--input-unit", unit.rawValue] }
        arguments += ["--date", date]
        return ShellQuoting.join(arguments)
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

    static func parseDate(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard text.hasSuffix("Z") else { return nil }
        return formatter.date(from: text)
    }

    static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
