/// One side of a bootstrap ratio (the baseline or the candidate), laid out for fast resampling:
/// all runs in one contiguous array, with where each run starts and how long it is.
///
/// For the mean, values are stored divided by `scale` (the side's pooled mean) and a replicate
/// mean is `scale × (Σ(x / scale) / count)`. Every term is positive, so a sum never cancels: a
/// replicate mean is positive by construction and accurate to a few ulps (relative) whatever
/// the magnitude of the times (1e-9 or 1e300, where raw sums would overflow) and however far
/// one of them lies from the rest. (Centring on the pooled mean instead, as this type once did,
/// cancelled catastrophically when one sample was 1e25: replicate means came out negative.)
/// Zero-spread data give exactly `scale` back.
///
/// Indices are drawn with ``RandomSource/nextIndex(below32:)``; callers check that every count
/// fits in 32 bits.
struct BootstrapSide: Sendable {
    /// The (scaled, for the mean) values of all runs, run after run.
    let values: [Double]
    let runStarts: [Int]
    let runSizes: [Int]
    /// Multiplies every replicate statistic (the pooled mean for the mean, 1 for the median).
    let scale: Double
    /// The statistic of the original, pooled data.
    let estimate: Double
    /// The largest number of values one hierarchical resample can hold: K × the largest run.
    let largestResample: Int
    /// Per run, the standard deviation of the mean of nᵣ draws with replacement from the run:
    /// √(plug-in variance / nᵣ). Used for runs of at least `normalApproximationSize` iterations.
    let runMeanStandardErrors: [Double]
    /// Per run, the mean of its (scaled) values.
    let runMeans: [Double]
    /// Per run, the smallest and largest (scaled) value: a resample mean lies between them, so
    /// a draw from the normal limit is clamped to them (and stays positive).
    let runRanges: [ClosedRange<Double>]
    /// The mean of all (scaled) values, the standard deviation of the mean of N draws with
    /// replacement from them, and their range.
    let pooledMean: Double
    let pooledMeanStandardError: Double
    let pooledRange: ClosedRange<Double>

    /// From this many iterations on, the mean of a run's resample is drawn from its normal limit,
    /// N(run mean, plug-in variance / nᵣ), clamped to the run's range, instead of from nᵣ index
    /// draws: by the central limit theorem the two distributions differ by O(skewness/√nᵣ),
    /// negligible at this size, and the bootstrap of a run of a million iterations then costs
    /// one draw instead of a million (5 runs × 200,000 iterations, B = 10,000: seconds instead
    /// of minutes).
    static let normalApproximationSize = 2_000

    /// Lays out `runs` (non-empty, validated by the caller) for `statistic`.
    /// From this many values on, a resample mean is drawn from its normal limit.
    let approximationSize: Int

    init(runs: [[Double]], statistic: Bootstrap.Statistic, normalApproximationSize: Int = BootstrapSide.normalApproximationSize) {
        approximationSize = normalApproximationSize
        let pooled = runs.flatMap { $0 }
        var starts = [Int]()
        starts.reserveCapacity(runs.count)
        var start = 0
        for run in runs {
            starts.append(start)
            start += run.count
        }
        runStarts = starts
        runSizes = runs.map(\.count)
        largestResample = runs.count * (runSizes.max() ?? 0)
        switch statistic {
        case .mean:
            let mean = GSL.mean(pooled)
            scale = mean
            estimate = mean
            values = pooled.map { $0 / mean }
        case .median:
            scale = 1
            estimate = SortedSample(sorting: pooled).median
            values = pooled
        }
        var means: [Double] = []
        var errors: [Double] = []
        var ranges: [ClosedRange<Double>] = []
        for (start, size) in zip(starts, runSizes) {
            let run = values[start..<(start + size)]
            let mean = run.reduce(0, +) / Double(size)
            let variance = run.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(size)
            means.append(mean)
            errors.append((variance / Double(size)).squareRoot())
            ranges.append((run.min() ?? 0)...(run.max() ?? 0))
        }
        runMeans = means
        runMeanStandardErrors = errors
        runRanges = ranges
        let all = values
        let mean = all.reduce(0, +) / Double(all.count)
        pooledMean = mean
        pooledMeanStandardError = (all.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(all.count) / Double(all.count)).squareRoot()
        pooledRange = (all.min() ?? 0)...(all.max() ?? 0)
    }

