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

    /// Whether `pid` names a process that is still running (a zombie has ended).
    static func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else { return false }
        return !stat[stat.index(after: close)...].hasPrefix(" Z")
    }

    /// Whether `unprivileged` runs as another user than the tests (they run as root).
    static var dropsPrivileges: Bool { geteuid() == 0 }

    /// A started child, to signal before waiting for it. (Started with `posix_spawn` and reaped
    /// with `waitpid`: Foundation's `Process` sometimes never noticed a child that a signal
    /// ended while other tests were starting processes.)
    struct Started {
        let pid: pid_t
        let directory: String

        func wait() -> ChildRun {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            let read = { (name: String) in (try? String(contentsOfFile: directory + "/" + name, encoding: .utf8)) ?? "" }
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let signal = status & 0x7F
            return ChildRun(
                status: signal == 0 ? (status >> 8) & 0xFF : 128 + signal, signal: signal == 0 ? nil : signal,
                stdout: read("stdout"), stderr: read("stderr"))
        }

        /// Whether the child has not ended yet.
        var isRunning: Bool { ChildRun.isRunning(pid) }
    }

    /// Runs `arguments` and waits for the end.
    /// - Parameter script: a `/bin/sh` script run first; it ends with `exec "$0" "$@"`, which
    ///   becomes qe-validate.
    static func run(_ arguments: [String], as user: User = .current, script: String? = nil, environment: [String: String] = [:]) throws -> ChildRun {
        try start(arguments, as: user, script: script, environment: environment).wait()
    }

    static func start(_ arguments: [String], as user: User = .current, script: String? = nil, environment: [String: String] = [:]) throws -> Started {
        let executable = try ExecutableTests.executable().path
        // As from an interactive shell: the tests may have been started in the background, where
        // SIGINT and SIGQUIT are ignored, and ignored dispositions would pass on to the child.
        var command = ["/usr/bin/env", "--default-signal=INT,QUIT,TERM,HUP", executable] + arguments
        if let script { command = ["/bin/sh", "-c", script + "\nexec \"$0\" \"$@\""] + command }
        if user == .unprivileged && dropsPrivileges {
            let setpriv = "/usr/bin/setpriv"
            try #require(FileManager.default.isExecutableFile(atPath: setpriv), "running as root: setpriv (util-linux) is needed to drop privileges for this check")
            command = [setpriv, "--reuid=\(nobody)", "--regid=\(nobody)", "--clear-groups", "--"] + command
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qe-validate-child-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, directory + "/stdout", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, directory + "/stderr", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0.key)=\($0.value)" }
        let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, command[0], &actions, nil, argv, envp)
        try #require(status == 0, "cannot start \(command[0]): \(String(cString: strerror(status)))")
        return Started(pid: pid, directory: directory)
    }
}
