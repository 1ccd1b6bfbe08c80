/// One run's samples in a few numbers, stored beside its raw samples so that a series lists
/// without reading them. Times are in nanoseconds, whatever the file's unit.
public struct RunSummary: Hashable, Sendable {
    /// The number of timed iterations (samples).
    public var iterations: Int
    /// The fastest sample.
    public var minimum: Double
    /// The middle sample (the mean of the two middle ones for an even count, as R's `median`).
    public var median: Double
    /// The lower median: the ⌈n/2⌉-th smallest sample (the middle one for an odd count).
    public var lowerMedian: Double
    /// The upper median: the (⌊n/2⌋ + 1)-th smallest sample (the middle one for an odd count).
    /// With ``lowerMedian``, all that a statistic of the run's middle needs (the median of its
    /// log times, for one) without its samples.
    public var upperMedian: Double
    /// The slowest sample.
    public var maximum: Double
    /// The arithmetic mean.
    public var mean: Double

    /// Creates a run summary.
    public init(iterations: Int, minimum: Double, median: Double, lowerMedian: Double, upperMedian: Double,
                maximum: Double, mean: Double) {
        self.iterations = iterations
        self.minimum = minimum
        self.median = median
        self.lowerMedian = lowerMedian
        self.upperMedian = upperMedian
        self.maximum = maximum
        self.mean = mean
    }

    /// The summary of `samples` (not empty), in nanoseconds.
    /// - Complexity: O(n log n) in the number of samples (one sort of a copy).
    init(samples: [Double]) {
        let sorted = samples.sorted()
        let count = sorted.count
        let middle = count / 2
        iterations = count
        minimum = sorted.first ?? .nan
        maximum = sorted.last ?? .nan
        median = count == 0 ? .nan : count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        lowerMedian = count == 0 ? .nan : sorted[(count - 1) / 2]
        upperMedian = count == 0 ? .nan : sorted[middle]
        mean = count == 0 ? .nan : sorted.reduce(0, +) / Double(count)
    }

    /// How many numbers ``pack(_:)`` writes per run.
    static let packedCount = 7

    /// The summaries of a benchmark's runs as one blob: seven little-endian float64 per run
    /// (iterations, minimum, median, lower median, upper median, maximum, mean), 56 bytes a run.
    /// Stores of schema `v1-initial` alone held five (no lower and upper median);
    /// `v2-run-middle-samples` rewrites them (``HistorySchema``).
    static func pack(_ summaries: [RunSummary]) -> [UInt8] {
        SampleBlob.encode(summaries.flatMap {
            [Double($0.iterations), $0.minimum, $0.median, $0.lowerMedian, $0.upperMedian, $0.maximum, $0.mean]
        })
    }

    /// The summaries ``pack(_:)`` wrote, read where the bytes lie (such as in SQLite's buffer),
    /// or nil when they are not a whole number of them or a count of iterations is not a
    /// whole number (a damaged store).
    /// - Complexity: O(runs), one allocation.
    static func unpack(_ bytes: UnsafeRawBufferPointer) -> [RunSummary]? {
        let size = packedCount * 8
        guard bytes.count % size == 0 else { return nil }
        func value(_ run: Int, _ field: Int) -> Double {
            Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: run * size + field * 8, as: UInt64.self)))
        }
        let count = bytes.count / size
        var summaries: [RunSummary] = []
        summaries.reserveCapacity(count)
        for run in 0..<count {
            guard let iterations = Int(exactly: value(run, 0)) else { return nil }
            summaries.append(RunSummary(iterations: iterations, minimum: value(run, 1), median: value(run, 2),
                                        lowerMedian: value(run, 3), upperMedian: value(run, 4),
                                        maximum: value(run, 5), mean: value(run, 6)))
        }
        return summaries
    }
}