    /// Calls `body` with a view of this side's storage (valid only during the call).
    func withView<Result>(_ body: (View) -> Result) -> Result {
        values.withUnsafeBufferPointer { values in
            runStarts.withUnsafeBufferPointer { starts in
                runSizes.withUnsafeBufferPointer { sizes in
                    runMeans.withUnsafeBufferPointer { means in
                        runMeanStandardErrors.withUnsafeBufferPointer { errors in
                            runRanges.withUnsafeBufferPointer { ranges in
                                body(View(
                                    values: values, runStarts: starts, runSizes: sizes, scale: scale,
                                    runMeans: means, runMeanStandardErrors: errors, runRanges: ranges,
                                    pooledMean: pooledMean, pooledMeanStandardError: pooledMeanStandardError,
                                    pooledRange: pooledRange, approximationSize: approximationSize))
                            }
                        }
                    }
                }
            }
        }
    }

    /// Read-only pointers into a side's arrays, which the caller keeps alive. Shared by the
    /// concurrent chunks, which only read through it.
    struct View: @unchecked Sendable {
        let values: UnsafeBufferPointer<Double>
        let runStarts: UnsafeBufferPointer<Int>
        let runSizes: UnsafeBufferPointer<Int>
        let scale: Double
        let runMeans: UnsafeBufferPointer<Double>
        let runMeanStandardErrors: UnsafeBufferPointer<Double>
        let runRanges: UnsafeBufferPointer<ClosedRange<Double>>
        let pooledMean: Double
        let pooledMeanStandardError: Double
        let pooledRange: ClosedRange<Double>
        let approximationSize: Int

        /// A draw from N(mean, standardError²), clamped to `range` (where every resample mean lies).
        @inline(__always)
        func normalLimit(_ random: inout RandomSource, mean: Double, standardError: Double, range: ClosedRange<Double>) -> Double {
            min(max(mean + standardError * random.nextGaussian(), range.lowerBound), range.upperBound)
        }

        /// The mean of one iid resample of all values (`values.count` draws).
        @inline(__always)
        func iidMean(_ random: inout RandomSource) -> Double {
            let count = values.count
            if count >= approximationSize {
                // Normal limit of the resample mean of all values (see normalApproximationSize).
                return scale * normalLimit(&random, mean: pooledMean, standardError: pooledMeanStandardError, range: pooledRange)
            }
            var sum = 0.0
            for _ in 0..<count { sum += values[Int(random.nextIndex(below32: UInt32(truncatingIfNeeded: count)))] }
            return scale * (sum / Double(count))
        }

        /// The grand mean of one hierarchical resample: K runs drawn with replacement, then
        /// nᵣ iterations drawn with replacement from each drawn run r.
        @inline(__always)
        func hierarchicalMean(_ random: inout RandomSource) -> Double {
            let runCount = runSizes.count
            var sum = 0.0
            var total = 0
            for _ in 0..<runCount {
                let run = Int(random.nextIndex(below32: UInt32(truncatingIfNeeded: runCount)))
                let start = runStarts[run]
                let size = runSizes[run]
                total += size
                if size >= approximationSize {
                    // Normal limit of the run's resample mean (see normalApproximationSize).
                    let mean = normalLimit(&random, mean: runMeans[run], standardError: runMeanStandardErrors[run], range: runRanges[run])
                    sum += mean * Double(size)
                    continue
                }
                for _ in 0..<size { sum += values[start + Int(random.nextIndex(below32: UInt32(truncatingIfNeeded: size)))] }
            }
            return scale * (sum / Double(total))
        }

        /// The median of one iid resample, materialised in `scratch`.
        @inline(__always)
        func iidMedian(_ random: inout RandomSource, scratch: UnsafeMutableBufferPointer<Double>) -> Double {
            let count = values.count
            for slot in 0..<count { scratch[slot] = values[Int(random.nextIndex(below32: UInt32(truncatingIfNeeded: count)))] }
            return GSL.medianReordering(UnsafeMutableBufferPointer(rebasing: scratch[0..<count]))
        }

        /// The median of all iterations of one hierarchical resample, materialised in `scratch`.
        @inline(__always)
        func hierarchicalMedian(_ random: inout RandomSource, scratch: UnsafeMutableBufferPointer<Double>) -> Double {
            let runCount = runSizes.count
            var filled = 0
            for _ in 0..<runCount {
                let run = Int(random.nextIndex(below32: UInt32(truncatingIfNeeded: runCount)))
                let start = runStarts[run]
                let size = runSizes[run]
                for _ in 0..<size {
                    scratch[filled] = values[start + Int(random.nextIndex(below32: UInt32(truncatingIfNeeded: size)))]
                    filled += 1
                }
            }
            return GSL.medianReordering(UnsafeMutableBufferPointer(rebasing: scratch[0..<filled]))
        }
    }
}
