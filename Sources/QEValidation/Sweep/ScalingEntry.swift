import QEResults
import QEStatistics

/// How one variant's cost grows with one numeric parameter, the other parameters held at `at`:
/// the fit a + b·nᵏ (``PowerLawFit``) and the intervals of ``ScalingFit``.
public struct ScalingEntry: Sendable, Codable, Equatable {
    /// The cost fitted.
    public enum Metric: String, Sendable, Codable, CaseIterable {
        /// Each run's level (the exponential of its mean log time): runs are the units.
        case time
        /// The results file's working-set figure, one per point.
        case workingSetBytes
        /// The results file's peak-allocated figure, one per point.
        case peakAllocatedBytes
    }

    public var variant: String
    public var parameter: String
    /// The values of the other parameters.
    public var at: [String: ParameterValue]
    public var metric: Metric
    /// The document's time unit, or `bytes`.
    public var unit: String
    public var exponent: ScalingFit.Estimate
    /// The slope of the log-log line (what a log-log plot shows, fixed costs included).
    public var logLogSlope: ScalingFit.Estimate
    /// a, in `unit`.
    public var intercept: Double
    /// b, in `unit` per nᵏ.
    public var coefficient: Double
    /// The lowest class whose model with lower-order terms fits (see ``ScalingFit/complexityClass``); nil when
    /// none is compatible.
    @ExplicitNull public var complexityClass: ComplexityClass?
    public var compatibleClasses: [ComplexityClass]
    /// nil when no interval could be computed.
    @ExplicitNull public var method: ScalingFit.IntervalMethod?
    public var confidence: Double
    @ExplicitNull public var replicates: Int?
    @ExplicitNull public var seed: UInt64?
    /// The sizes and the values fitted at each (runs' levels, or the one figure).
    public var sizes: [Double]
    public var values: [[Double]]
    /// The exponent reached the fit's bound (``PowerLawFit/maximumExponent``).
    public var exponentAtBound: Bool

    enum CodingKeys: String, CodingKey {
        case variant, parameter, at, metric, unit, exponent, logLogSlope, intercept, coefficient
        case complexityClass = "class"
        case compatibleClasses, method, confidence, replicates, seed, sizes, values, exponentAtBound
    }
}
