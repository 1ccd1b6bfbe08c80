import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to completion with a time limit, collecting its standard output and handing
/// each line of its standard error to a callback as it arrives.
///
/// The child gets a process group of its own, so that on timeout the whole group — a shell and
/// whatever it started — is stopped (SIGTERM, then SIGKILL a second later), and nothing it
/// started keeps running or holds the pipes open. All reading happens on the calling thread.
public struct ChildProcess: Sendable {
    /// How a child ended.
    public enum Ending: Sendable, Equatable {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
    }

    /// What a finished child produced.
    public struct Outcome: Sendable {
        public var ending: Ending
        public var standardOutput: Data
        /// The last lines it wrote to standard error (at most `keptErrorLines`).
        public var errorTail: [String]
        /// Wall time from start to end, in nanoseconds.
        public var elapsedNanoseconds: Double
        /// CPU time (user and system) of the child and of every descendant it waited for, in
        /// nanoseconds (`wait4`'s resource usage; microsecond resolution). Unlike wall time it
        /// does not grow when other processes compete for the cores.
        public var cpuNanoseconds: Double
    }

    /// Why a child could not be started.
    public struct LaunchError: Error, Sendable, CustomStringConvertible {
        public var executable: String
        public var code: Int32
        public var description: String { "cannot start \(executable): \(String(cString: strerror(code)))" }
    }

    public var executable: String
    public var arguments: [String]
    /// Seconds before the child is stopped.
    public var timeout: Double
    /// Whether to keep standard output (false sends it to /dev/null).
    public var capturesOutput: Bool
    /// Called with the child's process id (also its process group id) as soon as it has
    /// started, so that the caller can stop the group from another thread (on Ctrl-C, say).
    public var onStart: (@Sendable (Int32) -> Void)?
    public static let keptErrorLines = 20

    public init(executable: String, arguments: [String], timeout: Double, capturesOutput: Bool = true) {
        self.executable = executable
        self.arguments = arguments
        self.timeout = timeout
        self.capturesOutput = capturesOutput
    }

    /// Starts the child and waits for it.
    /// - Parameter onErrorLine: called with each line of standard error, as it arrives.
    /// - Throws: `LaunchError` when the program cannot be started.
    public func run(onErrorLine: (String) -> Void = { _ in }) throws(LaunchError) -> Outcome {
        var outputPipe: [Int32] = [-1, -1]
        var errorPipe: [Int32] = [-1, -1]
        guard pipe(&errorPipe) == 0 else { throw LaunchError(executable: executable, code: errno) }
        if capturesOutput, pipe(&outputPipe) != 0 {
            let code = errno
            close(errorPipe[0]); close(errorPipe[1])
            throw LaunchError(executable: executable, code: code)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if capturesOutput {
            posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
            posix_spawn_file_actions_addclose(&actions, outputPipe[0])
            posix_spawn_file_actions_addclose(&actions, outputPipe[1])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, errorPipe[1], 2)
        posix_spawn_file_actions_addclose(&actions, errorPipe[0])
        posix_spawn_file_actions_addclose(&actions, errorPipe[1])
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let start = MonotonicClock.nanoseconds()
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        // The parent keeps only the read ends.
        close(errorPipe[1])
        if capturesOutput { close(outputPipe[1]) }
        guard spawned == 0 else {
            close(errorPipe[0])
            if capturesOutput { close(outputPipe[0]) }
            throw LaunchError(executable: executable, code: spawned)
        }
        onStart?(pid)

        var output = Data()
        var errorTail: [String] = []
        var pendingError = Data()
        var open: [Int32] = capturesOutput ? [outputPipe[0], errorPipe[0]] : [errorPipe[0]]
        let deadline = start &+ UInt64(timeout * 1e9)
        var timedOut = false
        var killDeadline: UInt64 = 0
        var buffer = [UInt8](repeating: 0, count: 65_536)

        func emitErrorLines(final: Bool) {
            while let newline = pendingError.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pendingError[pendingError.startIndex..<newline], as: UTF8.self)
                pendingError.removeSubrange(pendingError.startIndex...newline)
                errorTail.append(line)
                onErrorLine(line)
            }
            if final, !pendingError.isEmpty {
                let line = String(decoding: pendingError, as: UTF8.self)
                pendingError.removeAll()
                errorTail.append(line)
                onErrorLine(line)
            }
            if errorTail.count > Self.keptErrorLines { errorTail.removeFirst(errorTail.count - Self.keptErrorLines) }
        }

        while !open.isEmpty {
            let now = MonotonicClock.nanoseconds()
            if !timedOut, now >= deadline {
                timedOut = true
                kill(-pid, SIGTERM)
                killDeadline = now &+ 1_000_000_000
            } else if timedOut, killDeadline > 0, now >= killDeadline {
                kill(-pid, SIGKILL)
                killDeadline = 0
            }
            let wake = timedOut ? (killDeadline > 0 ? killDeadline : now &+ 100_000_000) : deadline
            let waitMilliseconds = Int32(clamping: max(1, Int64((wake &- min(wake, now)) / 1_000_000)))
            var descriptors = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&descriptors, nfds_t(descriptors.count), waitMilliseconds)
            if ready < 0 && errno == EINTR { continue }
            for descriptor in descriptors where descriptor.revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(descriptor.fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    let chunk = buffer[0..<count]
                    if descriptor.fd == errorPipe[0] {
                        pendingError.append(contentsOf: chunk)
                        emitErrorLines(final: false)
                    } else {
                        output.append(contentsOf: chunk)
                    }
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    close(descriptor.fd)
                    open.removeAll { $0 == descriptor.fd }
                }
            }
        }
        emitErrorLines(final: true)
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let elapsed = Double(MonotonicClock.nanoseconds() &- start)
        let cpu = Self.nanoseconds(usage.ru_utime) + Self.nanoseconds(usage.ru_stime)
        let ending: Ending
        if timedOut {
            ending = .timedOut
        } else if status & 0x7F == 0 {
            ending = .exited((status >> 8) & 0xFF)
        } else {
            ending = .signalled(status & 0x7F)
        }
        return Outcome(
            ending: ending, standardOutput: output, errorTail: errorTail, elapsedNanoseconds: elapsed, cpuNanoseconds: cpu)
    }

    private static func nanoseconds(_ time: timeval) -> Double {
        Double(time.tv_sec) * 1e9 + Double(time.tv_usec) * 1e3
    }
}
