import Dispatch

/// Percentile bootstrap confidence intervals for the ratio of a statistic of two samples,
/// baseline / candidate (the speedup when the samples are times), with iid or hierarchical
/// resampling.
///
/// Method: B replicates; in each, both sides are resampled and the ratio of their statistics
/// recorded. The interval is [q(α/2), q(1 − α/2)] of the B replicate ratios with R's type-7
/// quantile (R: `quantile(ratios, c(alpha/2, 1 - alpha/2), type = 7)`), α = 1 − confidence.
/// The estimate is the ratio of the statistics of the original data.
/// - ``ratioInterval(baseline:candidate:)`` resamples each side's pooled observations
///   (Efron & Tibshirani 1993, ch. 13).
/// - ``hierarchicalRatioInterval(baselineRuns:candidateRuns:)`` resamples runs, then
///   iterations within each chosen run, and takes the statistic of all resampled iterations
///   (Kalibera & Jones 2013, "Rigorous benchmarking in reasonable time"; their `libkalibera`).
///   This is the interval that stays honest when runs differ from each other.
///
/// Reproducibility: the B replicates are split into ``chunkCount`` fixed chunks (chunk c holds
/// replicates ⌊c·B/64⌋ ..< ⌊(c+1)·B/64⌋). Chunk c draws from its own GSL `mt19937` generator
/// seeded with output c of the SplitMix64 stream started at `seed`
/// (mix(seed + (c + 1)·0x9E3779B97F4A7C15), of which `mt19937` keeps the low 32 bits), and draws
/// indices with Lemire's unbiased multiply-and-shift method from its raw 32-bit output. Chunks run
/// concurrently and write disjoint slices, and each replicate's arithmetic is sequential, so
/// the same seed gives bit-identical intervals on every machine and with any number of threads.
///
/// The interval functions block the calling thread while the chunks run on Dispatch's worker
/// threads; from async code, call them off the cooperative pool's critical paths.
///
/// Assumes the resampled units are independent and identically distributed: iterations for
/// ``ratioInterval(baseline:candidate:)``, runs for the hierarchical interval. The percentile
/// interval is first-order accurate; with few runs (below about 10) it is too narrow.
public struct Bootstrap: Sendable {
    /// The statistic computed on each side.
    public enum Statistic: String, Sendable, CaseIterable, Codable {
        /// The arithmetic mean (the grand mean of all iterations, for runs).
        case mean
        /// The median (R's `median`; of all iterations, for runs).
        case median
    }

    /// The seed used when none is given.
    public static let defaultSeed: UInt64 = 20_130_616
    /// The number of replicates used when none is given.
    public static let defaultReplicates = 10_000
    /// The number of independently seeded chunks the replicates are split into.
    public static let chunkCount = 64

    /// The statistic of each side.
    public var statistic: Statistic
    /// The number of replicates, B (at least 1; thousands for a stable interval).
    public var replicates: Int
    /// The confidence level, strictly between 0 and 1.
    public var confidence: Double
    /// The seed of the whole computation.
    public var seed: UInt64

    /// How chunks are scheduled. Results do not depend on it; tests use it to show that.
    enum Scheduling: Sendable {
        case concurrent
        case sequential
    }
    var scheduling = Scheduling.concurrent
    /// Runs (or, for the iid bootstrap, samples) of at least this many values have their
    /// resample mean drawn from its normal limit; see `BootstrapSide.normalApproximationSize`.
    /// Tests raise it to compare with exact resampling.
    var normalApproximationSize = BootstrapSide.normalApproximationSize

    /// A bootstrap configuration: `replicates` resamples at `confidence`, seeded with `seed`.
    /// Parameters are checked when an interval is computed.
    /// - Complexity: O(1).
    public init(statistic: Statistic = .mean, replicates: Int = Bootstrap.defaultReplicates,
                confidence: Double = 0.95, seed: UInt64 = Bootstrap.defaultSeed) {
        self.statistic = statistic
        self.replicates = replicates
        self.confidence = confidence
        self.seed = seed
    }

