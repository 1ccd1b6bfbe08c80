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
    /// The CPU model name, e.g. `"AMD EPYC 7B13"`. Not enough to tell machines apart: a Zen 3
    /// (AVX2 only) and a Zen 4 (AVX-512) may both say `"AMD EPYC"`; the identification fields
    /// below do.
    public var cpu: String?
    /// The CPU vendor as the processor reports it (`cpuid`), e.g. `"AuthenticAMD"` or
    /// `"GenuineIntel"` (`"cpuVendor"`).
    public var cpuVendor: String?
    /// The CPU family number, e.g. 25 for AMD Zen 3 and Zen 4 (`"cpuFamily"`).
    public var cpuFamily: Int?
    /// The CPU model number within its family, e.g. 1 (Zen 3 Milan) or 17 (Zen 4 Genoa)
    /// (`"cpuModel"`; the model *name* is ``cpu``).
    public var cpuModel: Int?
    /// The CPU stepping (revision) number (`"cpuStepping"`).
    public var cpuStepping: Int?
    /// The instruction-set extensions the kernels can use that this CPU and OS support, sorted,
    /// e.g. `["avx", "avx2", "fma"]` (`"cpuFeatures"`). Empty means none of them; absent means
    /// not recorded.
    public var cpuFeatures: [String]?
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
        cpuVendor: String? = nil, cpuFamily: Int? = nil, cpuModel: Int? = nil, cpuStepping: Int? = nil,
        cpuFeatures: [String]? = nil,
        cores: Int? = nil, toolchain: String? = nil, build: String? = nil,
        gitCommit: String? = nil, command: String? = nil
    ) {
        self.host = host
        self.os = os
        self.kernel = kernel
        self.cpu = cpu
        self.cpuVendor = cpuVendor
        self.cpuFamily = cpuFamily
        self.cpuModel = cpuModel
        self.cpuStepping = cpuStepping
        self.cpuFeatures = cpuFeatures
        self.cores = cores
        self.toolchain = toolchain
        self.build = build
        self.gitCommit = gitCommit
        self.command = command
    }

    /// True when no field is known.
    public var isEmpty: Bool { self == EnvironmentInfo() }
}
