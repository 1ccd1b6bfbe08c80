import Dispatch
import Foundation

/// How cost grows with a parameter: the power-law fit a + b·nᵏ (``PowerLawFit``), an interval
/// for k, the log-log slope with its interval, and the growth classes whose models with their
/// lower-order terms describe the costs (``ComplexityClassTest``).
///
/// Intervals, at `confidence`:
/// - ``IntervalMethod/runBootstrap`` when every size has two or more values (runs are the
///   independent units): B replicates resample the runs at each size with replacement, each
///   run's deviation from its size's mean log value widened by √(R/(R − 1)) so the resampled
///   means vary as much as the R runs' mean does (the plain bootstrap's variance is (R − 1)/R
///   of it, too narrow with five runs), and by t(N − s)/z at the interval's upper quantile for a spread estimated from
///   N values at s sizes; the fit is repeated with the same weights, and the interval is the
///   percentile interval of the B exponents (and slopes). Seeded in fixed
///   chunks as ``Bootstrap`` is, so the same seed gives the same interval on any machine.
/// - ``IntervalMethod/residualT`` when some size has one value (a memory figure): the
///   asymptotic interval of the weighted least-squares fit, k ± t(N − 3)·se(k), se from σ²·
///   (JᵀWJ)⁻¹ with σ² the weighted residual sum over N − 3 (R: `summary(nls(...))`), and the
///   ordinary t interval of the log-log slope (N − 2 degrees of freedom). Needs four sizes.
/// The run bootstrap's 95% interval covered the true k 92.5–95.3% of the time in ten simulated
/// scenarios (3 to 10 runs, 3–20% noise, 4 to 7 sizes, with and without fixed costs; the table is in
/// `scripts/simulation/README.md`).
public struct ScalingFit: Sendable, Equatable {
    /// How an interval was computed.
    public enum IntervalMethod: String, Sendable, Codable, CaseIterable {
        /// Resampling runs at each size (runs as the units).
        case runBootstrap = "run-bootstrap"
        /// The least-squares fit's asymptotic t interval (one value per size).
        case residualT = "residual-t"
    }

    /// A point estimate and its interval (nil ends when no interval could be computed).
    public struct Estimate: Sendable, Equatable, Codable {
        public var estimate: Double
        public var low: Double?
        public var high: Double?

        public init(estimate: Double, low: Double?, high: Double?) {
            self.estimate = estimate
            self.low = low
            self.high = high
        }

        func contains(_ value: Double) -> Bool {
            guard let low, let high else { return false }
            let slack = 1e-9 * max(1, abs(value))
            return value >= low - slack && value <= high + slack
        }

        /// Whether the interval meets `range` (false without an interval).
        func meets(_ range: ClosedRange<Double>) -> Bool {
            guard let low, let high else { return false }
            let slack = 1e-9 * max(1, abs(low), abs(high))
            return low <= range.upperBound + slack && high >= range.lowerBound - slack
        }
    }

    public let curve: PowerLawFit
    /// k, with its interval.
    public let exponent: Estimate
    /// The slope of ln(cost) on ln(n), with its interval.
    public let logLogSlope: Estimate
    /// nil when no interval could be computed (three sizes of single values).
    public let method: IntervalMethod?
    public let confidence: Double
    /// For the bootstrap: replicates and seed.
    public let replicates: Int?
    public let seed: UInt64?
    /// The classes whose model, with its lower-order terms, fits as well as the free power law
    /// and has a confidently positive leading coefficient (``ComplexityClassTest``), and whose
    /// growth agrees with the intervals: k's interval comes within ``exponentTolerance`` of the
    /// slopes the class's growing part can have over the measured sizes
    /// (``ComplexityClass/growthSlopes(smallestSize:)``: n: 1; n log n: 1 to 1 + 1/ln n at the
    /// smallest size; n²: 1 to 2; n³: 1 to 3), and for ``ComplexityClass/constant`` the log-log
    /// slope's interval comes within it of 0 (constant is then compatible without the model
    /// comparison when k's interval also reaches within it of 0: growth not established). No class is compatible
    /// without an interval. In the order of ``ComplexityClass/allCases`` (slowest growth first).
    public let compatibleClasses: [ComplexityClass]
    /// The lowest compatible class; nil when none is.
    public let complexityClass: ComplexityClass?