    /// The percentile interval of statistic(baseline) / statistic(candidate), resampling each
    /// side's observations independently with replacement.
    /// - Throws: `StatisticsError.tooFewObservations` when a side has fewer than 2 observations,
    ///   `.nonFinite` / `.nonPositive` unless every observation is finite and positive (times),
    ///   `.invalidParameter` for `replicates` < 1 or a confidence outside (0, 1).
    /// - Complexity: O(B·(n + m)) for the mean, the same on average for the median (GSL's
    ///   quickselect), plus O(B log B) for the percentiles; no allocation per replicate.
    public func ratioInterval(baseline: [Double], candidate: [Double]) throws(StatisticsError) -> BootstrapInterval {
        try checkParameters()
        try Bootstrap.checkTimes(baseline, atLeast: 2, "the baseline")
        try Bootstrap.checkTimes(candidate, atLeast: 2, "the candidate")
        return interval(baseline: BootstrapSide(runs: [baseline], statistic: statistic, normalApproximationSize: normalApproximationSize),
                        candidate: BootstrapSide(runs: [candidate], statistic: statistic, normalApproximationSize: normalApproximationSize),
                        resampling: .iid)
    }

    /// The hierarchical percentile interval of statistic(baseline) / statistic(candidate), where
    /// each side is a list of runs (each run a list of iterations; sizes may differ). Each
    /// replicate draws as many runs as the side has, with replacement, then from each drawn run
    /// as many iterations as it has, with replacement; the statistic is taken over all drawn
    /// iterations of the side (the grand mean or the median).
    /// - Throws: `StatisticsError.tooFewObservations` when a side has fewer than 2 runs or a run
    ///   is empty (with one run there is nothing to say about run-to-run variation),
    ///   `.nonFinite` / `.nonPositive` unless every observation is finite and positive,
    ///   `.invalidParameter` for `replicates` < 1 or a confidence outside (0, 1).
    /// - Complexity: O(B·(N + M)) for the mean, the same on average for the median, plus
    ///   O(B log B); no allocation per replicate.
    public func hierarchicalRatioInterval(baselineRuns: [[Double]], candidateRuns: [[Double]]) throws(StatisticsError) -> BootstrapInterval {
        try checkParameters()
        try Bootstrap.checkRuns(baselineRuns, "the baseline")
        try Bootstrap.checkRuns(candidateRuns, "the candidate")
        return interval(baseline: BootstrapSide(runs: baselineRuns, statistic: statistic, normalApproximationSize: normalApproximationSize),
                        candidate: BootstrapSide(runs: candidateRuns, statistic: statistic, normalApproximationSize: normalApproximationSize),
                        resampling: .hierarchical)
    }

    // MARK: Validation

    private func checkParameters() throws(StatisticsError) {
        try StatisticsError.checkConfidence(confidence)
        guard replicates >= 1 else {
            throw .invalidParameter("a bootstrap needs at least 1 replicate, got \(replicates)")
        }
    }

    private static func checkTimes(_ values: [Double], atLeast count: Int, _ what: String) throws(StatisticsError) {
        try StatisticsError.check(values, atLeast: count, what)
        try checkFitsIn32Bits(values.count, what)
        for value in values where value <= 0 {
            throw .nonPositive(what: what)
        }
    }

    private static func checkRuns(_ runs: [[Double]], _ what: String) throws(StatisticsError) {
        guard runs.count >= 2 else {
            throw .tooFewObservations(needed: 2, got: runs.count, what: "\(what) (runs of a hierarchical bootstrap)")
        }
        try checkFitsIn32Bits(runs.count, "\(what) (runs)")
        for (index, run) in runs.enumerated() {
            try checkTimes(run, atLeast: 1, "run \(index + 1) of \(what)")
        }
    }

