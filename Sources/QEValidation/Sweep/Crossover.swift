import QEResults

/// Where a claim starts to hold along a swept parameter: the smallest measured value v such
/// that the criterion holds at v and at every larger measured value.
///
/// Found by walking down from the largest value and stopping at the first point where the
/// criterion fails: a fixed-sequence test (Maurer, Hothorn & Lehmacher 1995), so the statement
/// "holds at every value from v on" is made at the intervals' confidence without a further
/// correction for the number of points.
public struct Crossover: Sendable, Codable, Equatable {
    /// A measured point next to the crossover.
    public struct Neighbour: Sendable, Codable, Equatable {
        public var value: Double
        public var speedup: SpeedupInterval
        public var criterionHolds: Bool
    }

    public var parameter: String
    public var value: Double
    /// The interval at `value` (in the slice `at`): its lower end decides.
    public var speedup: SpeedupInterval
    /// The other parameters' values where `speedup` was measured.
    public var at: [String: ParameterValue]
    /// The measured point just below `value`, where the criterion fails; nil when `value` is
    /// the smallest measured value (the claim holds over the whole measured range, and the true
    /// crossover may lie below it).
    @ExplicitNull public var previous: Neighbour?
    /// Whether the criterion holds from the smallest measured value on (`previous` is nil).
    public private(set) var fromFirstPoint: Bool

    public init(parameter: String, value: Double, speedup: SpeedupInterval, at: [String: ParameterValue], previous: Neighbour?) {
        self.parameter = parameter
        self.value = value
        self.speedup = speedup
        self.at = at
        self.previous = previous
        fromFirstPoint = previous == nil
    }

    /// The crossover along `parameter` of points given as (value, speedup, criterion holds),
    /// in any order; nil when the criterion fails at the largest value.
    /// - Complexity: O(p log p) for p points.
    public static func find(
        parameter: String, at: [String: ParameterValue], points: [(value: Double, speedup: SpeedupInterval, holds: Bool)]
    ) -> Crossover? {
        let ordered = points.sorted { $0.value < $1.value }
        guard let last = ordered.indices.last, ordered[last].holds else { return nil }
        var first = last
        while first > 0 && ordered[first - 1].holds { first -= 1 }
        let previous = first > 0
            ? Neighbour(value: ordered[first - 1].value, speedup: ordered[first - 1].speedup, criterionHolds: false) : nil
        return Crossover(parameter: parameter, value: ordered[first].value, speedup: ordered[first].speedup, at: at, previous: previous)
    }
}

/// The crossover of one slice of a sweep (the other parameters held at `at`).
public struct SliceCrossover: Sendable, Codable, Equatable {
    public var at: [String: ParameterValue]
    @ExplicitNull public var crossover: Crossover?

    public init(at: [String: ParameterValue], crossover: Crossover?) {
        self.at = at
        self.crossover = crossover
    }
}
