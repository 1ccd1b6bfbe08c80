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
        /// The test.
        public var method: Method

        /// One-way ANOVA of one log value per run, grouped by file.
        public enum Method: String, Sendable, Codable {
            case oneWayAnovaOnLogRunValues = "one-way-anova-on-log-run-values"
        }
    }

    /// The same comparison on the run means without their outlying iterations
    /// (``OutlyingIterationsSummary``), which a few preempted iterations cannot move.
    public struct Robust: Sendable, Codable, Equatable {
        public var files: [FileFigure]
        public var ratio: Double
        @ExplicitNull public var test: Test?
        @ExplicitNull public var differs: Bool?
    }

    /// What is compared.
    public var kind: Quantity

    /// A quantity compared between files.
    public enum Quantity: String, Sendable, Codable {
        /// One variant's time.
        case level
        /// Baseline ÷ candidate time, paired run by run.
        case speedup
    }
    /// The benchmark's workload name.
    public var name: String
    /// For `level`: the variant.
    @ExplicitNull public var variant: String?
    /// For `speedup`: the numerator and denominator variants.
    @ExplicitNull public var baselineVariant: String?
    @ExplicitNull public var candidateVariant: String?
    /// The quantity in each file that has it, in the order the files were given.
    public var files: [FileFigure]
    /// The largest file estimate over the smallest.
    public var ratio: Double
    /// nil when the files hold too few runs to test (one run each).
    @ExplicitNull public var test: Test?
    /// p < 1 − confidence; nil when untested.
    @ExplicitNull public var differs: Bool?
    /// The comparison without outlying iterations; nil when no compared benchmark has any.
    @ExplicitNull public var robust: Robust?
    /// The answer in plain words (from `robust` when there is one).
    public var finding: String

    /// Whether the files differ, by the comparison the finding uses.
    public var judgedDiffers: Bool? { robust.map(\.differs) ?? differs }
}
