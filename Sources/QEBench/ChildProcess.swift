import Foundation
import QEResults

#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to completion with a time limit, collecting its standard output and keeping
/// the end of its standard error, whose lines are also handed to a callback as they arrive.
///
/// - The child starts clean: every signal unblocked and at its default disposition
///   (`posix_spawnattr_setsigmask`/`setsigdefault`), whatever this process's thread had
///   blocked or ignored — a shell's `wait` then works as it does from a terminal.
/// - It gets a process group of its own. On timeout the whole group — a shell and whatever it
///   started — is stopped (SIGTERM, then SIGKILL a second later). When this process is stopped
///   by SIGTERM, SIGINT or SIGHUP, the group gets that signal and SIGKILL before it ends.
/// - It is timed from the start to its own exit (a waiting thread reaps it and notes the time),
///   not until its pipes close: a background process it left behind does not extend the time.
///   What is left of its group when it exits is killed (SIGKILL) and reported in
///   ``Outcome/killedLeftovers``; pipes still held open by a process that escaped the group are
///   closed a second later.
/// - Both pipes are drained continuously, in time linear in the output, into bounded memory:
///   standard output up to ``outputLimit`` (more stops the child), standard error's last
///   ``StreamTail`` bytes.
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
        /// Whether standard output passed ``ChildProcess/outputLimit`` (the child was then stopped
        /// and the output is incomplete).
        public var outputTruncated: Bool
        /// The last lines it wrote to standard error (at most `keptErrorLines`, from its last
        /// 8 KiB).
        public var errorTail: [String]
        /// Wall time from start to the child's own exit, in nanoseconds.
        public var elapsedNanoseconds: Double
        /// CPU time (user and system) of the child and of every descendant it waited for, in
        /// nanoseconds (`wait4`'s resource usage; microsecond resolution). Unlike wall time it
        /// does not grow when other processes compete for the cores.
        public var cpuNanoseconds: Double
        /// Whether processes it started were still running in its process group when it exited
        /// (and were killed).
        public var killedLeftovers: Bool
    }

    /// Why a child could not be started.
    public struct LaunchError: Error, Sendable, CustomStringConvertible {
        public var executable: String
        public var code: Int32
        public var description: String { "cannot start \(executable): \(String(cString: strerror(code)))" }
    }

    public var executable: String
    public var arguments: [String]
    /// Seconds before the child is stopped (infinite or huge values: no practical limit).
    public var timeout: Double
    /// Whether to keep standard output (false sends it to /dev/null).
    public var capturesOutput: Bool
    /// The most standard output kept, in bytes.
    public var outputLimit: Int
    /// Called with the child's process id (also its process group id) as soon as it has
    /// started, so that the caller can stop the group from another thread (on Ctrl-C, say).
    public var onStart: (@Sendable (Int32) -> Void)?
    public static let keptErrorLines = 20

    public init(executable: String, arguments: [String], timeout: Double, capturesOutput: Bool = true, outputLimit: Int = 1 << 30) {
        self.executable = executable
        self.arguments = arguments
        self.timeout = timeout
        self.capturesOutput = capturesOutput
        self.outputLimit = outputLimit
    }

    /// Starts the child and waits for it.
    /// - Parameter onErrorLine: called with each line of standard error (up to 4 KiB long), as
    ///   it arrives; nil when only the end of standard error is wanted (then lines are not
    ///   even split, which keeps draining a chatty command cheap).
    /// - Throws: `LaunchError` when the program cannot be started.
    public func run(onErrorLine: ((String) -> Void)? = nil) throws(LaunchError) -> Outcome {
        var outputPipe: [Int32] = [-1, -1]
        var errorPipe: [Int32] = [-1, -1]
        var exitPipe: [Int32] = [-1, -1]
        func closeAll() { for descriptor in outputPipe + errorPipe + exitPipe where descriptor >= 0 { close(descriptor) } }
        guard Self.makePipe(&errorPipe), Self.makePipe(&exitPipe), !capturesOutput || Self.makePipe(&outputPipe) else {
            let code = errno
            closeAll()
            throw LaunchError(executable: executable, code: code)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if capturesOutput {
            posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, errorPipe[1], 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var everySignal = sigset_t()
        sigfillset(&everySignal)
        posix_spawnattr_setsigdefault(&attributes, &everySignal)

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        // If this process is stopped by a signal, the child's group is stopped too: nothing it
        // started may outlive `run`. The action is registered before the child exists and the
        // child is started under the record's lock, so a signal at any moment either finds the
        // group recorded (and stops it) or comes before the spawn (which then never happens).
        let group = SpawnedGroup()
        let cleanup = TerminationCleanup.shared.add { signal in group.stop(first: signal) }
        defer { TerminationCleanup.shared.remove(cleanup) }
        var pid: pid_t = 0
        let start = MonotonicClock.nanoseconds()
        let spawned = group.spawn { posix_spawn(&pid, executable, &actions, &attributes, argv, environ) } recording: { pid }
        // Not started because the process is being ended by a signal: it is gone in a moment.
        if spawned == SpawnedGroup.ending { TerminationCleanup.shared.holdIfEnding() }
        // The parent keeps only the read ends (and the exit pipe's write end, for the waiter).
        close(errorPipe[1])
        if capturesOutput { close(outputPipe[1]) }
        guard spawned == 0 else {
            close(errorPipe[0])
            if capturesOutput { close(outputPipe[0]) }
            close(exitPipe[0])
            close(exitPipe[1])
            throw LaunchError(executable: executable, code: spawned)
        }
        onStart?(pid)
        Self.startWaiter(pid: pid, reportingTo: exitPipe[1])
        return collect(
            pid: pid, start: start, output: capturesOutput ? outputPipe[0] : nil, error: errorPipe[0], exit: exitPipe[0],
            onErrorLine: onErrorLine)
    }

    /// Reads both pipes and the exit report until the child has exited and its pipes are
    /// closed (or abandoned), applying the timeout and the output limit.
    private func collect(
        pid: pid_t, start: UInt64, output: Int32?, error: Int32, exit: Int32, onErrorLine: ((String) -> Void)?
    ) -> Outcome {
        var open = [exit, error] + (output.map { [$0] } ?? [])
        var exitReport: ExitReport?
        var exitReportBytes: [UInt8] = []
        var standardOutput = Data()
        var outputTruncated = false
        var tail = StreamTail()
        var timedOut = false
        var killDeadline: UInt64?
        var abandonDeadline: UInt64?
        var killedLeftovers = false
        let timeoutNanoseconds = timeout.isFinite && timeout > 0 ? UInt64(min(timeout * 1e9, 1e18)) : (timeout > 0 ? UInt64(1e18) : 0)
        let deadline = start &+ timeoutNanoseconds
        var buffer = [UInt8](repeating: 0, count: 65_536)

        while !open.isEmpty {
            let now = MonotonicClock.nanoseconds()
            if let abandon = abandonDeadline, now >= abandon {
                // A process outside the group still holds a pipe: stop reading it.
                for descriptor in open where descriptor != exit { close(descriptor) }
                open.removeAll { $0 != exit }
                if exitReport != nil { break }
            }
            if exitReport == nil {
                if !timedOut, now >= deadline {
                    timedOut = true
                    kill(-pid, SIGTERM)
                    killDeadline = now &+ 1_000_000_000
                } else if let kill9 = killDeadline, now >= kill9 {
                    kill(-pid, SIGKILL)
                    killDeadline = nil
                }
            }
            let wake = [exitReport == nil && !timedOut ? deadline : nil, killDeadline, abandonDeadline].compactMap { $0 }.min()
            let waitMilliseconds = wake.map { Int32(clamping: max(1, Int64(($0 &- min($0, now)) / 1_000_000) + 1)) } ?? 100
            var descriptors = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&descriptors, nfds_t(descriptors.count), waitMilliseconds)
            if ready < 0 && errno == EINTR { continue }
            for descriptor in descriptors where descriptor.revents != 0 {
                let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor.fd, $0.baseAddress, $0.count) }
                if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
                if count <= 0 {
                    close(descriptor.fd)
                    open.removeAll { $0 == descriptor.fd }
                    continue
                }
                switch descriptor.fd {
                case error:
                    buffer.withUnsafeBytes { tail.append(UnsafeRawBufferPointer(rebasing: $0[0..<count]), onLine: onErrorLine) }
                case exit:
                    exitReportBytes.append(contentsOf: buffer[0..<count])
                    if exitReport == nil, let report = ExitReport(exitReportBytes) {
                        exitReport = report
                        // The child has exited: what is left of its group are stragglers.
                        if kill(-pid, 0) == 0 {
                            kill(-pid, SIGKILL)
                            killedLeftovers = true
                        }
                        abandonDeadline = MonotonicClock.nanoseconds() &+ 1_000_000_000
                    }
                default:
                    if outputTruncated { continue }
                    if standardOutput.count + count > outputLimit {
                        outputTruncated = true
                        kill(-pid, SIGKILL)
                    } else {
                        standardOutput.append(contentsOf: buffer[0..<count])
                    }
                }
            }
        }
        for descriptor in open { close(descriptor) }
        // Stopped because this process is being stopped: that is not the child's failure.
        TerminationCleanup.shared.holdIfEnding()
        let report = exitReport ?? ExitReport(status: 0, time: MonotonicClock.nanoseconds(), cpu: 0)
        let ending: Ending
        if timedOut {
            ending = .timedOut
        } else if report.status & 0x7F == 0 {
            ending = .exited((report.status >> 8) & 0xFF)
        } else {
            ending = .signalled(report.status & 0x7F)
        }
        return Outcome(
            ending: ending, standardOutput: standardOutput, outputTruncated: outputTruncated,
            errorTail: tail.lastLines(Self.keptErrorLines), elapsedNanoseconds: Double(report.time &- start),
            cpuNanoseconds: Double(report.cpu), killedLeftovers: killedLeftovers)
    }

    /// The child's wait status, the monotonic time it was reaped and its CPU time in
    /// nanoseconds, as the waiting thread writes them to the exit pipe (20 bytes, one atomic
    /// write).
    struct ExitReport {
        static let size = 20

        var status: Int32
        var time: UInt64
        var cpu: UInt64

        init(status: Int32, time: UInt64, cpu: UInt64) {
            self.status = status
            self.time = time
            self.cpu = cpu
        }

        init?(_ bytes: [UInt8]) {
            guard bytes.count >= Self.size else { return nil }
            var status: Int32 = 0
            var time: UInt64 = 0
            var cpu: UInt64 = 0
            withUnsafeMutableBytes(of: &status) { $0.copyBytes(from: bytes[0..<4]) }
            withUnsafeMutableBytes(of: &time) { $0.copyBytes(from: bytes[4..<12]) }
            withUnsafeMutableBytes(of: &cpu) { $0.copyBytes(from: bytes[12..<20]) }
            self.init(status: status, time: time, cpu: cpu)
        }

        var bytes: [UInt8] {
            withUnsafeBytes(of: status) { Array($0) } + withUnsafeBytes(of: time) { Array($0) } + withUnsafeBytes(of: cpu) { Array($0) }
        }
    }

    /// Reaps `pid` on a thread of its own — so the exit is noticed at once, while the calling
    /// thread reads pipes — and writes the ``ExitReport`` to `descriptor`, then closes it.
    private static func startWaiter(pid: pid_t, reportingTo descriptor: Int32) {
        let waiter = Thread {
            var status: Int32 = 0
            var usage = rusage()
            while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
            let cpu = Self.nanoseconds(usage.ru_utime) + Self.nanoseconds(usage.ru_stime)
            let report = ExitReport(status: status, time: MonotonicClock.nanoseconds(), cpu: cpu).bytes
            _ = report.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
        }
        waiter.start()
    }

    private static func nanoseconds(_ time: timeval) -> UInt64 {
        UInt64(max(0, time.tv_sec)) * 1_000_000_000 + UInt64(max(0, time.tv_usec)) * 1_000
    }

    /// A pipe whose ends are closed in any program this process starts (the child gets its
    /// ends through `dup2`, which clears the flag).
    private static func makePipe(_ ends: inout [Int32]) -> Bool {
        guard pipe(&ends) == 0 else { return false }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return true
    }
}
