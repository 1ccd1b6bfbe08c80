import QEStatistics
import QEValidation

/// What a report was asked to be: the claims, the judging options, the title, who signs it off
/// and when, and the command that made it. With the raw data embedded beside it, this is every
/// input of the report; everything else in the report is computed from the two, which is what
/// lets `verify` recompute it (see ``ReportBuilder``).
public struct ReportRequest: Sendable, Codable, Equatable {
    /// The claims judged, resolved (a claims file's or the catalogue's claims are written out,
    /// so the report does not depend on files that may change).
    public struct Claims: Sendable, Codable, Equatable {
        /// The claim for every workload without its own; nil when only named workloads have one.
        public var `default`: ClaimedRange?
        public var perWorkload: [String: ClaimedRange]
        /// Workloads the user named, which the data must have (sorted).
        public var required: [String]

        public init(_ set: ClaimSet) {
            self.default = set.global
            self.perWorkload = set.perWorkload
            self.required = set.namedByUser.sorted()
        }

        /// The claims as the judge takes them.
        public var claimSet: ClaimSet {
            ClaimSet(global: self.default, perWorkload: perWorkload, namedByUser: Set(required))
        }
    }

    /// The file name the report was written under, without extension (`NAME.json`, ...).
    public var name: String
    /// The title given with `--title`; nil for the default title.
    public var title: String?
    /// The command that reproduces this report byte for byte (its date included), with every
    /// option that shapes it, shell-quoted.
    public var command: String
    public var claims: Claims
    /// Confidence of the family of intervals.
    public var confidence: Double
    /// The method asked for.
    public var method: ComparisonMethod
    public var seed: UInt64
    public var bootstrapReplicates: Int
    public var baselineVariant: String
    /// nil: `flash`, or the only other variant.
    public var candidateVariant: String?
    /// Judge only these workloads (all when empty).
    public var workloads: [String]
    /// A claimed memory reduction, as fractions.
    public var memoryClaim: ClaimedRange?
    /// `Name <email>` of the person who signs the report off.
    public var signedOffBy: String?
    /// When the report was made, ISO 8601 in UTC (`2026-11-26T15:00:00Z`).
    public var date: String
    /// The public key (SubjectPublicKeyInfo PEM) of the key that signs the report; nil when it
    /// is not signed.
    public var signingKey: String?

    /// What the gate section asks (`--baseline` and the gate's options); nil without a
    /// baseline, and then absent from the JSON (as in reports made before the gate section).
    public struct Gate: Sendable, Codable, Equatable {
        /// The baseline as given (a path or `git:REV:PATH`): the `path` of the embedded
        /// results with role `baseline`.
        public var baseline: String
        public var thresholds: GateThresholds
        public var onInconclusive: GateInconclusivePolicy
        public var method: GateMethod
        public var runStatistic: RunStatistic
        public var allowForeignMachine: Bool

        public init(
            baseline: String, thresholds: GateThresholds = GateThresholds(), onInconclusive: GateInconclusivePolicy = .pass,
            method: GateMethod = .auto, runStatistic: RunStatistic = GateOptions.defaultRunStatistic, allowForeignMachine: Bool = false
        ) {
            self.baseline = baseline
            self.thresholds = thresholds
            self.onInconclusive = onInconclusive
            self.method = method
            self.runStatistic = runStatistic
            self.allowForeignMachine = allowForeignMachine
        }
    }

    /// The gate section's inputs; nil without `--baseline`. Later sections add their inputs
    /// here the same way: optional fields, nil and absent in reports made before them.
    public var gate: Gate?

    public init(
        name: String, title: String? = nil, command: String, claims: ClaimSet, options: ClaimOptions,
        signedOffBy: String? = nil, date: String, signingKey: String? = nil, gate: Gate? = nil
    ) {
        self.gate = gate
        self.name = name
        self.title = title
        self.command = command
        self.claims = Claims(claims)
        self.confidence = options.confidence
        self.method = options.method
        self.seed = options.seed
        self.bootstrapReplicates = options.bootstrapReplicates
        self.baselineVariant = options.baselineVariant
        self.candidateVariant = options.candidateVariant
        self.workloads = options.workloads
        self.memoryClaim = options.memoryClaim
        self.signedOffBy = signedOffBy
        self.date = date
        self.signingKey = signingKey
    }

    /// The judging options, as the judge takes them.
    public func claimOptions() -> ClaimOptions {
        ClaimOptions(
            confidence: confidence, method: method, seed: seed, bootstrapReplicates: bootstrapReplicates,
            baselineVariant: baselineVariant, candidateVariant: candidateVariant, workloads: workloads,
            memoryClaim: memoryClaim)
    }
}
