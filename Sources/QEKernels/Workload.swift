/// One attention workload of a suite: its shape and the speedup the study claimed for it.
public struct Workload: Sendable, Hashable, CustomStringConvertible {
    /// The workload's name, as it appears in results files (for example `test-similarity`).
    public let name: String
    /// Sequence length: rows of Q, K and V.
    public let seqLen: Int
    /// Head dimension: columns of Q, K and V.
    public let dim: Int
    /// The speedup of `flash` over `baseline` the study claimed (DESIGN §5).
    public let claimedSpeedup: ClaimedSpeedup

    public init(name: String, seqLen: Int, dim: Int, claimedSpeedup: ClaimedSpeedup) {
        self.name = name
        self.seqLen = seqLen
        self.dim = dim
        self.claimedSpeedup = claimedSpeedup
    }

    /// Floating-point operations of one attention call: 2·seqLen²·dim for QKᵀ and as many for
    /// the product with V.
    public var flops: Double { 4 * Double(seqLen) * Double(seqLen) * Double(dim) }

    public var description: String { "\(name) (seqLen \(seqLen), dim \(dim))" }
}

/// A claimed speedup range, low ≤ high.
public struct ClaimedSpeedup: Sendable, Hashable {
    public let low: Double
    public let high: Double

    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }
}
