/// One run's samples in a few numbers, stored beside its raw samples so that a series lists
/// without reading them. Times are in nanoseconds, whatever the file's unit.
public struct RunSummary: Hashable, Sendable {
    /// The number of timed iterations (samples).
    public var iterations: Int
    /// The fastest sample.
    public var minimum: Double
    /// The middle sample (the mean of the two middle ones for an even count, as R's `median`).
    public var median: Double
    /// The slowest sample.
    public var maximum: Double
    /// The arithmetic mean.
    public var mean: Double

    /// Creates a run summary.
    public init(iterations: Int, minimum: Double, median: Double, maximum: Double, mean: Double) {
        self.iterations = iterations
        self.minimum = minimum
        self.median = median
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
        mean = count == 0 ? .nan : sorted.reduce(0, +) / Double(count)
    }

    /// The summaries of a benchmark's runs as one blob: five little-endian float64 per run
    /// (iterations, minimum, median, maximum, mean), 40 bytes a run.
    static func pack(_ summaries: [RunSummary]) -> [UInt8] {
        SampleBlob.encode(summaries.flatMap { [Double($0.iterations), $0.minimum, $0.median, $0.maximum, $0.mean] })
    }

    /// The summaries ``pack(_:)`` wrote, or nil when the blob is not a whole number of them.
    static func unpack(_ bytes: [UInt8]) -> [RunSummary]? {
        guard let values = SampleBlob.decode(bytes), values.count % 5 == 0 else { return nil }
        return stride(from: 0, to: values.count, by: 5).map { start in
            RunSummary(iterations: Int(values[start]), minimum: values[start + 1], median: values[start + 2],
                       maximum: values[start + 3], mean: values[start + 4])
        }
    }
}
