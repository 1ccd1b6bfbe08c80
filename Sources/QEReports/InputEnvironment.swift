import QEResults

/// Where and how one input file was measured, as the file records it.
public struct InputEnvironment: Sendable, Codable, Equatable {
    public var path: String
    public var suite: String
    public var createdAt: String?
    public var host: String?
    public var os: String?
    public var kernel: String?
    public var cpu: String?
    public var cores: Int?
    public var toolchain: String?
    public var build: String?
    public var gitCommit: String?
    /// The command that measured the file.
    public var command: String?
    /// Whether the variants' outputs were checked to agree before timing (nil: unknown).
    public var outputsVerified: Bool?

    init(path: String, file: ResultsFile) {
        let environment = file.environment
        self.path = path
        suite = file.suite
        createdAt = file.createdAt
        host = environment.host
        os = environment.os
        kernel = environment.kernel
        cpu = environment.cpu
        cores = environment.cores
        toolchain = environment.toolchain
        build = environment.build
        gitCommit = environment.gitCommit
        command = environment.command
        outputsVerified = file.outputsVerified
    }

    /// The known fields as (label, value) pairs, in reading order.
    var fields: [(String, String)] {
        let pairs: [(String, String?)] = [
            ("suite", suite), ("measured", createdAt), ("host", host), ("CPU", cpu), ("cores", cores.map(String.init)),
            ("OS", os), ("kernel", kernel), ("toolchain", toolchain), ("build", build), ("git commit", gitCommit),
            ("outputs checked to agree", outputsVerified.map { $0 ? "yes" : "no" }), ("measuring command", command),
        ]
        return pairs.compactMap { label, value in value.map { (label, $0) } }
    }
}
