/// The run-to-run variance analysis of one benchmark (name, variant) of one results file, as it
/// appears in the `qe-validate/variance@1` document. Times are in the document's unit; shares
/// and coefficients of variation are fractions (0.012 is 1.2%); run indexes count from 0.
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
        public var cv: Double?
        /// The run's median over the median of the other runs' medians, minus 1 (positive: slower).
        public var relativeToOthers: Double?
        /// Distance of the run's median from the median of run medians, in robust units (see
        /// the document's `rules.standOut`).
        public var distance: Double
        /// Whether the run stands out (it is in `runsThatStandOut`).
        public var standsOut: Bool
        /// Kendall's τ between iteration order and time within the run (positive: slowing down).
        public var trendTau: Double?
        /// Its p-value (R: `cor.test(seq_along(y), y, method = "kendall")`).
        public var trendP: Double?
        /// Median of the last third of the run over the median of its first third, minus 1.
        public var earlyToLate: Double?
    }

    /// Drift within runs: are iterations getting slower (or faster) as a run goes on?
    public struct Drift: Sendable, Codable, Equatable {
        /// A trend common to the runs was found (seasonal Kendall p, Holm-adjusted over the
        /// benchmarks, below 1 − confidence) and the change from the first to the last third of a
        /// run is at least the minimum effect.
        public var detected: Bool
        /// `slower` (times rise), `faster` (times fall) or `none`.
        public var direction: String
        /// The median over runs of (median of the last third ÷ median of the first third) − 1.
        public var change: Double?
        /// The seasonal Kendall test: runs as blocks, each iteration compared only within its run.
        public var s: Double?
        /// S ÷ √Var(S) and its two-sided p-value.
        public var z: Double?
        public var p: Double?
        /// `p` adjusted by Holm's method over the benchmarks of the document (what `detected` uses).
        public var pHolm: Double?
        /// `seasonal-kendall`.
        public var method: String
        /// Why there is no test, when there is none.
        public var note: String?
    }

    /// Whether the warm-up looks long enough.
    public struct Warmup: Sendable, Codable, Equatable {
        /// false when the first timed iterations are slower than the rest of their runs, or times
        /// still fall during the runs; true when neither shows; nil when the data cannot say.
        public var sufficient: Bool?
        /// Warm-up iterations recorded per run (0 when none).
        public var iterationsPerRun: [Int]
        /// The most warm-up iterations any run needed before its warm-up times stayed within the
        /// upper fence (Q3 + 1.5·IQR) of the run's timed iterations; nil without warm-up data.
        public var settledAfter: Int?
        /// Runs (0-based) whose last warm-up iteration was still above that fence.
        public var runsStillSettling: [Int]
        /// How many timed iterations at the start of each run were compared with the rest.
        public var startIterations: Int?
        /// The median over runs of (median of the first timed iterations ÷ median of the rest) − 1.
        public var startChange: Double?
        /// One-sided stratified rank-sum test (runs as strata) that the first iterations are slower.
        public var startZ: Double?
        /// Its p-value.
        public var startP: Double?
        /// `startP` adjusted by Holm's method over the benchmarks of the document (what
        /// `sufficient` uses).
        public var startPHolm: Double?
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
        public var costBasis: String
        /// The iterations per run the runs-needed figure assumes: the optimum, or the current
        /// iterations per run when there is no finite optimum.
        public var iterationsPerRun: Int
        /// The relative width (high − low) ÷ mean asked for.
        public var targetWidth: Double
        /// The confidence of that interval.
        public var confidence: Double
        /// The relative width of the t interval on the run means of this data.
        public var currentWidth: Double?
        /// The width expected with `runsNeeded` runs of `iterationsPerRun` iterations.
        public var expectedWidth: Double?
        /// Why the plan is as it is, when that needs saying.
        public var note: String?
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
    public var withinRunCV: Double?
    /// √σ²_b ÷ mean: the between-run standard deviation relative to the mean.
    public var betweenRunCV: Double?
    /// σ²_b ÷ (σ²_b + σ²_w): the share of the variance that lies between runs.
    public var betweenRunShare: Double?
    /// nil with one run, or when every run has one iteration.
    public var varianceComponents: Components?
    /// nil with one run, or when every time is the same.
    public var kruskalWallis: KruskalWallis?
    /// 0-based indexes of the runs that stand out (see `perRun` and the document's rules).
    public var runsThatStandOut: [Int]
    /// The cut-off a run's distance had to exceed; nil below 3 runs, where none can stand out.
    public var standOutThreshold: Double?
    /// Each run, in run order.
    public var perRun: [Run]
    /// Drift within runs.
    public var drift: Drift
    /// Whether the warm-up looks long enough.
    public var warmup: Warmup
    /// Kalibera & Jones' optimal iterations per run; nil when no between-run variance is seen.
    public var optimalIterationsPerRun: Int?
    /// Runs of `plan.iterationsPerRun` iterations for an interval of `plan.targetWidth`; nil when
    /// it cannot be estimated (one run) or would exceed a million.
    public var runsNeeded: Int?
    /// How the planning figures were found; nil with one run.
    public var plan: Plan?
    /// Plain-language findings, in the order the text output gives them.
    public var findings: [String]
    /// What could not be computed, and why.
    public var notes: [String]

    /// `name/variant`.
    public var label: String { "\(name)/\(variant)" }
}

