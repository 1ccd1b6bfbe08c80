import Foundation
import QEResults

/// A results file ready to be recorded: its content, the commit it measured, that commit's time
/// and branch, its content digest and the machine it was measured on.
///
/// ``init(results:source:overrides:)`` takes the commit and time from the file (or the
/// overrides) and the branch from git where the file is, refusing a file that does not say
/// them; ``init(results:source:commit:time:branch:)`` takes all three as given (an import).
public struct HistoryRecording: Sendable {
    /// The file's path (or another name) for messages; not part of its identity.
    public let source: String
    /// The measurements.
    public let results: ResultsFile
    /// The commit measured: a lower-case hexadecimal git object id.
    public let commit: String
    /// The commit's time, which orders the series.
    public let time: HistoryTimestamp
    /// The branch the commit was measured on.
    public let branch: String
    /// SHA-256 of the canonical encoding of ``results`` (see ``ContentDigest``).
    public let digest: String
    /// The machine the file was measured on.
    public let machine: StoredMachine
    /// What identifies that machine (DESIGN §8), from the file's environment.
    public let machineIdentity: MachineIdentity

    /// A recording with everything given.
    /// - Throws: ``HistoryError`` (``HistoryError/Category/badData``) when the results are
    ///   invalid, the commit is not a hexadecimal object id (7 to 64 digits), or the branch is
    ///   empty.
    public init(results: ResultsFile, source: String, commit: String, time: HistoryTimestamp,
                branch: String) throws(HistoryError) {
        do {
            try results.validate(source: source)
        } catch {
            throw HistoryError(.badData, subject: source, detail: error.detail)
        }
        let normalised = commit.lowercased()
        guard (7...64).contains(normalised.count), normalised.allSatisfy(\.isHexDigit) else {
            throw HistoryError(.badData, subject: source, detail: "\"\(commit)\" is not a commit id (7 to 64 hexadecimal digits)")
        }
        guard !branch.isEmpty else {
            throw HistoryError(.badData, subject: source, detail: "the branch name is empty")
        }
        if let field = Self.textWithNUL(in: results, branch: branch) {
            // PostgreSQL's text cannot hold U+0000; refused on both backends alike.
            throw HistoryError(.badData, subject: source, detail: "\(field) contains a NUL character (\\u0000), which the store cannot keep")
        }
        self.source = source
        self.results = results
        self.commit = normalised
        self.time = time
        self.branch = branch
        self.digest = ContentDigest.of(results)
        self.machineIdentity = MachineIdentity(environment: results.environment)
        self.machine = StoredMachine(machineIdentity)
    }

    /// A recording of the file at `source`, with the commit from `overrides` or the file's
    /// `environment.gitCommit`, the time from `overrides` or the file's `createdAt`, and the
    /// branch from `overrides` or the branch checked out in the git work tree that holds the file.
    /// - Throws: ``HistoryError`` (``HistoryError/Category/badData``) naming what is missing
    ///   and the option that supplies it: no commit (`--commit`), no or unreadable time
    ///   (`--time`), no branch (`--branch`).
    public init(results: ResultsFile, source: String, overrides: RecordingOverrides) throws(HistoryError) {
        guard let commit = overrides.commit ?? results.environment.gitCommit else {
            throw HistoryError(.badData, subject: source, detail: "no commit: the file's environment has no gitCommit; give --commit SHA")
        }
        let time: HistoryTimestamp
        if let given = overrides.time {
            time = given
        } else if let createdAt = results.createdAt {
            guard let parsed = HistoryTimestamp(iso8601: createdAt) else {
                throw HistoryError(.badData, subject: source, detail: "createdAt \"\(createdAt)\" is not an ISO 8601 time; give --time")
            }
            time = parsed
        } else {
            throw HistoryError(.badData, subject: source, detail: "no time: the file has no createdAt; give --time ISO8601")
        }
        let directory = URL(fileURLWithPath: source).deletingLastPathComponent().path
        guard let branch = overrides.branch ?? GitWorkTree(directory: directory).currentBranch() else {
            throw HistoryError(.badData, subject: source, detail: "no branch: the file is not in a git work tree with a branch checked out; give --branch NAME")
        }
        try self.init(results: results, source: source, commit: commit, time: time, branch: branch)
    }

    /// The first text of the file (or the branch) that holds U+0000, named for a message.
    private static func textWithNUL(in results: ResultsFile, branch: String) -> String? {
        func hasNUL(_ text: String?) -> Bool { text?.utf8.contains(0) ?? false }
        if hasNUL(branch) { return "the branch" }
        if hasNUL(results.suite) || hasNUL(results.createdAt) { return "the suite or createdAt" }
        let environment = results.environment
        let texts = [environment.host, environment.os, environment.kernel, environment.cpu, environment.cpuVendor,
                     environment.toolchain, environment.build, environment.gitCommit, environment.command]
        if texts.contains(where: hasNUL) || (environment.cpuFeatures ?? []).contains(where: hasNUL) { return "the environment" }
        for benchmark in results.benchmarks {
            let name = "benchmark \(benchmark.key)"
            if hasNUL(benchmark.name) || hasNUL(benchmark.variant) { return name }
            for (key, value) in benchmark.parameters where hasNUL(key) || hasNUL(value.stringValue) { return "\(name), parameter" }
            if benchmark.runs.contains(where: { hasNUL($0.startedAt) }) { return "\(name), a run's startedAt" }
        }
        return nil
    }
}
