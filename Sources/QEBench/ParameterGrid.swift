import QEResults

/// The points of a sweep: every combination of the parameters' values (the cross product), the
/// first parameter varying slowest, in the order the values were given.
public struct ParameterGrid: Sendable, Equatable {
    public var parameters: [SweepParameter]

    /// - Throws: `SweepPlanError` when no parameter is given or a name is given twice.
    public init(_ parameters: [SweepParameter]) throws(SweepPlanError) {
        guard !parameters.isEmpty else { throw .noParameters }
        var seen: Set<String> = []
        for parameter in parameters where !seen.insert(parameter.name).inserted {
            throw .repeatedParameter(parameter.name)
        }
        self.parameters = parameters
    }

    /// Every point's values, by parameter name.
    /// - Complexity: O(product of the value counts).
    public var points: [[String: ParameterValue]] {
        parameters.reduce([[:]]) { partial, parameter in
            partial.flatMap { point in parameter.values.map { point.merging([parameter.name: $0]) { $1 } } }
        }
    }

    /// `BASE[seqLen=1024,dim=64]`: a point's benchmark name, the parameters in the order given.
    public func name(base: String, point: [String: ParameterValue]) -> String {
        base + "[" + parameters.map { "\($0.name)=\(point[$0.name]?.description ?? "")" }.joined(separator: ",") + "]"
    }
}
