/// One measured size of a scaling fit: the parameter value n and the cost measured there, one
/// value per independent unit (a run's time level, or a single memory figure).
public struct ScalingPoint: Sendable, Hashable {
    /// The parameter value (a size), finite and positive.
    public var size: Double
    /// The costs measured at `size`, each finite and positive: one per run for times, one for a
    /// memory figure.
    public var values: [Double]

    public init(size: Double, values: [Double]) {
        self.size = size
        self.values = values
    }
}
