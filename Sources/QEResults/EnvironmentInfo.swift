/// Where and how the samples were measured (`"environment"`). Every field is optional: a file
/// imported from another tool may know none of them.
///
/// Keys of the `"environment"` object that are not listed here are ignored when reading, and are
/// therefore not written back.
public struct EnvironmentInfo: Hashable, Sendable {
    /// The host name of the machine.
    public var host: String?
    /// The operating system, e.g. `"Debian GNU/Linux 12 (bookworm)"`.
    public var os: String?
    /// The kernel release, e.g. `"6.1.0-18-amd64"`.
    public var kernel: String?
    /// The CPU model, e.g. `"AMD EPYC 7B13"`.
    public var cpu: String?
    /// The number of logical cores available to the benchmark.
    public var cores: Int?
    /// The compiler or runtime, e.g. `"Swift 6.3.1"`.
    public var toolchain: String?
    /// The build configuration, e.g. `"release"`.
    public var build: String?
    /// The git commit of the code that was measured.
    public var gitCommit: String?
    /// The exact command that produced the file.
    public var command: String?

    /// Creates an environment description; every field defaults to unknown.
    public init(
        host: String? = nil, os: String? = nil, kernel: String? = nil, cpu: String? = nil,
        cores: Int? = nil, toolchain: String? = nil, build: String? = nil,
        gitCommit: String? = nil, command: String? = nil
    ) {
        self.host = host
        self.os = os
        self.kernel = kernel
        self.cpu = cpu
        self.cores = cores
        self.toolchain = toolchain
        self.build = build
        self.gitCommit = gitCommit
        self.command = command
    }

    /// True when no field is known.
    public var isEmpty: Bool { self == EnvironmentInfo() }
}