    /// - Throws: `StatisticsError` as ``PowerLawFit``, for `replicates` < 1 or a confidence
    ///   outside (0, 1).
    /// - Complexity: O(B·s·K/``PowerLawFit/gridStep``) for the bootstrap, O(N) otherwise.
    public init(
        points: [ScalingPoint], confidence: Double = 0.95, replicates: Int = Bootstrap.defaultReplicates,
        seed: UInt64 = Bootstrap.defaultSeed
    ) throws(StatisticsError) {
        try StatisticsError.checkConfidence(confidence)
        guard replicates >= 1 else { throw .invalidParameter("a bootstrap needs at least 1 replicate, got \(replicates)") }
        let design = try ScalingDesign(points: points)
        let curve = try PowerLawFit(points: points)
        self.curve = curve
        self.confidence = confidence
        let slope = design.logLogSlope(means: design.means)
        if points.allSatisfy({ $0.values.count >= 2 }) {
            let replicateEstimates = Self.bootstrap(design: design, replicates: replicates, seed: seed, confidence: confidence)
            let alpha = 1 - confidence
            let exponents = SortedSample(sorting: replicateEstimates.map(\.exponent))
            let slopes = SortedSample(sorting: replicateEstimates.map(\.slope))
            exponent = Estimate(
                estimate: curve.exponent, low: exponents.quantile(alpha / 2), high: exponents.quantile(1 - alpha / 2))
            logLogSlope = Estimate(estimate: slope, low: slopes.quantile(alpha / 2), high: slopes.quantile(1 - alpha / 2))
            method = .runBootstrap
            self.replicates = replicates
            self.seed = seed
        } else if let wald = ResidualTInterval(design: design, curve: curve, confidence: confidence) {
            exponent = Estimate(estimate: curve.exponent, low: wald.exponentLow, high: wald.exponentHigh)
            logLogSlope = Estimate(estimate: slope, low: wald.slopeLow, high: wald.slopeHigh)
            method = .residualT
            self.replicates = nil
            self.seed = nil
        } else {
            exponent = Estimate(estimate: curve.exponent, low: nil, high: nil)
            logLogSlope = Estimate(estimate: slope, low: nil, high: nil)
            method = nil
            self.replicates = nil
            self.seed = nil
        }
        // A class must also agree with the exponent's interval: with few sizes the lack-of-fit
        // comparison is weak, and only k's interval says that a cost grows faster than n.
        // Exponents within ``exponentTolerance`` count as the same growth: elapsed times carry
        // distortions of a percent or so across sizes (caches, clocks), and with precise runs
        // k's interval is narrow enough to exclude an exact n³ loop measured at k = 3.01.
        let smallestSize = points.map(\.size).min() ?? 1
        let exponent = self.exponent
        let logLogSlope = self.logLogSlope
        // A flat cost whose growth is not established (k's interval reaches down to 0) is
        // constant even when the model comparison prefers a + b·nᵏ: that preference then comes
        // from one size's runs (a burst of other work while it was measured), not from growth.
        let growthUnestablished = exponent.low.map { $0 <= Self.exponentTolerance } ?? false
        compatibleClasses = ComplexityClass.allCases.filter { candidate in
            let estimate = candidate == .constant ? logLogSlope : exponent
            let slopes = candidate.growthSlopes(smallestSize: smallestSize)
            guard estimate.meets((slopes.lowerBound - Self.exponentTolerance)...(slopes.upperBound + Self.exponentTolerance))
            else { return false }
            if candidate == .constant && growthUnestablished { return true }
            return ComplexityClassTest(candidate, design: design, free: curve, confidence: confidence).compatible
        }
        complexityClass = compatibleClasses.first
    }

    /// How far k's interval may lie from a class's exponents and still agree with it.
    public static let exponentTolerance = 0.1

    /// Exponent and slope of each bootstrap replicate, in replicate order.
    private static func bootstrap(
        design: ScalingDesign, replicates: Int, seed: UInt64, confidence: Double
    ) -> [(exponent: Double, slope: Double)] {
        // Per size: the runs' log values and their mean, and the widening factor √(R/(R − 1)).
        let logs = design.values.map { $0.map(Foundation.log) }
        let centres = logs.map { $0.reduce(0, +) / Double($0.count) }
        // The mean of R resampled runs varies (R − 1)/R as much as the mean of the R runs does;
        // and with the runs' spread estimated from the data, a t quantile with N − s degrees of
        // freedom (N values at s sizes) rather than a normal one sets the interval's ends.
        let degreesOfFreedom = Double(design.observations - design.values.count)
        let upper = 1 - (1 - confidence) / 2
        let tailRatio = Probability.studentTQuantile(upper, degreesOfFreedom: degreesOfFreedom) / GSL.normalPinv(upper)
        let widening = design.values.map { (Double($0.count) / Double($0.count - 1)).squareRoot() * tailRatio }
        let chunks = Bootstrap.chunkCount
        let slots = ReplicateSlots(count: replicates)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var random = RandomSource(seed: SplitMix64.output(seed: seed, index: UInt64(chunk)))
            var means = [Double](repeating: 0, count: logs.count)
            for replicate in Bootstrap.chunkBounds(chunk, replicates: replicates) {
                for point in logs.indices {
                    let runs = logs[point]
                    var sum = 0.0
                    for _ in runs.indices {
                        let drawn = runs[Int(random.nextIndex(below32: UInt32(runs.count)))]
                        sum += Foundation.exp(centres[point] + widening[point] * (drawn - centres[point]))
                    }
                    means[point] = sum / Double(runs.count)
                }
                let fitted = design.fit(means: means)
                slots.store((fitted.exponent, design.logLogSlope(means: means)), at: replicate)
            }
        }
        return slots.values
    }
}

/// Replicate results written by concurrent chunks, each into its own slots.
private final class ReplicateSlots: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<(exponent: Double, slope: Double)>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: (0, 0))
    }

    func store(_ value: (exponent: Double, slope: Double), at index: Int) { buffer[index] = value }

    var values: [(exponent: Double, slope: Double)] { Array(buffer) }

    deinit { buffer.deallocate() }
}
