import Foundation
import QEBench
import QEResults
import QEValidation

/// Where `gate --baseline` (and `baseline show`) reads a baseline from: a file, a file at a
/// git revision (`git:REV:PATH`, read with `git show REV:PATH`), so that a pull request cannot
/// edit the baseline it is judged against, or the history store (`history[:BRANCH]`, gate only).
enum BaselineSource: Equatable {
    case file(String)
    /// PATH is as git takes it: relative to the repository's top level (or `./…` for the
    /// current directory).
    case git(revision: String, path: String)
    /// The history store: the latest commits of BRANCH on the results' machine since each
    /// series' last change point (`history` or `history:BRANCH`; read by `gate` from the store,
    /// never by ``load(gitDirectory:)``).
    case history(branch: String)

    static let gitPrefix = "git:"
    static let historyName = "history"
    /// The branch `--baseline history` follows.
    static let defaultHistoryBranch = "main"

    /// Parses `FILE` or `git:REV:PATH` (REV ends at the first colon after `git:`).
    init(argument: String) throws(BaselineSourceError) {
        if argument == Self.historyName {
            self = .history(branch: Self.defaultHistoryBranch)
            return
        }
        if argument.hasPrefix(Self.historyName + ":") {
            let branch = String(argument.dropFirst(Self.historyName.count + 1))
            guard !branch.isEmpty else { throw .malformed(argument) }
            self = .history(branch: branch)
            return
        }
        guard argument.hasPrefix(Self.gitPrefix) else {
            self = .file(argument)
            return
        }
        let rest = argument.dropFirst(Self.gitPrefix.count)
        guard let colon = rest.firstIndex(of: ":") else {
            throw .malformed(argument)
        }
        let revision = String(rest[..<colon])
        let path = String(rest[rest.index(after: colon)...])
        guard !revision.isEmpty, !path.isEmpty, !revision.hasPrefix("-") else { throw .malformed(argument) }
        self = .git(revision: revision, path: path)
    }

    /// The file `argument` names, or nil for `git:REV:PATH` (or an argument that is neither).
    static func filePath(_ argument: String) -> String? {
        guard case let .file(path)? = try? BaselineSource(argument: argument) else { return nil }
        return path
    }

    /// The name that starts messages: the path, or `git:REV:PATH`.
    var label: String {
        switch self {
        case let .file(path): return path
        case let .git(revision, path): return "\(Self.gitPrefix)\(revision):\(path)"
        case let .history(branch): return "\(Self.historyName):\(branch)"
        }
    }

    /// Reads and validates the baseline.
    /// - Parameter gitDirectory: the repository to ask (`git -C`); nil for the current directory.
    /// - Throws: `ResultsError` (65 invalid, 66 missing) or ``BaselineSourceError`` (66).
    func load(gitDirectory: String? = nil) throws -> BaselineFile {
        switch self {
        case let .file(path):
            return try BaselineFile.read(from: path)
        case .git:
            return try BaselineFile(jsonBytes: try gitBytes(gitDirectory: gitDirectory), source: label)
        case .history:
            throw BaselineSourceError.notAFile(label)
        }
    }

    /// The bytes of a `git:REV:PATH` baseline, as `git show` prints them (nil for a file).
    /// - Throws: ``BaselineSourceError`` (66).
    func gitBytes(gitDirectory: String? = nil) throws -> [UInt8] {
        guard case let .git(revision, path) = self else { return [] }
        var arguments = ["git"]
        if let gitDirectory { arguments += ["-C", gitDirectory] }
        arguments += ["show", "--no-textconv", "\(revision):\(path)"]
        let limit = try InputSizeLimit.bytes(reading: label)
        let git = ChildProcess(executable: "/usr/bin/env", arguments: arguments, timeout: 30, outputLimit: limit)
        let outcome: ChildProcess.Outcome
        do {
            outcome = try git.run()
        } catch {
            throw BaselineSourceError.gitUnavailable(label, error.description)
        }
        if outcome.outputTruncated {
            throw FileReadError(path: label, reason: .tooLarge(size: nil, limit: limit))
        }
        switch outcome.ending {
        case .exited(0):
            return Array(outcome.standardOutput)
        case .exited(127):
            throw BaselineSourceError.gitUnavailable(label, "git is not installed")
        case .timedOut:
            throw BaselineSourceError.gitFailed(label, "git show did not finish within 30 s")
        default:
            let message = outcome.errorTail.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "git show failed"
            throw BaselineSourceError.gitFailed(label, message)
        }
    }
}

/// Why a baseline could not be fetched.
enum BaselineSourceError: Error, Equatable, CustomStringConvertible {
    /// `git:` without a revision and a path. Exit 64.
    case malformed(String)
    /// git could not be started. Exit 66.
    case gitUnavailable(String, String)
    /// `git show` failed: unknown revision, no such path. Exit 66.
    case gitFailed(String, String)
    /// `history[:BRANCH]` where a baseline file is needed (`baseline show`, `report`). Exit 64.
    case notAFile(String)
    /// The store has no series of the results' benchmarks on this machine and branch. Exit 66.
    case noHistory(String, String)

    var description: String {
        switch self {
        case let .malformed(argument):
            return "\(argument): expected git:REV:PATH, for example git:origin/main:baselines/flash-attention.json"
        case let .gitUnavailable(label, reason):
            return "\(label): cannot run git: \(reason)"
        case let .gitFailed(label, message):
            return "\(label): cannot read the baseline from git: \(message)"
        case let .notAFile(label):
            return "\(label): the history store is a baseline for gate only; give a baseline file or git:REV:PATH"
        case let .noHistory(label, reason):
            return "\(label): \(reason)"
        }
    }

    var status: ExitStatus {
        switch self {
        case .malformed, .notAFile: return .usage
        case .gitUnavailable, .gitFailed, .noHistory: return .noInput
        }
    }
}
