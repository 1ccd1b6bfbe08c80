import Foundation

/// The level of one commit of a benchmark's history, on the log scale, from its runs.
///
/// - A run's level is the median of its log times (R: `median(log(x))`): robust to the few
///   iterations a busy machine preempts.
/// - The commit's level is the trimmed mean of its run levels: the mean for one or two runs,
///   the median for three, and for K ≥ 4 the mean after dropping the g = max(1, ⌊K/5⌋) lowest
///   and highest, so that one slow run (a noisy neighbour) does not move the commit.
/// - ``varianceFactor`` κ_K: the variance of that trimmed mean of K normal run levels, in units
///   of σ²/K (1 for the mean): the asymptotic variance of the α-trimmed mean, α = g/K,
///   ((1 − 2α) − 2cφ(c) + 2αc²) / (1 − 2α)² with c = Φ⁻¹(1 − α) (Huber 1981, *Robust
///   Statistics*, §3.3), within 4% of simulated small-sample values (1.29 against 1.35 for 3).
public struct CommitLevel: Sendable, Equatable {
    /// The commit's level (log time).
    public let level: Double
    /// Each run's level (median log time), in run order.
    public let runLevels: [Double]

    /// The number of runs.
    public var runCount: Int { runLevels.count }

    /// The level of a commit with `runs` (the iterations of each run, positive times).
    /// - Throws: `StatisticsError.tooFewObservations` for no runs or an empty run,
    ///   `.nonFinite` or `.nonPositive` for a bad time. `what` names the commit in the message
    ///   (made only when there is an error).
    /// - Complexity: O(N log N) over the commit's N iterations; no allocation per run.
    public init(runs: [[Double]], what: @autoclosure () -> String = "a commit") throws(StatisticsError) {
        guard !runs.isEmpty else { throw .tooFewObservations(needed: 1, got: 0, what: "\(what()) (runs)") }
        var levels: [Double] = []
        levels.reserveCapacity(runs.count)
        for (index, run) in runs.enumerated() {
            guard let level = Self.medianLog(run) else {
                // Only an invalid run has no level: say why, naming it.
                try StatisticsError.check(run, atLeast: 1, "\(what()), run \(index + 1)")
                throw .nonPositive(what: "\(what()), run \(index + 1)")
            }
            levels.append(level)
        }
        runLevels = levels
        level = Self.trimmedMean(levels)
    }

    /// A run's lower and upper median (the ⌈n/2⌉-th and (⌊n/2⌋ + 1)-th smallest of its n
    /// iterations; the same for odd n): all its level needs, so that a store can keep these two
    /// numbers a run instead of its samples for the judge.
    public struct RunMedians: Sendable, Equatable {
        public var lower: Double
        public var upper: Double

        public init(lower: Double, upper: Double) {
            self.lower = lower
            self.upper = upper
        }

        /// The run's level, the median of its log times: log of the middle time for an odd
        /// count, the mean of the logs of the two middle ones for an even count; bit for bit
        /// what ``CommitLevel/runLevel(_:what:)`` gives from the samples (for an odd count
        /// (log x + log x) / 2 = log x exactly). Nil unless both are finite and positive.
        public var level: Double? {
            guard lower > 0, lower.isFinite, upper > 0, upper.isFinite else { return nil }
            return lower == upper ? log(lower) : (log(lower) + log(upper)) / 2
        }
    }

    /// The level of a commit from each run's lower and upper median, the same as
    /// ``init(runs:what:)`` gives from the runs' samples when every sample is finite and positive
    /// (which the caller checks: the medians alone cannot show a bad sample elsewhere in a run).
    /// - Throws: `StatisticsError.tooFewObservations` for no runs, `.nonPositive` for a run
    ///   whose medians are not finite and positive.
    /// - Complexity: O(K log K) over the K runs.
    public init(medians: [RunMedians], what: @autoclosure () -> String = "a commit") throws(StatisticsError) {
        guard !medians.isEmpty else { throw .tooFewObservations(needed: 1, got: 0, what: "\(what()) (runs)") }
        var levels: [Double] = []
        levels.reserveCapacity(medians.count)
        for (index, run) in medians.enumerated() {
            guard let level = run.level else { throw .nonPositive(what: "\(what()), run \(index + 1)") }
            levels.append(level)
        }
        runLevels = levels
        level = Self.trimmedMean(levels)
    }

