import QEResults

/// One point of a sweep in its document.
public struct SweepPointResult: Sendable, Codable, Equatable {
    /// The benchmark's name at this point (the baseline variant's).
    public var name: String
    public var parameters: [String: ParameterValue]
    /// nil when the point has one variant.
    public var speedup: SpeedupInterval?
    /// The claim's verdict; nil without a claim or a speedup.
    public var verdict: ClaimVerdict?
    /// `faster`, `slower` or `indistinguishable` (the interval against 1); nil without a speedup.
    public var direction: ComparisonVerdict?
    /// Whether the crossover's criterion holds here; nil without a speedup.
    public var criterionHolds: Bool?
    /// Runs measured of each variant.
    public var runs: [String: Int]
    public var warnings: [String]

    enum CodingKeys: String, CodingKey {
        case name, parameters, speedup, verdict, direction, criterionHolds, runs, warnings
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(parameters, forKey: .parameters)
        try container.encode(speedup, forKey: .speedup)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(direction, forKey: .direction)
        try container.encode(criterionHolds, forKey: .criterionHolds)
        try container.encode(runs, forKey: .runs)
        try container.encode(warnings, forKey: .warnings)
    }
}