// Every key is written, null where there is no value, so that a reader of the JSON finds the
// same fields in every entry (synthesised Codable would leave absent optionals out).

extension BenchmarkVariance.Run {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(index, forKey: .index)
        try container.encode(iterations, forKey: .iterations)
        try container.encode(warmupIterations, forKey: .warmupIterations)
        try container.encode(mean, forKey: .mean)
        try container.encode(median, forKey: .median)
        try container.encode(cv, forKey: .cv)
        try container.encode(relativeToOthers, forKey: .relativeToOthers)
        try container.encode(distance, forKey: .distance)
        try container.encode(standsOut, forKey: .standsOut)
        try container.encode(trendTau, forKey: .trendTau)
        try container.encode(trendP, forKey: .trendP)
        try container.encode(earlyToLate, forKey: .earlyToLate)
    }
}

extension BenchmarkVariance.Drift {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(detected, forKey: .detected)
        try container.encode(direction, forKey: .direction)
        try container.encode(change, forKey: .change)
        try container.encode(s, forKey: .s)
        try container.encode(z, forKey: .z)
        try container.encode(p, forKey: .p)
        try container.encode(pHolm, forKey: .pHolm)
        try container.encode(method, forKey: .method)
        try container.encode(note, forKey: .note)
    }
}

extension BenchmarkVariance.Warmup {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sufficient, forKey: .sufficient)
        try container.encode(iterationsPerRun, forKey: .iterationsPerRun)
        try container.encode(settledAfter, forKey: .settledAfter)
        try container.encode(runsStillSettling, forKey: .runsStillSettling)
        try container.encode(startIterations, forKey: .startIterations)
        try container.encode(startChange, forKey: .startChange)
        try container.encode(startZ, forKey: .startZ)
        try container.encode(startP, forKey: .startP)
        try container.encode(startPHolm, forKey: .startPHolm)
        try container.encode(detail, forKey: .detail)
        try container.encode(reason, forKey: .reason)
    }
}

extension BenchmarkVariance.Plan {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(iterationCost, forKey: .iterationCost)
        try container.encode(runCost, forKey: .runCost)
        try container.encode(costRatio, forKey: .costRatio)
        try container.encode(costBasis, forKey: .costBasis)
        try container.encode(iterationsPerRun, forKey: .iterationsPerRun)
        try container.encode(targetWidth, forKey: .targetWidth)
        try container.encode(confidence, forKey: .confidence)
        try container.encode(currentWidth, forKey: .currentWidth)
        try container.encode(expectedWidth, forKey: .expectedWidth)
        try container.encode(note, forKey: .note)
    }
}

extension BenchmarkVariance {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(name, forKey: .name)
        try container.encode(variant, forKey: .variant)
        try container.encode(runs, forKey: .runs)
        try container.encode(iterations, forKey: .iterations)
        try container.encode(n, forKey: .n)
        try container.encode(mean, forKey: .mean)
        try container.encode(median, forKey: .median)
        try container.encode(withinRunCV, forKey: .withinRunCV)
        try container.encode(betweenRunCV, forKey: .betweenRunCV)
        try container.encode(betweenRunShare, forKey: .betweenRunShare)
        try container.encode(varianceComponents, forKey: .varianceComponents)
        try container.encode(kruskalWallis, forKey: .kruskalWallis)
        try container.encode(runsThatStandOut, forKey: .runsThatStandOut)
        try container.encode(standOutThreshold, forKey: .standOutThreshold)
        try container.encode(perRun, forKey: .perRun)
        try container.encode(drift, forKey: .drift)
        try container.encode(warmup, forKey: .warmup)
        try container.encode(optimalIterationsPerRun, forKey: .optimalIterationsPerRun)
        try container.encode(runsNeeded, forKey: .runsNeeded)
        try container.encode(plan, forKey: .plan)
        try container.encode(findings, forKey: .findings)
        try container.encode(notes, forKey: .notes)
    }
}
