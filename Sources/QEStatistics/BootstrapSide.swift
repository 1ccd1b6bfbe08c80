/// One side of a bootstrap ratio (the baseline or the candidate), laid out for fast resampling:
/// all runs in one contiguous array, with where each run starts and how long it is.
///
/// For the mean, values are stored minus `shift` (the side's pooled mean) and a replicate mean
/// is `shift + Σ(x − shift)/count`: sums of small centred values lose less precision than sums
/// of raw timings, and zero-spread data give exactly `shift` back.
///
/// Indices are drawn with ``RandomSource/nextIndex(below32:)``; callers check that every count
/// fits in 32 bits.
struct BootstrapSide: Sendable {
    /// The (centred, for the mean) values of all runs, run after run.
    let values: [Double]
    let runStarts: [Int]
    let runSizes: [Int]
    /// Added back to every replicate statistic (the pooled mean for the mean, 0 for the median).
    let shift: Double
    /// The statistic of the original, pooled data.
    let estimate: Double
    /// The largest number of values one hierarchical resample can hold: K × the largest run.
    let largestResample: Int

    /// Lays out `runs` (non-empty, validated by the caller) for `statistic`.
    init(runs: [[Double]], statistic: Bootstrap.Statistic) {
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
            shift = mean
            estimate = mean
            values = pooled.map { $0 - mean }
        case .median:
            shift = 0
            estimate = SortedSample(sorting: pooled).median
            values = pooled
        }
    }

    /// Calls `body` with a view of this side's storage (valid only during the call).
    func withView<Result>(_ body: (View) -> Result) -> Result {
        values.withUnsafeBufferPointer { values in
            runStarts.withUnsafeBufferPointer { starts in
                runSizes.withUnsafeBufferPointer { sizes in
                    body(View(values: values, runStarts: starts, runSizes: sizes, shift: shift))
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
        let shift: Double

        /// The mean of one iid resample of all values (`values.count` draws).
        @inline(__always)
        func iidMean(_ random: inout RandomSource) -> Double {
            let count = values.count
            var sum = 0.0
            for _ in 0..<count { sum += values[Int(random.nextIndex(below32: UInt32(truncatingIfNeeded: count)))] }
            return shift + sum / Double(count)
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
                for _ in 0..<size { sum += values[start + Int(random.nextIndex(below32: UInt32(truncatingIfNeeded: size)))] }
                total += size
            }
            return shift + sum / Double(total)
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
