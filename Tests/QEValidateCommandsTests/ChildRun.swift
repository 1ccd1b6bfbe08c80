import Foundation
import Testing

/// The built executable run as a separate process — optionally as the unprivileged user
/// `nobody`, or under a shell script that sets limits first — with its standard output and error
/// collected in files, so that neither can fill a pipe while the other is read.
struct ChildRun {
    var status: Int32
    /// The signal that ended the process, if one did.
    var signal: Int32?
    var stdout: String
    var stderr: String

    /// Who runs the command.
    enum User {
        /// This process's user.
        case current
        /// A user without privileges: `nobody` (uid 65534) when the tests run as root (dropped
        /// with `setpriv` in the child), the current user otherwise.
        case unprivileged
    }

    static let nobody: uid_t = 65534

    /// Whether `unprivileged` runs as another user than the tests (they run as root).
    static var dropsPrivileges: Bool { geteuid() == 0 }

    /// A started child, to signal before waiting for it.
    struct Started {
        let process: Process
        let directory: String

        func wait() -> ChildRun {
            process.waitUntilExit()
            let read = { (name: String) in (try? String(contentsOfFile: directory + "/" + name, encoding: .utf8)) ?? "" }
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let signalled = process.terminationReason == .uncaughtSignal
            return ChildRun(
                status: process.terminationStatus, signal: signalled ? process.terminationStatus : nil,
                stdout: read("stdout"), stderr: read("stderr"))
        }
    }

    /// Runs `arguments` and waits for the end.
    /// - Parameter script: a `/bin/sh` script run first; it ends with `exec "$0" "$@"`, which
    ///   becomes qe-validate.
    static func run(_ arguments: [String], as user: User = .current, script: String? = nil, environment: [String: String] = [:]) throws -> ChildRun {
        try start(arguments, as: user, script: script, environment: environment).wait()
    }

    static func start(_ arguments: [String], as user: User = .current, script: String? = nil, environment: [String: String] = [:]) throws -> Started {
        let executable = try ExecutableTests.executable().path
        var command = [executable] + arguments
        if let script { command = ["/bin/sh", "-c", script + "\nexec \"$0\" \"$@\""] + command }
        if user == .unprivileged && dropsPrivileges {
            let setpriv = "/usr/bin/setpriv"
            try #require(FileManager.default.isExecutableFile(atPath: setpriv), "running as root: setpriv (util-linux) is needed to drop privileges for this check")
            command = [setpriv, "--reuid=\(nobody)", "--regid=\(nobody)", "--clear-groups", "--"] + command
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qe-validate-child-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for name in ["stdout", "stderr"] {
            try #require(FileManager.default.createFile(atPath: directory + "/" + name, contents: nil))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle(forWritingAtPath: directory + "/stdout")
        process.standardError = FileHandle(forWritingAtPath: directory + "/stderr")
        try process.run()
        return Started(process: process, directory: directory)
    }
}
