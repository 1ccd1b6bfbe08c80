/// How much of the variation in timings comes from differences between runs (processes,
/// invocations) and how much from iterations within a run.
///
/// Method: the one-way random-effects model yᵢⱼ = μ + bᵢ + eᵢⱼ, bᵢ ~ (0, σ²_b), eᵢⱼ ~ (0, σ²_w),
/// estimated by the method of moments (ANOVA), which allows unequal run sizes:
/// - MSW = Σᵢⱼ (yᵢⱼ − ȳᵢ)² / (N − K), MSB = Σᵢ nᵢ(ȳᵢ − ȳ)² / (K − 1) (R: the "Mean Sq" column
///   of `anova(lm(y ~ factor(run)))`);
/// - σ²_w = MSW; σ²_b = max(0, (MSB − MSW)/n₀) with n₀ = (N − Σnᵢ²/N)/(K − 1);
/// - intra-class correlation σ²_b / (σ²_b + σ²_w), the share of between-run variance.
///
/// And Kalibera & Jones (2013, "Rigorous benchmarking in reasonable time", ISMM; the revised
/// estimator as in their libkalibera): T₁² = S₁², the mean within-run variance, and
/// T₂² = S₂² − S₁²/n, where S₂² is the variance of the run means. With unequal run sizes,
/// S₁² is the within-run variance pooled by degrees of freedom (= MSW) and 1/n becomes the
/// mean of 1/nᵢ, which keeps T₂² an unbiased estimator of σ²_b. T₂² may be negative: that is
/// the estimator's answer when runs differ less than their iterations predict.
///
/// Assumes runs are independent and exchangeable, iterations within a run are independent
/// given the run, and the within-run variance is the same in every run.
public struct VarianceComponents: Sendable, Equatable {
    /// How many iterations each run should have, from Kalibera & Jones' cost model.
    public enum IterationPlan: Sendable, Equatable {
        /// rᵢ = max(1, ⌈√(costRatio · T₁²/T₂²)⌉) iterations per run.
        case iterationsPerRun(Int)
        /// T₂² ≤ 0: no between-run variance was detected, so the model gives no finite optimum;
        /// adding runs buys nothing over adding iterations (within the precision of this data).
        /// Also returned when the optimum is too large to represent.
        case noBetweenRunVariance
    }

    private let runs: [[Double]]

    /// The number of runs, K.
    public var runCount: Int { runs.count }
    /// The total number of iterations, N.
    public let observationCount: Int
    /// The number of iterations in each run.
    public var runSizes: [Int] { runs.map(\.count) }
    /// The mean of each run.
    public let runMeans: [Double]
    /// The mean of all N iterations.
    public let grandMean: Double
    /// MSB, the between-run mean square (K − 1 degrees of freedom).
    public let betweenRunMeanSquare: Double
    /// MSW, the within-run mean square (N − K degrees of freedom).
    public let withinRunMeanSquare: Double
    /// n₀ = (N − Σnᵢ²/N)/(K − 1), the effective run size (the run size when all are equal).
    public let effectiveRunSize: Double
    /// σ²_b = max(0, (MSB − MSW)/n₀).
    public let betweenRunVariance: Double
    /// S₂², the (unweighted) sample variance of the run means.
    public let varianceOfRunMeans: Double

    /// σ²_w = MSW.
    public var withinRunVariance: Double { withinRunMeanSquare }

    /// σ²_b / (σ²_b + σ²_w); `nil` when both are zero (every value is the same).
    public var intraclassCorrelation: Double? {
        let total = betweenRunVariance + withinRunVariance
        return total > 0 ? betweenRunVariance / total : nil
    }

    /// Kalibera & Jones' T₁², the mean within-run variance (= MSW).
    public var t1Squared: Double { withinRunMeanSquare }

