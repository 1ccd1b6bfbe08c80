/// Whether one quantity — a variant's typical time, or the speedup between two variants —
/// differs between results files by more than the runs inside each file explain. Part of the
/// `qe-validate/variance@1` document when several files are given.
public struct BetweenFilesComparison: Sendable, Codable, Equatable {
    /// The quantity in one file.
    public struct FileFigure: Sendable, Codable, Equatable {
        /// The file's path, as given.
        public var file: String
        /// The runs that went into `estimate`.
        public var runs: Int
        /// The geometric mean over runs of the run means (`level`, in the document's unit) or of
        /// the per-run speedups, baseline run mean ÷ candidate run mean (`speedup`).
        public var estimate: Double
    }

    /// One-way ANOVA of the per-run log values grouped by file: the file level of a nested
    /// (files ▸ runs ▸ iterations) design, judged against the variation between runs.
    public struct Test: Sendable, Codable, Equatable {
        /// F on (files − 1, runs − files) degrees of freedom, and P(F ≥ f).
        public var f: Double
        public var df1: Int
        public var df2: Int
        public var p: Double
        /// `one-way-anova-on-log-run-values`.
        public var method: String
    }

    /// `level` (one variant's time) or `speedup` (baseline ÷ candidate, paired run by run).
    public var kind: String
    /// The benchmark's workload name.
    public var name: String
    /// For `level`: the variant.
    public var variant: String?
    /// For `speedup`: the numerator and denominator variants.
    public var baselineVariant: String?
    public var candidateVariant: String?
    /// The quantity in each file that has it, in the order the files were given.
    public var files: [FileFigure]
    /// The largest file estimate over the smallest.
    public var ratio: Double
    /// nil when the files hold too few runs to test (one run each).
    public var test: Test?
    /// p < 1 − confidence; nil when untested.
    public var differs: Bool?
    /// The answer in plain words.
    public var finding: String
}

// Every key is written, null where there is no value, so that a reader of the JSON finds the
// same fields in every entry (synthesised Codable would leave absent optionals out).

extension BetweenFilesComparison {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(name, forKey: .name)
        try container.encode(variant, forKey: .variant)
        try container.encode(baselineVariant, forKey: .baselineVariant)
        try container.encode(candidateVariant, forKey: .candidateVariant)
        try container.encode(files, forKey: .files)
        try container.encode(ratio, forKey: .ratio)
        try container.encode(test, forKey: .test)
        try container.encode(differs, forKey: .differs)
        try container.encode(finding, forKey: .finding)
    }
}
