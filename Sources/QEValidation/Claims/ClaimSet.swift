/// The claims to judge: one for every workload, and overrides for some.
public struct ClaimSet: Sendable, Equatable {
    /// The claim for workloads without their own; nil when only named workloads are judged.
    public var global: ClaimedRange?
    /// Claims for named workloads, overriding `global`.
    public var perWorkload: [String: ClaimedRange]
    /// Workloads the user named, which the data must have (a catalogue's claims are not).
    public var namedByUser: Set<String>

    public init(global: ClaimedRange? = nil, perWorkload: [String: ClaimedRange] = [:], namedByUser: Set<String>? = nil) {
        self.global = global
        self.perWorkload = perWorkload
        self.namedByUser = namedByUser ?? Set(perWorkload.keys)
    }

    /// The claim for `workload`, if any.
    public func claim(for workload: String) -> ClaimedRange? {
        perWorkload[workload] ?? global
    }

    /// Adds `other`'s claims; `other` wins where both name the same workload or both are global.
    public func merging(_ other: ClaimSet) -> ClaimSet {
        ClaimSet(
            global: other.global ?? global, perWorkload: perWorkload.merging(other.perWorkload) { $1 },
            namedByUser: namedByUser.union(other.namedByUser))
    }

    public var isEmpty: Bool { global == nil && perWorkload.isEmpty }
}
