import QEResults
import QEStatistics

/// The `qe-validate/verdict@1` document of `qe-validate gate`: every gated benchmark, the
/// benchmarks only one side has, the machine check, and the overall verdict with its reason.
public struct GateDocument: Sendable, Codable, Equatable {
    public static let schemaName = "qe-validate/verdict@1"

    /// Where and how one side was measured.
    public struct Environment: Sendable, Codable, Equatable {
        public var host: String?
        public var os: String?
        public var cpu: String?
        public var cores: Int?
        public var toolchain: String?
        public var build: String?
        public var gitCommit: String?

        public init(_ info: EnvironmentInfo) {
            host = info.host
            os = info.os
            cpu = info.cpu
            cores = info.cores
            toolchain = info.toolchain
            build = info.build
            gitCommit = info.gitCommit
        }
    }

    /// A baseline's provenance.
    public struct Provenance: Sendable, Codable, Equatable {
        public var recordedAt: String
        public var signedOffBy: String?
        public var gitCommit: String?
        public var source: String?

        public init(_ provenance: BaselineProvenance) {
            recordedAt = provenance.recordedAt
            signedOffBy = provenance.signedOffBy
            gitCommit = provenance.gitCommit
            source = provenance.source
        }
    }

    /// One input: the baseline or the new results.
    public struct Input: Sendable, Codable, Equatable {
        /// The path, or `git:REV:PATH` for a baseline read from git.
        public var path: String
        public var suite: String
        public var createdAt: String?
        public var environment: Environment
        /// For the baseline: its provenance (nil for a plain results file).
        public var provenance: Provenance?
    }

    /// The machine check.
    public struct Machine: Sendable, Codable, Equatable {
        public var comparison: MachineComparison
        /// The results came from a different machine and `--allow-foreign-machine` let them in.
        public var foreignAllowed: Bool
    }

    public var schema: String = GateDocument.schemaName
    public var command: String = "gate"
    public var verdict: GateOverallVerdict
    /// The verdict and its reason, in one sentence.
    public var reason: String
    /// The verdict's exit status: passed, regression, or inconclusive under
    /// `--on-inconclusive fail` (``ExitStatus/init(_:)-gate``).
    public var exitStatus: ExitStatus
    /// 1 − α: the regression verdicts together are wrong with probability at most α, and so are
    /// the pass verdicts.
    public var confidence: Double
    /// Two-sided confidence of each interval: 1 − 2α/k for k gated benchmarks, so that each end
    /// is a one-sided 1 − α/k bound (Bonferroni).
    public var intervalConfidence: Double
    public var correction: FamilyCorrection = .bonferroniOneSided
    /// The default threshold (`--max-regression`) as a fraction; per-name ones in `thresholds`.
    public var threshold: Double
    public var thresholds: [String: Double]
    public var onInconclusive: GateInconclusivePolicy
    /// The method asked for; each benchmark says which it used.
    public var method: GateMethod
    /// What stands for a run in the unpaired-runs interval (`minimum`, `median`, `geometric-mean`).
    public var runStatistic: RunStatistic
    public var seed: UInt64
    public var bootstrapReplicates: Int
    public var unit: TimeUnit
    public var baseline: Input
    public var results: Input
    public var machine: Machine
    public var benchmarks: [GateBenchmark]
    /// `name (variant)` of benchmarks in the baseline but not in the results: not gated.
    public var onlyInBaseline: [String]
    /// `name (variant)` of benchmarks in the results but not in the baseline: not gated.
    public var onlyInResults: [String]
    public var warnings: [String]

    /// How many benchmarks got `verdict`.
    public func count(_ verdict: GateVerdict) -> Int {
        benchmarks.filter { $0.verdict == verdict }.count
    }
}
