/// The run-to-run variance analysis of one benchmark (name, variant) of one results file, as it
/// appears in the `qe-validate/variance@1` document. Times are in the document's unit; shares
/// and coefficients of variation are fractions (0.012 is 1.2%); run indexes count from 0. Every
/// key is written, `null` where there is no value (``ExplicitNull``).
public struct BenchmarkVariance: Sendable, Codable, Equatable {
    /// Kruskal–Wallis test that all runs come from one distribution (R: `kruskal.test(runs)`).
    public struct KruskalWallis: Sendable, Codable, Equatable {
        /// The tie-corrected statistic H.
        public var h: Double
        /// Degrees of freedom, runs − 1.
        public var df: Int
        /// P(χ²_df ≥ h).
        public var p: Double
    }

    /// Variance components (Kalibera & Jones 2013; one-way random-effects ANOVA), in unit².
    public struct Components: Sendable, Codable, Equatable {
        /// T₁², the within-run variance (pooled, = MSW).
        public var t1Squared: Double
        /// T₂² = S₂² − T₁² · mean(1/nᵢ), Kalibera & Jones' between-run estimator; may be negative.
        public var t2Squared: Double
        /// σ²_b = max(0, (MSB − MSW)/n₀), the between-run variance (equals T₂² when positive and
        /// the runs have equal sizes).
        public var betweenRunVariance: Double
        /// S₂², the sample variance of the run means.
        public var varianceOfRunMeans: Double
    }

    /// One run.
    public struct Run: Sendable, Codable, Equatable {
        /// 0-based.
        public var index: Int
        /// Timed iterations of the run.
        public var iterations: Int
        /// Warm-up iterations recorded for the run.
        public var warmupIterations: Int
        /// Mean and median of the run's timed iterations.
        public var mean: Double
        public var median: Double
        /// Standard deviation ÷ mean of the run's iterations; nil for a single iteration.
        @ExplicitNull public var cv: Double?
        /// The run's median over the median of the other runs' medians, minus 1 (positive: slower).
        @ExplicitNull public var relativeToOthers: Double?
        /// Distance of the run's median from the median of run medians, in robust units (see
        /// the document's `rules.standOut`).
        public var distance: Double
        /// Whether the run stands out (it is in `runsThatStandOut`).
        public var standsOut: Bool
        /// Kendall's τ between iteration order and time within the run (positive: slowing down).
        @ExplicitNull public var trendTau: Double?
        /// Its p-value (R: `cor.test(seq_along(y), y, method = "kendall")`).
        @ExplicitNull public var trendP: Double?
        /// Median of the last third of the run over the median of its first third, minus 1.
        @ExplicitNull public var earlyToLate: Double?
    }

    /// Drift within runs: are iterations getting slower (or faster) as a run goes on?
    public struct Drift: Sendable, Codable, Equatable {
        /// A trend common to the runs was found (seasonal Kendall p, Holm-adjusted over the
        /// benchmarks, below 1 − confidence) and the change from the first to the last third of a
        /// run is at least the minimum effect.
        public var detected: Bool
        /// Which way times drift, when drift is detected.
        public var direction: DriftDirection
        /// The median over runs of (median of the last third ÷ median of the first third) − 1.
        @ExplicitNull public var change: Double?
        /// The seasonal Kendall test: runs as blocks, each iteration compared only within its run.
        @ExplicitNull public var s: Double?
        /// S ÷ √Var(S) and its two-sided p-value.
        @ExplicitNull public var z: Double?
        @ExplicitNull public var p: Double?
        /// `p` adjusted by Holm's method over the benchmarks of the document (what `detected` uses).
        @ExplicitNull public var pHolm: Double?
        /// The test.
        public var method: Test

        /// The drift test: the seasonal Kendall test, runs as blocks.
        public enum Test: String, Sendable, Codable {
            case seasonalKendall = "seasonal-kendall"
        }
        /// Why there is no test, when there is none.
        @ExplicitNull public var note: String?
    }

    /// Whether the warm-up looks long enough.
    public struct Warmup: Sendable, Codable, Equatable {
        /// false when the first timed iterations are slower than the rest of their runs, or times
        /// still fall during the runs; true when neither shows; nil when the data cannot say.
        @ExplicitNull public var sufficient: Bool?
        /// Warm-up iterations recorded per run (0 when none).
        public var iterationsPerRun: [Int]
        /// The most warm-up iterations any run needed before its warm-up times stayed within the
        /// upper fence (Q3 + 1.5·IQR) of the run's timed iterations; nil without warm-up data.
        @ExplicitNull public var settledAfter: Int?
        /// Runs (0-based) whose last warm-up iteration was still above that fence.
        public var runsStillSettling: [Int]
        /// How many timed iterations at the start of each run were compared with the rest.
        @ExplicitNull public var startIterations: Int?
        /// The median over runs of (median of the first timed iterations ÷ median of the rest) − 1.
        @ExplicitNull public var startChange: Double?
        /// One-sided stratified rank-sum test (runs as strata) that the first iterations are slower.
        @ExplicitNull public var startZ: Double?
        /// Its p-value.
        @ExplicitNull public var startP: Double?
        /// `startP` adjusted by Holm's method over the benchmarks of the document (what
        /// `sufficient` uses).
        @ExplicitNull public var startPHolm: Double?
        /// The warm-up in words: how many iterations, when they settled.
        public var detail: String
        /// Why the warm-up was judged as it was.
        public var reason: String
    }

