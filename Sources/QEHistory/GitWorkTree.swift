import Foundation

/// The few questions the history store asks git about a directory: the top of its work tree
/// (where the default store lives), the branch checked out (the branch a results file was made
/// on), and the commit a revision names (`--since REV`).
///
/// Each question runs `git -C DIRECTORY ...` and reads one line; a directory outside any work
/// tree, a detached HEAD or an unknown revision gives nil rather than an error, so the caller
/// can say what is missing and what to give instead.
public struct GitWorkTree: Sendable {
    /// A directory inside the work tree (or not in one at all).
    public var directory: String

    /// Questions about the work tree that holds `directory`.
    public init(directory: String) {
        self.directory = directory
    }

    /// The absolute path of the top of the work tree (`git rev-parse --show-toplevel`).
    public func topLevel() -> String? {
        answer(["rev-parse", "--show-toplevel"])
    }

    /// The branch checked out (`git symbolic-ref --short HEAD`); nil on a detached HEAD.
    public func currentBranch() -> String? {
        answer(["symbolic-ref", "--quiet", "--short", "HEAD"])
    }

    /// The full commit id `revision` names (`git rev-parse --verify REV^{commit}`).
    public func commit(for revision: String) -> String? {
        guard !revision.hasPrefix("-") else { return nil }
        return answer(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"])
    }

    /// The first line of git's output, or nil when git fails, prints nothing or cannot run.
    private func answer(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let line = String(decoding: data, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        return line.isEmpty ? nil : line
    }
}
