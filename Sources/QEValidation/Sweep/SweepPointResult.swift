import QEResults

/// One point of a sweep in its document.
public struct SweepPointResult: Sendable, Codable, Equatable {
    /// The benchmark's name at this point (the baseline variant's).
    public var name: String
    public var parameters: [String: ParameterValue]
    /// nil when the point has one variant.
    @ExplicitNull public var speedup: SpeedupInterval?
    /// The claim's verdict; nil without a claim or a speedup.
    @ExplicitNull public var verdict: ClaimVerdict?
    /// `faster`, `slower` or `indistinguishable` (the interval against 1); nil without a speedup.
    @ExplicitNull public var direction: ComparisonVerdict?
    /// Whether the crossover's criterion holds here; nil without a speedup.
    @ExplicitNull public var criterionHolds: Bool?
    /// Runs measured of each variant.
    public var runs: [String: Int]
    public var warnings: [String]

}