    /// The inputs and outputs of the run planning (Kalibera & Jones 2013).
    public struct Plan: Sendable, Codable, Equatable {
        /// The cost of one iteration: the mean iteration time.
        public var iterationCost: Double
        /// The cost of a new run beyond its timed iterations: the mean warm-up time per run plus
        /// `--run-overhead`.
        public var runCost: Double
        /// runCost ÷ iterationCost (1 when neither warm-up nor overhead is known).
        public var costRatio: Double
        /// How the run cost was found.
        public var costBasis: RunCostBasis
        /// The iterations per run the runs-needed figure assumes: the optimum, or the current
        /// iterations per run when there is no finite optimum.
        public var iterationsPerRun: Int
        /// The relative width (high − low) ÷ mean asked for.
        public var targetWidth: Double
        /// The confidence of that interval.
        public var confidence: Double
        /// The relative width of the t interval on the run means of this data.
        @ExplicitNull public var currentWidth: Double?
        /// The width expected with `runsNeeded` runs of `iterationsPerRun` iterations.
        @ExplicitNull public var expectedWidth: Double?
        /// Why the plan is as it is, when that needs saying.
        @ExplicitNull public var note: String?
    }

    /// The figures of the benchmark without its outlying iterations (``OutlyingIterationsSummary``):
    /// variance components, planning and typical time that a few preempted iterations cannot
    /// blow up (``RobustVarianceComponents``), in the same units as the classical ones.
    public struct Robust: Sendable, Codable, Equatable {
        /// √T₁² ÷ mean, √σ²_b ÷ mean and σ²_b ÷ (σ²_b + σ²_w) of the iterations that are not outlying.
        @ExplicitNull public var withinRunCV: Double?
        @ExplicitNull public var betweenRunCV: Double?
        @ExplicitNull public var betweenRunShare: Double?
        /// The geometric mean over runs of the run means of the iterations that are not outlying.
        public var typicalTime: Double
        public var varianceComponents: Components
        /// As the classical `optimalIterationsPerRun`, `runsNeeded` and `plan`, from these components.
        @ExplicitNull public var optimalIterationsPerRun: Int?
        @ExplicitNull public var runsNeeded: Int?
        @ExplicitNull public var plan: Plan?
    }

    /// Which figures the findings and the plan use.
    public enum Figures: String, Sendable, Codable {
        /// Every iteration (no iteration is outlying, or there is nothing robust to compute).
        case classical
        /// The iterations that are not outlying (`robust`), because some are.
        case robust
    }

    /// The results file the benchmark came from.
    public var file: String
    /// The benchmark's workload name and variant.
    public var name: String
    public var variant: String
    /// The number of runs.
    public var runs: Int
    /// Timed iterations of each run, in run order.
    public var iterations: [Int]
    /// All timed iterations together.
    public var n: Int
    /// Mean and median of all timed iterations.
    public var mean: Double
    public var median: Double
    /// √T₁² ÷ mean: the within-run standard deviation relative to the mean.
    @ExplicitNull public var withinRunCV: Double?
    /// √σ²_b ÷ mean: the between-run standard deviation relative to the mean.
    @ExplicitNull public var betweenRunCV: Double?
    /// σ²_b ÷ (σ²_b + σ²_w): the share of the variance that lies between runs.
    @ExplicitNull public var betweenRunShare: Double?
    /// nil with one run, or when every run has one iteration.
    @ExplicitNull public var varianceComponents: Components?
    /// nil with one run, or when every time is the same.
    @ExplicitNull public var kruskalWallis: KruskalWallis?
    /// 0-based indexes of the runs that stand out (see `perRun` and the document's rules).
    public var runsThatStandOut: [Int]
    /// The cut-off a run's distance had to exceed; nil below 3 runs, where none can stand out.
    @ExplicitNull public var standOutThreshold: Double?
    /// Each run, in run order.
    public var perRun: [Run]
    /// Drift within runs.
    public var drift: Drift
    /// Whether the warm-up looks long enough.
    public var warmup: Warmup
    /// Kalibera & Jones' optimal iterations per run; nil when no between-run variance is seen.
    @ExplicitNull public var optimalIterationsPerRun: Int?
    /// Runs of `plan.iterationsPerRun` iterations for an interval of `plan.targetWidth`; nil when
    /// it cannot be estimated (one run) or would exceed a million.
    @ExplicitNull public var runsNeeded: Int?
    /// How the planning figures were found; nil with one run.
    @ExplicitNull public var plan: Plan?
    /// The iterations far in the slow tail of their run; nil when they cannot be judged.
    @ExplicitNull public var outlyingIterations: OutlyingIterationsSummary?
    /// The figures without the outlying iterations; nil when none is outlying (the classical
    /// figures are then the robust ones) or with one run.
    @ExplicitNull public var robust: Robust?
    /// `robust` when some iterations are outlying and the robust figures exist, else `classical`.
    public var findingsUse: Figures
    /// The sentence naming the outlying iterations (empty when none), kept for the findings.
    @NotEncoded public var outlyingFinding: [String] = []
    /// Plain-language findings, in the order the text output gives them.
    public var findings: [String]
    /// What could not be computed, and why.
    public var notes: [String]

    /// `name/variant`.
    public var label: String { "\(name)/\(variant)" }

    /// The planning figures the findings use: `robust`'s when ``findingsUse`` is `robust`.
    public var plannedFigures: (optimal: Int?, runsNeeded: Int?, plan: Plan?, betweenRunShare: Double?) {
        if findingsUse == .robust, let robust {
            return (robust.optimalIterationsPerRun, robust.runsNeeded, robust.plan, robust.betweenRunShare)
        }
        return (optimalIterationsPerRun, runsNeeded, plan, betweenRunShare)
    }
}
