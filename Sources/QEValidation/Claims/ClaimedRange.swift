import QEFormats

/// A claimed speedup: at least `low`, and at most `high` (infinite for "at least" claims).
public struct ClaimedRange: Sendable, Equatable, Codable, CustomStringConvertible {
    public var low: Double
    /// `+∞` when the claim has no upper end (`3x`, `>=2.49x`).
    public var high: Double

    public init(low: Double, high: Double = .infinity) {
        self.low = low
        self.high = high
    }

    /// `2.49x–7.47x`, or `≥ 3x`.
    public var description: String {
        high.isInfinite ? "≥ \(NumberText.plain(low))x" : "\(NumberText.plain(low))x–\(NumberText.plain(high))x"
    }

    /// The verdict for a speedup interval [low, high] (DESIGN §4):
    /// `exceeds` when the interval is wholly above the claimed range, `holds` when its lower end
    /// is at or above the claimed minimum (and not wholly above the range), `refuted` when it is
    /// wholly below the claimed minimum, `inconclusive` when it straddles the claimed minimum.
    public func verdict(low intervalLow: Double, high intervalHigh: Double) -> ClaimVerdict {
        if intervalLow > high { return .exceeds }
        if intervalLow >= low { return .holds }
        if intervalHigh < low { return .refuted }
        return .inconclusive
    }

    enum CodingKeys: String, CodingKey { case low, high }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(low, forKey: .low)
        // JSON has no infinity: an open-ended claim has "high": null.
        if high.isFinite { try container.encode(high, forKey: .high) } else { try container.encodeNil(forKey: .high) }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        low = try container.decode(Double.self, forKey: .low)
        high = try container.decodeIfPresent(Double.self, forKey: .high) ?? .infinity
    }
}

/// The verdict on one workload's claim.
public enum ClaimVerdict: String, Sendable, Codable, CaseIterable {
    /// The interval's lower end reaches the claimed minimum.
    case holds
    /// Faster than claimed: the whole interval is above the claimed range.
    case exceeds
    /// Confidently slower than the claimed minimum.
    case refuted
    /// The interval straddles the claimed minimum: the data cannot decide.
    case inconclusive

    /// Whether more data could change this verdict in a useful way.
    public var isDecided: Bool { self != .inconclusive }
}

/// The verdict over every judged workload.
public enum OverallVerdict: String, Sendable, Codable {
    /// Every workload holds or exceeds.
    case validated
    /// At least one workload is refuted.
    case notValidated = "not-validated"
    /// Otherwise.
    case inconclusive

    public init(_ verdicts: [ClaimVerdict]) {
        if verdicts.contains(.refuted) {
            self = .notValidated
        } else if verdicts.allSatisfy({ $0 == .holds || $0 == .exceeds }) {
            self = .validated
        } else {
            self = .inconclusive
        }
    }
}