    /// The median of the log times of one run.
    /// - Throws: as ``init(runs:what:)``.
    /// - Complexity: O(n log n).
    public static func runLevel(_ samples: [Double], what: @autoclosure () -> String = "a run") throws(StatisticsError) -> Double {
        guard let level = medianLog(samples) else {
            try StatisticsError.check(samples, atLeast: 1, what())
            throw .nonPositive(what: what())
        }
        return level
    }

    /// The median of the logs of `samples`, or nil when it is empty or a time is not finite and
    /// positive. For runs of up to ``stackSortLimit`` iterations the smaller half is sorted by
    /// insertion in a buffer on the stack (no allocation); longer ones by the standard
    /// library's sort. The
    /// median of the logs is the log of the median: one or two logarithms per run.
    static func medianLog(_ samples: [Double]) -> Double? {
        let n = samples.count
        guard n > 0 else { return nil }
        for sample in samples where !(sample > 0 && sample.isFinite) { return nil }
        guard n <= stackSortLimit else {
            let sorted = samples.sorted()
            return n % 2 == 1 ? log(sorted[n / 2]) : (log(sorted[n / 2 - 1]) + log(sorted[n / 2])) / 2
        }
        // Only the ⌊n/2⌋ + 1 smallest times matter: they are kept sorted by insertion, and a
        // time no smaller than the largest kept is passed over.
        let keep = n / 2 + 1
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: keep) { buffer in
            var filled = 0
            for index in 0..<n {
                let value = samples[index]
                var position: Int
                if filled < keep {
                    position = filled
                    filled += 1
                } else {
                    guard value < buffer[keep - 1] else { continue }
                    position = keep - 1
                }
                while position > 0 && buffer[position - 1] > value {
                    buffer[position] = buffer[position - 1]
                    position -= 1
                }
                buffer[position] = value
            }
            return n % 2 == 1 ? log(buffer[n / 2]) : (log(buffer[n / 2 - 1]) + log(buffer[n / 2])) / 2
        }
    }

    /// Runs of at most this many iterations are sorted by insertion on the stack.
    static let stackSortLimit = 64

    /// How many run levels are dropped at each end for K runs.
    public static func trimmedCount(runs: Int) -> Int {
        runs >= 3 ? max(1, runs / 5) : 0
    }

    /// The trimmed mean of run levels as described above. `levels` must not be empty.
    /// - Complexity: O(K log K); up to ``stackSortLimit`` runs sorted on the stack.
    static func trimmedMean(_ levels: [Double]) -> Double {
        let k = levels.count
        let g = trimmedCount(runs: k)
        guard g > 0 else { return levels.reduce(0, +) / Double(k) }
        func mean(of sorted: UnsafeBufferPointer<Double>) -> Double {
            var sum = 0.0
            for index in g..<(k - g) { sum += sorted[index] }
            return sum / Double(k - 2 * g)
        }
        guard k <= stackSortLimit else { return levels.sorted().withUnsafeBufferPointer(mean(of:)) }
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: k) { buffer in
            insertionSort(levels, into: buffer)
            return mean(of: UnsafeBufferPointer(buffer))
        }
    }

    /// `values` sorted into `buffer` (the same count) by insertion.
    private static func insertionSort(_ values: [Double], into buffer: UnsafeMutableBufferPointer<Double>) {
        for index in values.indices {
            let value = values[index]
            var position = index
            while position > 0 && buffer[position - 1] > value {
                buffer[position] = buffer[position - 1]
                position -= 1
            }
            buffer[position] = value
        }
    }

    /// κ_K, the variance of the commit level in units of (run-level variance) / K.
    public static func varianceFactor(runs: Int) -> Double {
        let g = trimmedCount(runs: runs)
        guard g > 0 else { return 1 }
        let alpha = Double(g) / Double(runs)
        let c = GSL.normalQinv(alpha)
        let density = exp(-c * c / 2) / (2 * Double.pi).squareRoot()
        let kept = 1 - 2 * alpha
        return (kept - 2 * c * density + 2 * alpha * c * c) / (kept * kept)
    }
}
