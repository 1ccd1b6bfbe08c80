/// What a bisection builds and measures in each commit's worktree (`setup` in the
/// `qe-validate/bisect@1` document).
public struct BisectSetup: Sendable, Codable, Equatable {
    /// How a build is measured.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// `--command`: the command is timed as a whole process.
        case command
        /// `--bench`: the command writes a results file (`{out}`), whose samples of one
        /// benchmark are the measurement.
        case bench
    }

    /// What a whole process's time is (for `--command`).
    public enum Clock: String, Sendable, Codable, CaseIterable {
        /// Elapsed time from start to exit.
        case wall
        /// User and system CPU time of the process and the processes it waited for: unaffected
        /// by other programs competing for the cores, blind to waiting (I/O, sleeps) and
        /// counting every thread's time.
        case cpu
    }

    /// The placeholder replaced by a commit's worktree in every command.
    public static let worktreePlaceholder = "{worktree}"
    /// The placeholder replaced by the results file's path in a `--bench` command.
    public static let outputPlaceholder = "{out}"

    public var kind: Kind
    /// The command, with its placeholders, run through `/bin/sh -c` in the worktree.
    public var command: String
    /// For `--bench`: the benchmark of the results file to use, when it has several (its name,
    /// or `name (variant)`).
    public var benchmark: String?
    /// For `--command`: the clock.
    public var clock: Clock?
    /// The build command (placeholders as `command`), run once per commit before measuring it.
    public var build: String?
    /// Invocations of each build per round, interleaved with the other builds'; the round
    /// keeps each build's fastest, so that a disturbed invocation does not count.
    public var repeats: Int
    /// Untimed invocations of each build before its first round.
    public var warmup: Int
    /// Seconds one measured invocation may take before it is stopped (and fails).
    public var timeout: Double

    public static let defaultWarmup = 1
    public static let defaultTimeout = 600.0

    /// 3 for a whole command: on a busy machine a third or more of the invocations can be
    /// disturbed (by tens of percent, even on the CPU clock of a virtual machine), and the
    /// fastest of three is rarely one of them. 1 for a benchmark, whose results file already
    /// leaves its preempted iterations out.
    public static func defaultRepeats(for kind: Kind) -> Int {
        kind == .command ? 3 : 1
    }

    public init(
        kind: Kind, command: String, benchmark: String? = nil, clock: Clock? = nil, build: String? = nil,
        repeats: Int? = nil, warmup: Int = BisectSetup.defaultWarmup, timeout: Double = BisectSetup.defaultTimeout
    ) {
        self.kind = kind
        self.command = command
        self.benchmark = benchmark
        self.clock = kind == .command ? (clock ?? .wall) : nil
        self.build = build
        self.repeats = repeats ?? Self.defaultRepeats(for: kind)
        self.warmup = warmup
        self.timeout = timeout
    }

    private enum CodingKeys: String, CodingKey {
        case kind, command, benchmark, clock, build, repeats, warmup, timeout
    }

    /// Every key is written; those that do not apply are `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(command, forKey: .command)
        try container.encode(benchmark, forKey: .benchmark)
        try container.encode(clock, forKey: .clock)
        try container.encode(build, forKey: .build)
        try container.encode(repeats, forKey: .repeats)
        try container.encode(warmup, forKey: .warmup)
        try container.encode(timeout, forKey: .timeout)
    }
}