    /// Indices are drawn as 32-bit integers.
    private static func checkFitsIn32Bits(_ count: Int, _ what: String) throws(StatisticsError) {
        guard count <= Int(UInt32.max) else {
            throw .invalidParameter("\(what): a bootstrap resamples at most \(UInt32.max) items, got \(count)")
        }
    }

    // MARK: Replicates

    private func interval(baseline: BootstrapSide, candidate: BootstrapSide,
                          resampling: BootstrapInterval.Resampling) -> BootstrapInterval {
        let ratios = SortedSample(sorting: replicateRatios(baseline: baseline, candidate: candidate,
                                                           resampling: resampling))
        let alpha = 1 - confidence
        return BootstrapInterval(estimate: baseline.estimate / candidate.estimate,
                                 low: ratios.quantile(alpha / 2), high: ratios.quantile(1 - alpha / 2),
                                 replicates: replicates, seed: seed, confidence: confidence,
                                 statistic: statistic, resampling: resampling)
    }

    /// The replicates of chunk c are ⌊c·B/chunkCount⌋ ..< ⌊(c+1)·B/chunkCount⌋.
    static func chunkBounds(_ chunk: Int, replicates: Int) -> Range<Int> {
        (chunk * replicates / chunkCount)..<((chunk + 1) * replicates / chunkCount)
    }

    /// The B replicate ratios, in replicate order.
    func replicateRatios(baseline: BootstrapSide, candidate: BootstrapSide,
                         resampling: BootstrapInterval.Resampling) -> [Double] {
        let replicates = self.replicates
        let seed = self.seed
        let statistic = self.statistic
        let scheduling = self.scheduling
        let scratchSize = max(baseline.largestResample, candidate.largestResample)
        return baseline.withView { baselineView in
            candidate.withView { candidateView in
                [Double](unsafeUninitializedCapacity: replicates) { buffer, initialized in
                    let output = ReplicateOutput(buffer: buffer)
                    let runChunk: @Sendable (Int) -> Void = { chunk in
                        var random = RandomSource(seed: SplitMix64.output(seed: seed, index: UInt64(chunk)))
                        let scratch = UnsafeMutableBufferPointer<Double>.allocate(
                            capacity: statistic == .median ? scratchSize : 0)
                        defer { scratch.deallocate() }
                        for replicate in Bootstrap.chunkBounds(chunk, replicates: replicates) {
                            let top: Double
                            let bottom: Double
                            switch (statistic, resampling) {
                            case (.mean, .iid):
                                top = baselineView.iidMean(&random)
                                bottom = candidateView.iidMean(&random)
                            case (.mean, .hierarchical):
                                top = baselineView.hierarchicalMean(&random)
                                bottom = candidateView.hierarchicalMean(&random)
                            case (.median, .iid):
                                top = baselineView.iidMedian(&random, scratch: scratch)
                                bottom = candidateView.iidMedian(&random, scratch: scratch)
                            case (.median, .hierarchical):
                                top = baselineView.hierarchicalMedian(&random, scratch: scratch)
                                bottom = candidateView.hierarchicalMedian(&random, scratch: scratch)
                            }
                            output.store(top / bottom, at: replicate)
                        }
                    }
                    switch scheduling {
                    case .concurrent:
                        DispatchQueue.concurrentPerform(iterations: Bootstrap.chunkCount, execute: runChunk)
                    case .sequential:
                        // Backwards, so a test comparing with the concurrent order also shows
                        // that chunks do not depend on each other.
                        for chunk in (0..<Bootstrap.chunkCount).reversed() { runChunk(chunk) }
                    }
                    initialized = replicates
                }
            }
        }
    }

    /// The replicate buffer, shared by the chunks: each chunk writes only its own slice.
    private struct ReplicateOutput: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Double>

        @inline(__always)
        func store(_ value: Double, at index: Int) { buffer[index] = value }
    }
}