    /// Kalibera & Jones' T₂² = S₂² − T₁² · mean(1/nᵢ), their unbiased estimator of the
    /// between-run variance (S₂² − S₁²/n with equal run sizes). May be negative.
    public var t2Squared: Double {
        let meanReciprocalSize = runs.reduce(0.0) { $0 + 1 / Double($1.count) } / Double(runs.count)
        return varianceOfRunMeans - t1Squared * meanReciprocalSize
    }

    /// Estimates the variance components of `runs` (one array of iterations per run).
    /// - Throws: `StatisticsError.tooFewObservations` with fewer than 2 runs, an empty run, or no
    ///   run with 2 iterations (no within-run variance); `.nonFinite` for NaN or infinite values.
    /// - Complexity: O(N).
    public init(runs: [[Double]]) throws(StatisticsError) {
        guard runs.count >= 2 else {
            throw .tooFewObservations(needed: 2, got: runs.count, what: "variance components (runs)")
        }
        for (index, run) in runs.enumerated() {
            try StatisticsError.check(run, atLeast: 1, "run \(index + 1)")
        }
        let n = runs.reduce(0) { $0 + $1.count }
        let k = runs.count
        guard n - k >= 1 else {
            throw .tooFewObservations(needed: k + 1, got: n,
                                      what: "variance components (no run has two iterations)")
        }
        self.runs = runs
        observationCount = n
        let runMeans = runs.map { GSL.mean($0) }
        let grandMean = GSL.mean(runs.flatMap { $0 })
        var withinSquares = 0.0
        var betweenSquares = 0.0
        var sumOfSquaredSizes = 0.0
        for (run, mean) in zip(runs, runMeans) {
            let size = Double(run.count)
            if run.count >= 2 { withinSquares += (size - 1) * GSL.variance(run, mean: mean) }
            betweenSquares += size * (mean - grandMean) * (mean - grandMean)
            sumOfSquaredSizes += size * size
        }
        let total = Double(n)
        let msw = withinSquares / Double(n - k)
        let msb = betweenSquares / Double(k - 1)
        let n0 = (total - sumOfSquaredSizes / total) / Double(k - 1)
        self.runMeans = runMeans
        self.grandMean = grandMean
        withinRunMeanSquare = msw
        betweenRunMeanSquare = msb
        effectiveRunSize = n0
        betweenRunVariance = max(0, (msb - msw) / n0)
        varianceOfRunMeans = GSL.variance(runMeans, mean: GSL.mean(runMeans))
    }

    /// The number of iterations per run that gives the most precise grand mean for a fixed
    /// experiment time (Kalibera & Jones 2013): r = ⌈√(costRatio · T₁²/T₂²)⌉, at least 1.
    /// - Parameter costRatio: the cost of starting a new run (process start-up, warm-up)
    ///   divided by the cost of one iteration.
    /// - Returns: ``IterationPlan/noBetweenRunVariance`` when T₂² ≤ 0.
    /// - Throws: `StatisticsError.invalidParameter` unless `costRatio` is positive and finite.
    /// - Complexity: O(K).
    public func optimalIterationsPerRun(costRatio: Double) throws(StatisticsError) -> IterationPlan {
        guard costRatio > 0, costRatio.isFinite else {
            throw .invalidParameter("the cost ratio of a run to an iteration must be positive and finite, got \(costRatio)")
        }
        let t2Squared = self.t2Squared
        guard t2Squared > 0 else { return .noBetweenRunVariance }
        let optimum = (costRatio * t1Squared / t2Squared).squareRoot().rounded(.up)
        guard let iterations = Int(exactly: optimum) else { return .noBetweenRunVariance }
        return .iterationsPerRun(max(1, iterations))
    }

    /// The Kruskal–Wallis test that all runs come from one distribution (R's
    /// `kruskal.test(runs)`); a small p-value says runs differ.
    /// - Throws: `StatisticsError.noSpread` when every value is the same.
    /// - Complexity: O(N log N).
    public func runsAlikeTest() throws(StatisticsError) -> KruskalWallisTest {
        try KruskalWallisTest(groups: runs)
    }
}
